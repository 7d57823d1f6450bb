import { createElement } from 'lwc';
import SendbirdSetupAssistant from 'c/sendbirdSetupAssistant';
import runChecks from '@salesforce/apex/SendbirdSetupController.runChecks';
import sendTestHandoff from '@salesforce/apex/SendbirdSetupController.sendTestHandoff';
import cleanUpTestHandoff from '@salesforce/apex/SendbirdSetupController.cleanUpTestHandoff';
import listTestHandoffs from '@salesforce/apex/SendbirdSetupController.listTestHandoffs';
import { navigated, resetNavigation } from 'lightning/navigation';

const CHECKS = require('./data/checks.json');
const HANDOFF = require('./data/handoff.json');

jest.mock('@salesforce/apex/SendbirdSetupController.runChecks', () => ({ default: jest.fn() }), {
    virtual: true
});
jest.mock(
    '@salesforce/apex/SendbirdSetupController.sendTestHandoff',
    () => ({ default: jest.fn() }),
    { virtual: true }
);
jest.mock(
    '@salesforce/apex/SendbirdSetupController.cleanUpTestHandoff',
    () => ({ default: jest.fn() }),
    { virtual: true }
);

jest.mock(
    '@salesforce/apex/SendbirdSetupController.listTestHandoffs',
    () => ({ default: jest.fn() }),
    { virtual: true }
);

const CASE_PAGE = {
    type: 'standard__recordPage',
    attributes: { recordId: HANDOFF.caseId, objectApiName: 'Case', actionName: 'view' }
};

// A macrotask waits out the whole chain of an imperative Apex call (await, catch, finally).
// eslint-disable-next-line @lwc/lwc/no-async-operation
const flushPromises = () => new Promise((resolve) => setTimeout(resolve, 0));

function mount() {
    if (!listTestHandoffs.getMockImplementation()) {
        listTestHandoffs.mockResolvedValue([]);
    }
    const element = createElement('c-sendbird-setup-assistant', { is: SendbirdSetupAssistant });
    document.body.appendChild(element);
    return element;
}

async function mountWithChecks(results = CHECKS) {
    runChecks.mockResolvedValue(results);
    const element = mount();
    await flushPromises();
    return element;
}

const $ = (element, selector) => element.shadowRoot.querySelector(selector);
const $$ = (element, selector) => [...element.shadowRoot.querySelectorAll(selector)];
const item = (element, key) => $(element, `li[data-key="${key}"]`);
const text = (node) => node?.textContent.replace(/\s+/g, ' ').trim();
const button = (element, label) =>
    $$(element, 'lightning-button').find((candidate) => candidate.label === label);

describe('c-sendbird-setup-assistant', () => {
    afterEach(() => {
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
        resetNavigation();
        jest.resetAllMocks();
    });

    describe('checklist', () => {
        it('shows a spinner while the checks run', async () => {
            runChecks.mockReturnValue(new Promise(() => {}));
            const element = mount();
            await flushPromises();

            expect($(element, 'lightning-spinner').alternativeText).toBe('Running the checks');
            expect(button(element, 'Run checks again').disabled).toBe(true);
            expect($(element, 'li.check')).toBeNull();
        });

        it('runs the checks once on load', async () => {
            await mountWithChecks();

            expect(runChecks).toHaveBeenCalledTimes(1);
        });

        it('shows a passed check in text and green, without a fix', async () => {
            const element = await mountWithChecks();
            const passed = item(element, 'settings');

            expect(text(passed.querySelector('.status'))).toBe('Passed');
            expect(text(passed.querySelector('.label'))).toBe(
                'Sendbird Settings record with the app id'
            );
            expect(text(passed.querySelector('.detail'))).toBe('App ID TEST-APP-ID.');
            expect(passed.querySelector('.fix')).toBeNull();
            const icon = passed.querySelector('lightning-icon');
            expect(icon.iconName).toBe('utility:success');
            expect(icon.variant).toBe('success');
            expect(icon.alternativeText).toBe('Passed');
            expect(passed.querySelector('.slds-badge').classList).toContain('slds-theme_success');
        });

        it('shows a failed check in text and red, with its one-line fix', async () => {
            const element = await mountWithChecks();
            const failed = item(element, 'callout');

            expect(text(failed.querySelector('.status'))).toBe('Failed');
            expect(text(failed.querySelector('.detail'))).toContain(
                'answered HTTP 401, Sendbird code 400401'
            );
            expect(text(failed.querySelector('.fix'))).toBe(`Fix: ${CHECKS[1].fix}`);
            const link = failed.querySelector('a.fix-link');
            expect(link.getAttribute('href')).toBe('/lightning/setup/NamedCredential/home');
            expect(text(link)).toBe(
                'Open the Setup page for: Live call to Sendbird through the Named Credential'
            );
            const icon = failed.querySelector('lightning-icon');
            expect(icon.iconName).toBe('utility:error');
            expect(icon.alternativeText).toBe('Failed');
            expect(failed.querySelector('.slds-badge').classList).toContain('slds-theme_error');
        });

        it('shows a check Apex cannot decide in text and amber, with what to look at', async () => {
            const element = await mountWithChecks();
            const unknown = item(element, 'utilityBar');

            expect(text(unknown.querySelector('.status'))).toBe('Unknown');
            expect(text(unknown.querySelector('.fix'))).toBe(`Fix: ${CHECKS[2].fix}`);
            const icon = unknown.querySelector('lightning-icon');
            expect(icon.iconName).toBe('utility:warning');
            expect(icon.variant).toBe('warning');
            expect(unknown.querySelector('.slds-badge').classList).toContain('slds-theme_warning');
        });

        it('keeps the order of the checks and counts them', async () => {
            const element = await mountWithChecks();

            expect($$(element, 'li.check').map((node) => node.dataset.key)).toEqual([
                'settings',
                'callout',
                'utilityBar'
            ]);
            expect(text($(element, '.summary'))).toBe('Passed: 1. Failed: 1. Unknown: 1.');
        });

        it('never shows an outcome it does not know as passed', async () => {
            const element = await mountWithChecks([
                { key: 'future', label: 'A newer check', status: 'skipped', detail: 'x', fix: null }
            ]);

            expect(text(item(element, 'future').querySelector('.status'))).toBe('Unknown');
        });

        it('shows why the checks could not run, such as a user who is not an admin', async () => {
            runChecks.mockRejectedValue({
                body: {
                    message:
                        'Only Sendbird admins may use this page: ask for the Sendbird Admin permission set.'
                }
            });
            const element = mount();
            await flushPromises();

            expect(text($(element, '.checks-error p'))).toBe(
                'The checks could not run: Only Sendbird admins may use this page: ask for the Sendbird Admin permission set.'
            );
            expect($(element, 'li.check')).toBeNull();
            expect(button(element, 'Run checks again').disabled).toBe(false);
        });

        it('runs the checks again on request and shows the new outcome', async () => {
            const element = await mountWithChecks();
            runChecks.mockResolvedValue([{ ...CHECKS[1], status: 'passed', fix: null }]);

            button(element, 'Run checks again').click();
            await flushPromises();

            expect(runChecks).toHaveBeenCalledTimes(2);
            expect(text(item(element, 'callout').querySelector('.status'))).toBe('Passed');
            expect(item(element, 'settings')).toBeNull();
        });
    });

    describe('test handoff', () => {
        it('lists the handoffs an earlier visit left, for Clean up after a reload', async () => {
            listTestHandoffs.mockResolvedValue([
                {
                    caseId: '500000000000002AAA',
                    caseNumber: '00001030',
                    channelUrl: 'sendbird_setup_test_old'
                }
            ]);
            const element = await mountWithChecks();
            cleanUpTestHandoff.mockResolvedValue(
                'Deleted the channel sendbird_setup_test_old and Case 00001030.'
            );

            expect(text($(element, 'a.case-link'))).toBe('00001030');
            button(element, 'Clean up 00001030').click();
            await flushPromises();

            expect(cleanUpTestHandoff).toHaveBeenCalledWith({
                caseId: '500000000000002AAA',
                channelUrl: 'sendbird_setup_test_old'
            });
            expect($(element, '.handoff')).toBeNull();
        });

        it('gives each handoff its own Clean up name', async () => {
            listTestHandoffs.mockResolvedValue([
                {
                    caseId: '500000000000002AAA',
                    caseNumber: '00001030',
                    channelUrl: 'sendbird_setup_test_old'
                }
            ]);
            const element = await mountWithChecks();
            sendTestHandoff.mockResolvedValue(HANDOFF);
            button(element, 'Send test handoff').click();
            await flushPromises();

            expect($$(element, 'lightning-button.clean-up').map((node) => node.label)).toEqual([
                'Clean up 00001027',
                'Clean up 00001030'
            ]);
        });

        async function sendHandoff() {
            const element = await mountWithChecks();
            sendTestHandoff.mockResolvedValue(HANDOFF);
            button(element, 'Send test handoff').click();
            await flushPromises();
            return element;
        }

        it('shows the created Case as a link and the channel URL', async () => {
            const element = await sendHandoff();

            expect(sendTestHandoff).toHaveBeenCalledTimes(1);
            const link = $(element, 'a.case-link');
            expect(text(link)).toBe('00001027');
            expect(link.getAttribute('href')).toBe('/lightning/r/Case/500000000000001AAA/view');
            expect(text($(element, '.channel-url'))).toBe('sendbird_setup_test_0123456789abcdef');
            expect(text($(element, '.handoff'))).toContain('005000000000001AAA');
            expect(button(element, 'Clean up 00001027')).toBeDefined();
        });

        it('opens the Case through navigation on click', async () => {
            const element = await sendHandoff();

            $(element, 'a.case-link').click();

            expect(navigated.map(({ pageReference }) => pageReference)).toEqual([CASE_PAGE]);
        });

        it('shows why the handoff failed and offers it again', async () => {
            const element = await mountWithChecks();
            sendTestHandoff.mockRejectedValue({
                body: {
                    message:
                        'The test Case was not saved (Required fields are missing: [Subject]); the test channel was deleted again.'
                }
            });

            button(element, 'Send test handoff').click();
            await flushPromises();

            expect(text($(element, '.handoff-error p'))).toBe(
                'The test Case was not saved (Required fields are missing: [Subject]); the test channel was deleted again.'
            );
            expect($(element, '.handoff')).toBeNull();
            expect(button(element, 'Clean up 00001027')).toBeUndefined();
            expect(button(element, 'Send test handoff').disabled).toBe(false);
        });

        it('cleans up the channel and Case it created', async () => {
            const element = await sendHandoff();
            cleanUpTestHandoff.mockResolvedValue(
                'Deleted the channel sendbird_setup_test_0123456789abcdef and Case 00001027.'
            );

            button(element, 'Clean up 00001027').click();
            await flushPromises();

            expect(cleanUpTestHandoff).toHaveBeenCalledWith({
                caseId: '500000000000001AAA',
                channelUrl: 'sendbird_setup_test_0123456789abcdef'
            });
            expect(text($(element, '.handoff-notice'))).toBe(
                'Deleted the channel sendbird_setup_test_0123456789abcdef and Case 00001027.'
            );
            expect($(element, '.handoff')).toBeNull();
            expect(button(element, 'Send test handoff').disabled).toBe(false);
        });

        it('keeps the handoff to clean up again when clean up fails', async () => {
            const element = await sendHandoff();
            cleanUpTestHandoff.mockRejectedValue({
                body: { message: 'cannot reach Sendbird: Read timed out' }
            });

            button(element, 'Clean up 00001027').click();
            await flushPromises();

            expect(text($(element, '.handoff-error p'))).toBe(
                'cannot reach Sendbird: Read timed out'
            );
            expect(text($(element, 'a.case-link'))).toBe('00001027');
            expect(button(element, 'Clean up 00001027').disabled).toBe(false);
        });

        it('shows a spinner while working', async () => {
            const element = await mountWithChecks();
            sendTestHandoff.mockReturnValue(new Promise(() => {}));

            button(element, 'Send test handoff').click();
            await flushPromises();

            expect($(element, 'lightning-spinner').alternativeText).toBe('Working');
            expect(button(element, 'Send test handoff').disabled).toBe(true);
        });
    });

    it('is accessible with every outcome and a handoff shown', async () => {
        const element = await mountWithChecks();
        sendTestHandoff.mockResolvedValue(HANDOFF);
        button(element, 'Send test handoff').click();
        await flushPromises();

        await expect(element).toBeAccessible();
    });

    it('is accessible with errors shown', async () => {
        runChecks.mockRejectedValue({
            body: { message: 'Only Sendbird admins may use this page.' }
        });
        const element = mount();
        await flushPromises();
        sendTestHandoff.mockRejectedValue(new Error('Network failure'));
        button(element, 'Send test handoff').click();
        await flushPromises();

        expect(text($(element, '.handoff-error p'))).toBe('Network failure');
        await expect(element).toBeAccessible();
    });
});
