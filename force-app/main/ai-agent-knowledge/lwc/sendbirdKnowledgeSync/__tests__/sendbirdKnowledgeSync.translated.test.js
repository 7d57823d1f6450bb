import { createElement } from 'lwc';
import SendbirdKnowledgeSync from 'c/sendbirdKnowledgeSync';
import getStatus from '@salesforce/apex/SendbirdKnowledgeSyncController.getStatus';

const STATUS = require('./data/status.json');

jest.mock(
    '@salesforce/apex/SendbirdKnowledgeSyncController.getStatus',
    () => ({ default: jest.fn() }),
    { virtual: true }
);
jest.mock(
    '@salesforce/apex/SendbirdKnowledgeSyncController.syncNow',
    () => ({ default: jest.fn() }),
    { virtual: true }
);
// A translation, as Translation Workbench would give it: other words, placeholders moved.
// Not virtual: the jest resolver maps each label to a real module.
jest.mock('@salesforce/label/c.Sendbird_Knowledge_Sync_Title', () => ({ default: 'Wissen' }));
jest.mock('@salesforce/label/c.Sendbird_Knowledge_Sync_Status_Done', () => ({ default: 'Fertig' }));
jest.mock('@salesforce/label/c.Sendbird_Knowledge_Sync_Counts_Line', () => ({
    default: '{3} fehlgeschlagen, {0} neu, {1} geändert, {2} gelöscht'
}));
jest.mock('@salesforce/label/c.Sendbird_Knowledge_Sync_Articles', () => ({
    default: 'fällig: {1}; gesendet: {0}'
}));
jest.mock('@salesforce/label/c.Sendbird_Knowledge_Sync_Last_Run', () => ({
    default: 'Letzter Lauf'
}));

// eslint-disable-next-line @lwc/lwc/no-async-operation
const flushPromises = () => new Promise((resolvePromise) => setTimeout(resolvePromise, 0));

/** Every word of the card comes from a Custom Label, so a translation reaches all of it. */
describe('c-sendbird-knowledge-sync translated', () => {
    afterEach(() => {
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
    });

    it('shows the labels, the run status label for its value and the counts in label order', async () => {
        getStatus.mockResolvedValue(STATUS);
        const element = createElement('c-sendbird-knowledge-sync', { is: SendbirdKnowledgeSync });
        document.body.appendChild(element);
        await flushPromises();
        const text = (selector) => element.shadowRoot.querySelector(selector).textContent.trim();

        expect(element.shadowRoot.querySelector('lightning-card').title).toBe('Wissen');
        expect(text('.run-status')).toBe('Fertig');
        expect(text('.run-counts')).toBe('1 fehlgeschlagen, 3 neu, 2 geändert, 1 gelöscht');
        expect(text('.articles')).toBe('fällig: 1; gesendet: 41');
        expect(text('.last-run dt')).toBe('Letzter Lauf');
    });
});
