import { createElement } from 'lwc';
import SendbirdCaseConversation from 'c/sendbirdCaseConversation';
import getConversation from '@salesforce/apex/SendbirdCaseConversationController.getConversation';
import getMembers from '@salesforce/apex/SendbirdCaseConversationController.getMembers';
import listFailures from '@salesforce/apex/SendbirdFailureConsoleController.listFailures';
import { caseConversation } from './standIns';
import { settle, writeFragment } from './shoot';

jest.mock(
    '@salesforce/apex/SendbirdCaseConversationController.getConversation',
    () => ({ default: jest.fn() }),
    { virtual: true }
);
jest.mock(
    '@salesforce/apex/SendbirdCaseConversationController.getMembers',
    () => ({ default: jest.fn() }),
    { virtual: true }
);
jest.mock(
    '@salesforce/apex/SendbirdFailureConsoleController.listFailures',
    () => ({ default: jest.fn() }),
    { virtual: true }
);

it('renders the Case panel: channel, transcript, summary, members and an open failure', async () => {
    getConversation.mockResolvedValue(caseConversation.conversation);
    getMembers.mockResolvedValue(caseConversation.members);
    listFailures.mockResolvedValue(caseConversation.failures);
    const element = createElement('c-sendbird-case-conversation', { is: SendbirdCaseConversation });
    element.recordId = caseConversation.recordId;
    document.body.appendChild(element);
    await settle();

    const html = writeFragment('case-conversation', element);

    expect(html).toContain('Bo Agent');
    expect(html).toContain('SSF-000001');
    expect(html).toContain('>Open in chat</button>');
});
