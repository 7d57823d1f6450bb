import { createElement } from 'lwc';
import SendbirdFailureConsole from 'c/sendbirdFailureConsole';
import listPage from '@salesforce/apex/SendbirdFailureConsoleController.listPage';
import { failureConsole } from './standIns';
import { settle, writeFragment } from './shoot';

jest.mock(
    '@salesforce/apex/SendbirdFailureConsoleController.listPage',
    () => ({ default: jest.fn() }),
    { virtual: true }
);

it('renders the failure console: filters with counts and the open failures, two selected', async () => {
    listPage.mockResolvedValue(failureConsole.page);
    const element = createElement('c-sendbird-failure-console', { is: SendbirdFailureConsole });
    document.body.appendChild(element);
    await settle();
    const table = element.shadowRoot.querySelector('lightning-datatable');
    table.dispatchEvent(
        new CustomEvent('rowselection', {
            detail: { selectedRows: [table.data[0], table.data[2]] }
        })
    );
    await settle();

    const html = writeFragment('failure-console', element);

    expect(html).toContain('Open (6)');
    expect(html).toContain('SSF-000003');
    expect(html).toContain('Selected: 2');
});
