import { createElement } from 'lwc';
import SendbirdFailureConsole from 'c/sendbirdFailureConsole';
import listFailures from '@salesforce/apex/SendbirdFailureConsoleController.listFailures';
import retry from '@salesforce/apex/SendbirdFailureConsoleController.retry';
import resolve from '@salesforce/apex/SendbirdFailureConsoleController.resolve';

const FAILURES = require('./data/failures.json');
const IDS = FAILURES.failures.map((failure) => failure.Id);

jest.mock(
    '@salesforce/apex/SendbirdFailureConsoleController.listFailures',
    () => ({ default: jest.fn() }),
    { virtual: true }
);
jest.mock(
    '@salesforce/apex/SendbirdFailureConsoleController.retry',
    () => ({ default: jest.fn() }),
    { virtual: true }
);
jest.mock(
    '@salesforce/apex/SendbirdFailureConsoleController.resolve',
    () => ({ default: jest.fn() }),
    { virtual: true }
);

// Waits out the imperative Apex chains and the re-render.
// eslint-disable-next-line @lwc/lwc/no-async-operation
const flushPromises = () => new Promise((resolvePromise) => setTimeout(resolvePromise, 0));

async function mount(result = FAILURES) {
    listFailures.mockResolvedValue(result);
    const element = createElement('c-sendbird-failure-console', { is: SendbirdFailureConsole });
    document.body.appendChild(element);
    await flushPromises();
    return element;
}

const $ = (element, selector) => element.shadowRoot.querySelector(selector);
const text = (element, selector) => $(element, selector)?.textContent.trim();

async function select(element, ids) {
    const table = $(element, 'lightning-datatable');
    table.dispatchEvent(
        new CustomEvent('rowselection', {
            detail: { selectedRows: table.data.filter((row) => ids.includes(row.Id)) }
        })
    );
    await flushPromises();
}

describe('c-sendbird-failure-console', () => {
    afterEach(() => {
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
        jest.clearAllMocks();
    });

    it('lists the open failures with links and a count per status', async () => {
        const element = await mount();

        expect(listFailures).toHaveBeenCalledWith({ status: 'Open', caseId: null });
        const rows = $(element, 'lightning-datatable').data;
        expect(rows).toHaveLength(2);
        expect(rows[0]).toEqual(
            expect.objectContaining({
                Name: 'SSF-000003',
                recordUrl: '/a01000000000003AAA',
                caseUrl: '/500000000000003AAA',
                caseNumber: '00001003',
                userName: 'Ada Agent'
            })
        );
        expect(rows[1].caseUrl).toBeUndefined();
        expect($(element, 'lightning-combobox').options.map((option) => option.label)).toEqual([
            'Open (2)',
            'Retried (3)',
            'Resolved (4)',
            'All (9)'
        ]);
        expect($(element, '.truncated')).toBeNull();
    });

    it('lists another status when the filter changes', async () => {
        const element = await mount();

        $(element, 'lightning-combobox').dispatchEvent(
            new CustomEvent('change', { detail: { value: 'Resolved' } })
        );
        await flushPromises();

        expect(listFailures).toHaveBeenLastCalledWith({ status: 'Resolved', caseId: null });
    });

    it('lists again on Refresh', async () => {
        const element = await mount();
        listFailures.mockResolvedValue({ ...FAILURES, failures: [] });

        $(element, 'lightning-button-icon.refresh').click();
        await flushPromises();

        expect(listFailures).toHaveBeenCalledTimes(2);
        expect(text(element, '.empty')).toBe('No open sync failures.');
    });

    it('offers Retry and Resolve only for a selection', async () => {
        const element = await mount();

        expect($(element, 'lightning-button.retry').disabled).toBe(true);
        expect($(element, 'lightning-button.resolve').disabled).toBe(true);

        await select(element, [IDS[0]]);

        expect($(element, 'lightning-button.retry').disabled).toBe(false);
        expect($(element, 'lightning-button.resolve').disabled).toBe(false);
        expect(text(element, '.selection')).toBe('1 selected');
    });

    it('retries the selected failures, says what happened and lists them again', async () => {
        const element = await mount();
        await select(element, IDS);
        retry.mockResolvedValue({ selected: 2, changed: 1 });

        $(element, 'lightning-button.retry').click();
        await flushPromises();

        expect(retry).toHaveBeenCalledWith({ failureIds: IDS });
        expect(text(element, '.outcome')).toBe(
            '1 of 2 selected failures queued again. 1 left as it was: not open, or no user to invite or remove.'
        );
        expect(listFailures).toHaveBeenCalledTimes(2);
        expect(text(element, '.selection')).toBe('0 selected');
        expect($(element, 'lightning-button.retry').disabled).toBe(true);
    });

    it('resolves the selected failures', async () => {
        const element = await mount();
        await select(element, [IDS[1]]);
        resolve.mockResolvedValue({ selected: 1, changed: 1 });

        $(element, 'lightning-button.resolve').click();
        await flushPromises();

        expect(resolve).toHaveBeenCalledWith({ failureIds: [IDS[1]] });
        expect(text(element, '.outcome')).toBe('1 of 1 selected failure resolved.');
    });

    it('counts what Resolve left as it was', async () => {
        const element = await mount();
        await select(element, IDS);
        resolve.mockResolvedValue({ selected: 2, changed: 0 });

        $(element, 'lightning-button.resolve').click();
        await flushPromises();

        expect(text(element, '.outcome')).toBe(
            '0 of 2 selected failures resolved. 2 left as they were: not open.'
        );
    });

    it('says why an action was refused, and keeps the selection', async () => {
        const element = await mount();
        await select(element, IDS);
        resolve.mockRejectedValue({
            body: { message: 'You cannot change these failure records: insufficient access' }
        });

        $(element, 'lightning-button.resolve').click();
        await flushPromises();

        expect(text(element, '.error')).toBe(
            'You cannot change these failure records: insufficient access'
        );
        expect(text(element, '.selection')).toBe('2 selected');
    });

    it('says why the log cannot be read', async () => {
        listFailures.mockRejectedValue({
            body: { message: 'You do not have access to Sendbird sync failures.' }
        });
        const element = createElement('c-sendbird-failure-console', {
            is: SendbirdFailureConsole
        });
        document.body.appendChild(element);
        await flushPromises();

        expect(text(element, '.error')).toBe('You do not have access to Sendbird sync failures.');
        expect($(element, 'lightning-datatable')).toBeNull();
        expect($(element, '.empty')).toBeNull();
    });

    it('says when there is nothing to list', async () => {
        const element = await mount({ ...FAILURES, failures: [] });

        expect(text(element, '.empty')).toBe('No open sync failures.');
        expect($(element, 'lightning-datatable')).toBeNull();
    });

    it('says when only the newest are listed', async () => {
        const element = await mount({ ...FAILURES, truncated: true });

        expect(text(element, '.truncated')).toMatch(/^Showing the newest 200/);
    });

    it('is accessible', async () => {
        const element = await mount();
        await select(element, IDS);
        retry.mockResolvedValue({ selected: 2, changed: 2 });
        $(element, 'lightning-button.retry').click();
        await flushPromises();

        await expect(element).toBeAccessible();
    });

    it('is accessible with an error', async () => {
        listFailures.mockRejectedValue({ body: { message: 'No access.' } });
        const element = createElement('c-sendbird-failure-console', {
            is: SendbirdFailureConsole
        });
        document.body.appendChild(element);
        await flushPromises();

        await expect(element).toBeAccessible();
    });
});
