import { createElement } from 'lwc';
import SendbirdKnowledgeSync from 'c/sendbirdKnowledgeSync';
import getStatus from '@salesforce/apex/SendbirdKnowledgeSyncController.getStatus';
import syncNow from '@salesforce/apex/SendbirdKnowledgeSyncController.syncNow';

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

// eslint-disable-next-line @lwc/lwc/no-async-operation
const flushPromises = () => new Promise((resolvePromise) => setTimeout(resolvePromise, 0));

async function mount(status = STATUS) {
    getStatus.mockResolvedValue(status);
    const element = createElement('c-sendbird-knowledge-sync', { is: SendbirdKnowledgeSync });
    document.body.appendChild(element);
    await flushPromises();
    return element;
}

const $ = (element, selector) => element.shadowRoot.querySelector(selector);
const text = (element, selector) => $(element, selector)?.textContent.trim();

describe('c-sendbird-knowledge-sync', () => {
    afterEach(() => {
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
        jest.clearAllMocks();
    });

    it('shows the last run, its counts and message, the schedule and the articles', async () => {
        const element = await mount();

        expect(getStatus).toHaveBeenCalledTimes(1);
        expect(text(element, '.run-status')).toBe('Done');
        expect(text(element, '.run-counts')).toBe('3 created, 2 updated, 1 deleted, 1 failed');
        expect(text(element, '.run-message')).toContain('stay due');
        expect(text(element, '.schedule')).toBe('Scheduled (0 0 * * * ?)');
        expect(text(element, '.articles')).toBe('41 articles sent, 1 due');
        expect($(element, '.setup-hint')).toBeNull();
        expect($(element, 'lightning-button.sync').disabled).toBe(false);
    });

    it('starts a run and shows the answer', async () => {
        const element = await mount();
        syncNow.mockResolvedValue({
            ...STATUS,
            lastRun: {
                ...STATUS.lastRun,
                Name: 'SKP-000008',
                Status__c: 'Running',
                Message__c: null
            }
        });

        $(element, 'lightning-button.sync').click();
        await flushPromises();

        expect(syncNow).toHaveBeenCalledTimes(1);
        expect(text(element, '.run-status')).toBe('Running');
        expect($(element, '.run-message')).toBeNull();
    });

    it('says what to set, and offers no sync, while the push is not configured', async () => {
        const element = await mount({
            configured: false,
            setupHint:
                'The Knowledge push is off: set AI Agent Id and tick Knowledge Push Enabled.',
            dueArticles: 0,
            snippets: 0
        });

        expect(text(element, '.setup-hint')).toContain('AI Agent Id');
        expect($(element, 'lightning-button.sync').disabled).toBe(true);
        expect(text(element, '.no-run')).toBe('No run yet.');
        expect(text(element, '.schedule')).toContain('Not scheduled');
    });

    it('shows an Apex error as an alert', async () => {
        getStatus.mockRejectedValue({
            body: { message: 'Only Sendbird admins can sync Knowledge.' }
        });
        const element = createElement('c-sendbird-knowledge-sync', { is: SendbirdKnowledgeSync });
        document.body.appendChild(element);
        await flushPromises();

        expect(text(element, '.sync-error')).toContain('Only Sendbird admins');
        expect($(element, '.run-status')).toBeNull();
    });

    it('is accessible with a run and without configuration', async () => {
        const element = await mount();
        await expect(element).toBeAccessible();

        document.body.removeChild(element);
        const unconfigured = await mount({ configured: false, setupHint: 'Set AI Agent Id.' });
        await expect(unconfigured).toBeAccessible();
    });
});
