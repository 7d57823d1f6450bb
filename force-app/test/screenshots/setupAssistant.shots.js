import { createElement } from 'lwc';
import SendbirdSetupAssistant from 'c/sendbirdSetupAssistant';
import runChecks from '@salesforce/apex/SendbirdSetupController.runChecks';
import listTestHandoffs from '@salesforce/apex/SendbirdSetupController.listTestHandoffs';
import getStatus from '@salesforce/apex/SendbirdKnowledgeSyncController.getStatus';
import { setupAssistant } from './standIns';
import { settle, writeFragment } from './shoot';

jest.mock('@salesforce/apex/SendbirdSetupController.runChecks', () => ({ default: jest.fn() }), {
    virtual: true
});
jest.mock(
    '@salesforce/apex/SendbirdSetupController.listTestHandoffs',
    () => ({ default: jest.fn() }),
    { virtual: true }
);
jest.mock(
    '@salesforce/apex/SendbirdKnowledgeSyncController.getStatus',
    () => ({ default: jest.fn() }),
    { virtual: true }
);

it('renders the setup tab: checks passed, failed and unknown, a pending test handoff, Knowledge', async () => {
    runChecks.mockResolvedValue(setupAssistant.checks);
    listTestHandoffs.mockResolvedValue(setupAssistant.handoffs);
    getStatus.mockResolvedValue(setupAssistant.knowledge);
    const element = createElement('c-sendbird-setup-assistant', { is: SendbirdSetupAssistant });
    document.body.appendChild(element);
    await settle();

    const html = writeFragment('setup-assistant', element);

    expect(html).toContain('Passed: 2. Failed: 1. Unknown: 1.');
    expect(html).toContain('00001027');
    expect(html).toContain('3 created, 2 updated, 1 deleted, 1 failed');
});
