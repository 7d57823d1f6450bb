import { createElement } from 'lwc';
import SendbirdFailureConsole, { PROGRESS_POLL_MS } from 'c/sendbirdFailureConsole';
import { getObjectInfo, getPicklistValues } from 'lightning/uiObjectInfoApi';
import { navigated, resetNavigation } from 'lightning/navigation';
import listPage from '@salesforce/apex/SendbirdFailureConsoleController.listPage';
import retry from '@salesforce/apex/SendbirdFailureConsoleController.retry';
import resolve from '@salesforce/apex/SendbirdFailureConsoleController.resolve';
import retryMatching from '@salesforce/apex/SendbirdFailureConsoleController.retryMatching';
import resolveMatching from '@salesforce/apex/SendbirdFailureConsoleController.resolveMatching';
import bulkProgress from '@salesforce/apex/SendbirdFailureConsoleController.bulkProgress';

const PAGE = require('./data/page.json');
const IDS = PAGE.failures.map((failure) => failure.Id);

jest.mock(
    '@salesforce/apex/SendbirdFailureConsoleController.listPage',
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
jest.mock(
    '@salesforce/apex/SendbirdFailureConsoleController.retryMatching',
    () => ({ default: jest.fn() }),
    { virtual: true }
);
jest.mock(
    '@salesforce/apex/SendbirdFailureConsoleController.resolveMatching',
    () => ({ default: jest.fn() }),
    { virtual: true }
);
jest.mock(
    '@salesforce/apex/SendbirdFailureConsoleController.bulkProgress',
    () => ({ default: jest.fn() }),
    { virtual: true }
);

// Waits out the imperative Apex chains and the re-render.
// eslint-disable-next-line @lwc/lwc/no-async-operation
const flushPromises = () => new Promise((done) => setTimeout(done, 0));

const OPEN_FILTER = { status: 'Open', errorCode: null, operation: null };

async function mount(page = PAGE) {
    listPage.mockResolvedValue(page);
    const element = createElement('c-sendbird-failure-console', { is: SendbirdFailureConsole });
    document.body.appendChild(element);
    await flushPromises();
    return element;
}

const $ = (element, selector) => element.shadowRoot.querySelector(selector);
const text = (element, selector) => $(element, selector)?.textContent.trim();
const table = (element) => $(element, 'lightning-datatable');

async function select(element, ids) {
    table(element).dispatchEvent(
        new CustomEvent('rowselection', {
            detail: { selectedRows: table(element).data.filter((row) => ids.includes(row.Id)) }
        })
    );
    await flushPromises();
}

async function choose(element, filterClass, value) {
    $(element, `lightning-combobox.${filterClass}`).dispatchEvent(
        new CustomEvent('change', { detail: { value } })
    );
    await flushPromises();
}

describe('c-sendbird-failure-console', () => {
    afterEach(() => {
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
        resetNavigation();
        jest.clearAllMocks();
        jest.useRealTimers();
    });

    describe('lists', () => {
        it('the open failures with record links and a count per status', async () => {
            const element = await mount();

            expect(listPage).toHaveBeenCalledWith({ filter: OPEN_FILTER, cursor: null });
            const rows = table(element).data;
            expect(rows).toHaveLength(2);
            expect(rows[0]).toEqual(
                expect.objectContaining({
                    Name: 'SSF-000003',
                    recordUrl: '/lightning/r/Sendbird_Sync_Failure__c/a01000000000003AAA/view',
                    caseUrl: '/lightning/r/Case/500000000000003AAA/view',
                    caseNumber: '00001003',
                    userName: 'Ada Agent'
                })
            );
            expect(rows[1].caseUrl).toBeUndefined();
            expect(
                $(element, 'lightning-combobox.status').options.map(({ label }) => label)
            ).toEqual(['Open (2)', 'Retried (3)', 'Resolved (4)', 'All (9)']);
        });

        it('field labels from the object metadata, and status labels from the picklist', async () => {
            const element = await mount();

            getObjectInfo.emit({
                defaultRecordTypeId: '012000000000000AAA',
                fields: { Status__c: { label: 'Zustand' }, Error_Code__c: { label: 'Fehlercode' } }
            });
            getPicklistValues.emit({
                values: [
                    { value: 'Open', label: 'Offen' },
                    { value: 'Retried', label: 'Erneut versucht' },
                    { value: 'Resolved', label: 'Erledigt' }
                ]
            });
            await flushPromises();

            const headers = table(element).columns.map(({ label }) => label);
            expect(headers).toContain('Zustand');
            expect(headers).toContain('Fehlercode');
            expect(getPicklistValues.getLastConfig()).toEqual(
                expect.objectContaining({ recordTypeId: '012000000000000AAA' })
            );
            expect($(element, 'lightning-combobox.status').options[0].label).toBe('Offen (2)');
            expect(table(element).data[0].statusLabel).toBe('Offen');
        });

        it('the error codes and operations of the log as filter options', async () => {
            const element = await mount();

            expect($(element, 'lightning-combobox.error-code').options).toEqual([
                { label: 'Any', value: '' },
                { label: '400201', value: '400201' },
                { label: '503', value: '503' }
            ]);
            expect(
                $(element, 'lightning-combobox.operation').options.map(({ value }) => value)
            ).toEqual(['', 'INVITE', 'WEBHOOK']);
        });

        it('the next page as the admin scrolls (keyset cursor), until there is none', async () => {
            const element = await mount({ ...PAGE, nextCursor: 'cursor-1' });
            expect(table(element).enableInfiniteLoading).toBe(true);
            const older = {
                ...PAGE.failures[1],
                Id: 'a01000000000001AAA',
                Name: 'SSF-000001'
            };
            listPage.mockResolvedValueOnce({ failures: [older], nextCursor: null });

            table(element).dispatchEvent(new CustomEvent('loadmore'));
            await flushPromises();

            expect(listPage).toHaveBeenLastCalledWith({ filter: OPEN_FILTER, cursor: 'cursor-1' });
            expect(table(element).data.map(({ Name }) => Name)).toEqual([
                'SSF-000003',
                'SSF-000002',
                'SSF-000001'
            ]);
            expect(table(element).enableInfiniteLoading).toBe(false);
        });

        it('by error code and operation', async () => {
            const element = await mount();

            await choose(element, 'error-code', '400201');
            await choose(element, 'operation', 'INVITE');

            expect(listPage).toHaveBeenLastCalledWith({
                filter: { status: 'Open', errorCode: '400201', operation: 'INVITE' },
                cursor: null
            });
        });

        it('only the latest filter, however the answers arrive', async () => {
            const element = await mount();
            let answerRetried;
            listPage.mockReturnValueOnce(new Promise((done) => (answerRetried = done)));
            const resolvedRow = {
                ...PAGE.failures[0],
                Id: 'a01000000000009AAA',
                Status__c: 'Resolved'
            };
            listPage.mockResolvedValueOnce({ ...PAGE, failures: [resolvedRow] });

            await choose(element, 'status', 'Retried');
            await choose(element, 'status', 'Resolved');
            answerRetried({ ...PAGE, failures: [{ ...PAGE.failures[0], Status__c: 'Retried' }] });
            await flushPromises();

            expect(table(element).data.map(({ Id }) => Id)).toEqual(['a01000000000009AAA']);
        });

        it('says so when nothing matches', async () => {
            const element = await mount({ ...PAGE, failures: [] });

            expect(text(element, '.empty')).toBe('No sync failures match these filters.');
            expect(table(element)).toBeNull();
        });

        it('tells a user without access why', async () => {
            listPage.mockRejectedValue({
                body: {
                    message:
                        "You do not have access to the Apex class named 'SendbirdFailureConsoleController'."
                }
            });
            const element = createElement('c-sendbird-failure-console', {
                is: SendbirdFailureConsole
            });
            document.body.appendChild(element);
            await flushPromises();

            expect(text(element, '.error')).toMatch(
                /^Only Sendbird admins use the failure console/
            );
        });
    });

    describe('selected records', () => {
        it('Retry sends the selected open failures and says what it did', async () => {
            const element = await mount();
            retry.mockResolvedValue({ selected: 2, changed: 1 });
            await select(element, IDS);

            $(element, 'lightning-button.retry').click();
            await flushPromises();

            expect(retry).toHaveBeenCalledWith({ failureIds: IDS });
            expect(text(element, '.outcome')).toBe(
                'Queued again: 1 of 2 selected. Left as they were (not open, or no user to invite or remove): 1.'
            );
            expect(listPage).toHaveBeenCalledTimes(2);
        });

        it('Resolve sends the selected open failures', async () => {
            const element = await mount();
            resolve.mockResolvedValue({ selected: 1, changed: 1 });
            await select(element, [IDS[0]]);

            $(element, 'lightning-button.resolve').click();
            await flushPromises();

            expect(resolve).toHaveBeenCalledWith({ failureIds: [IDS[0]] });
            expect(text(element, '.outcome')).toBe(
                'Resolved: 1 of 1 selected. Left as they were (not open): 0.'
            );
        });

        it('Retry and Resolve are disabled without a selection, and do nothing then', async () => {
            const element = await mount();

            $(element, 'lightning-button.retry').click();
            $(element, 'lightning-button.resolve').click();

            expect($(element, 'lightning-button.retry').disabled).toBe(true);
            expect(retry).not.toHaveBeenCalled();
            expect(resolve).not.toHaveBeenCalled();
        });

        it('Retry and Resolve stay disabled in the Retried view, where nothing is open', async () => {
            const retried = PAGE.failures.map((failure) => ({ ...failure, Status__c: 'Retried' }));
            const element = await mount();
            listPage.mockResolvedValue({ ...PAGE, failures: retried });
            await choose(element, 'status', 'Retried');
            await select(element, IDS);

            expect($(element, 'lightning-button.retry').disabled).toBe(true);
            expect($(element, 'lightning-button.resolve').disabled).toBe(true);
            expect($(element, 'lightning-button.retry-matching').disabled).toBe(true);
            expect(text(element, '.selection')).toBe('Selected: 0');
        });
    });

    describe('everything matching', () => {
        it('a small set is retried at once', async () => {
            const element = await mount();
            await choose(element, 'error-code', '400201');
            retryMatching.mockResolvedValue({ matched: 2, changed: 2, jobId: null });

            $(element, 'lightning-button.retry-matching').click();
            await flushPromises();

            expect(retryMatching).toHaveBeenCalledWith({
                filter: { status: 'Open', errorCode: '400201', operation: null }
            });
            expect(text(element, '.outcome')).toBe(
                'Queued again: 2 of the 2 matching open failures.'
            );
        });

        it('a large set runs in the background with progress, then reloads', async () => {
            const element = await mount();
            resolveMatching.mockResolvedValue({
                matched: 4200,
                changed: 0,
                jobId: '707000000000001AAA'
            });
            bulkProgress
                .mockResolvedValueOnce({
                    status: 'Processing',
                    processed: 7,
                    total: 21,
                    errors: 0,
                    done: false
                })
                .mockResolvedValueOnce({
                    status: 'Completed',
                    processed: 21,
                    total: 21,
                    errors: 0,
                    done: true
                });
            jest.useFakeTimers();

            $(element, 'lightning-button.resolve-matching').click();
            await Promise.resolve();
            await Promise.resolve();
            await Promise.resolve();
            expect(text(element, '.outcome')).toBe(
                'Working through 4200 matching open failures in the background.'
            );
            expect($(element, 'lightning-button.resolve-matching').disabled).toBe(true);

            jest.advanceTimersByTime(PROGRESS_POLL_MS);
            // A few microtask turns: the Apex promise, the await, the re-render.
            await Promise.resolve();
            await Promise.resolve();
            await Promise.resolve();
            await Promise.resolve();
            await Promise.resolve();
            expect(text(element, '.job-progress')).toBe('Chunks of 200 done: 7 of 21.');

            jest.advanceTimersByTime(PROGRESS_POLL_MS);
            jest.useRealTimers();
            await flushPromises();

            expect(bulkProgress).toHaveBeenCalledWith({ jobId: '707000000000001AAA' });
            expect(text(element, '.outcome')).toBe(
                'Done: the 4200 matching open failures were handled. Chunks that failed: 0.'
            );
            expect($(element, '.job')).toBeNull();
            expect(listPage).toHaveBeenCalledTimes(2);
        });

        it('is disabled when no failure is open', async () => {
            const element = await mount({ ...PAGE, counts: { ...PAGE.counts, Open: 0 } });

            expect($(element, 'lightning-button.retry-matching').disabled).toBe(true);
            expect($(element, 'lightning-button.resolve-matching').disabled).toBe(true);
        });
    });

    it('opens a failure through its NavigationMixin link', async () => {
        const element = await mount();

        expect(navigated).toEqual([]);
        expect(table(element).data[0].recordUrl).toMatch(
            /^\/lightning\/r\/Sendbird_Sync_Failure__c\//
        );
    });

    it('is accessible', async () => {
        const element = await mount({ ...PAGE, nextCursor: 'cursor-1' });
        await select(element, IDS);

        await expect(element).toBeAccessible();
    });
});
