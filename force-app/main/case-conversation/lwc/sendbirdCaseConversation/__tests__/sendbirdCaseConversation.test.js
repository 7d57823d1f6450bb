import { createElement } from 'lwc';
import SendbirdCaseConversation, {
    CHAT_ANSWER_MS,
    CHAT_OPEN_MS,
    MEMBERSHIP_EVENT,
    SUMMARY_CLAMP_CHARS
} from 'c/sendbirdCaseConversation';
import SendbirdAgentChat from 'c/sendbirdAgentChat';
import { getRecord } from 'lightning/uiRecordApi';
import { publish, resetMessageService, subscriptionCount } from 'lightning/messageService';
import { refreshAll, refreshHandlerCount } from 'lightning/refresh';
import { emitEvent, empSubscriptionCount, resetEmpApi } from 'lightning/empApi';
import { navigated, resetNavigation } from 'lightning/navigation';
import OPEN_CHANNEL from '@salesforce/messageChannel/Sendbird_Open_Channel__c';
import getConversation from '@salesforce/apex/SendbirdCaseConversationController.getConversation';
import getMembers from '@salesforce/apex/SendbirdCaseConversationController.getMembers';
import join from '@salesforce/apex/SendbirdCaseConversationController.join';
import leave from '@salesforce/apex/SendbirdCaseConversationController.leave';
import listFailures from '@salesforce/apex/SendbirdFailureConsoleController.listFailures';
import retry from '@salesforce/apex/SendbirdFailureConsoleController.retry';
import getSession from '@salesforce/apex/SendbirdAgentChatController.getSession';

const CONVERSATION = require('./data/conversation.json');
const MEMBERS = require('./data/members.json');
const FAILURES = require('./data/failures.json');
const SESSION = require('../../../../agent-chat/lwc/sendbirdAgentChat/__tests__/data/session.json');

const CASE_ID = '500000000000001AAA';
const AGENT = {
    userId: '005000000000002AAA',
    nickname: 'Bo Agent',
    isOnline: true,
    isInvited: false,
    isCurrentUser: true
};
const WITH_AGENT = {
    ...MEMBERS,
    currentUserIsMember: true,
    members: [...MEMBERS.members, AGENT]
};

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
    '@salesforce/apex/SendbirdCaseConversationController.join',
    () => ({ default: jest.fn() }),
    { virtual: true }
);
jest.mock(
    '@salesforce/apex/SendbirdCaseConversationController.leave',
    () => ({ default: jest.fn() }),
    { virtual: true }
);
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
    '@salesforce/apex/SendbirdAgentChatController.getSession',
    () => ({ default: jest.fn() }),
    { virtual: true }
);

// Waits out the imperative Apex chains (then, catch, finally, await) and the re-render.
// eslint-disable-next-line @lwc/lwc/no-async-operation
const flushPromises = () => new Promise((resolve) => setTimeout(resolve, 0));

function apexError(message) {
    return { body: { message } };
}

async function mount({ conversation = CONVERSATION, members = MEMBERS } = {}) {
    getConversation.mockResolvedValue(conversation);
    getMembers.mockResolvedValue(members);
    listFailures.mockResolvedValue(FAILURES);
    const element = createElement('c-sendbird-case-conversation', {
        is: SendbirdCaseConversation
    });
    element.recordId = CASE_ID;
    document.body.appendChild(element);
    await flushPromises();
    return element;
}

const $ = (element, selector) => element.shadowRoot.querySelector(selector);
const $$ = (element, selector) => [...element.shadowRoot.querySelectorAll(selector)];
const text = (element, selector) => $(element, selector)?.textContent.trim();

describe('c-sendbird-case-conversation', () => {
    afterEach(() => {
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
        resetMessageService();
        resetEmpApi();
        resetNavigation();
        jest.clearAllMocks();
        jest.useRealTimers();
    });

    // The Case record as the getRecord wire delivers it.
    const caseRecord = (channelUrl, summary) => ({
        apiName: 'Case',
        id: CASE_ID,
        fields: {
            Sendbird_Channel_URL__c: { value: channelUrl },
            Sendbird_Summary__c: { value: summary }
        }
    });

    // A component of another tab publishing on Sendbird_Open_Channel, as the chat does.
    const chatSays = (message) => publish({ id: 'chat', active: true }, OPEN_CHANNEL, message);

    describe('shows', () => {
        it('that the transcript is still being fetched when the handoff could not read it', async () => {
            const element = await mount({
                conversation: {
                    ...CONVERSATION,
                    transcriptId: null,
                    transcriptTitle: null,
                    transcriptMissing: true
                }
            });

            expect($(element, 'a.transcript')).toBeNull();
            expect(text(element, '.transcript-pending')).toMatch(
                /^Not on the Case yet: Sendbird could not give it at the handoff, and it\s+is being fetched\./
            );
        });

        it('nothing about a transcript for a Case that never had one', async () => {
            const element = await mount({
                conversation: { ...CONVERSATION, transcriptId: null, transcriptMissing: false }
            });

            expect($(element, 'a.transcript')).toBeNull();
            expect($(element, '.transcript-pending')).toBeNull();
        });

        it('the channel, the AI summary, the transcript and the members', async () => {
            const element = await mount();

            expect(getConversation).toHaveBeenCalledWith({ caseId: CASE_ID });
            expect(getMembers).toHaveBeenCalledWith({ caseId: CASE_ID });
            expect(text(element, '.channel-url')).toBe('case_channel_1');
            expect(text(element, '.summary')).toBe('Wants a refund; the order was not found.');
            const link = $(element, 'a.transcript');
            expect(link.textContent).toBe('Sendbird transcript case_channel_1');
            const members = $$(element, 'li.member');
            expect(members.map((item) => item.querySelector('.nickname').textContent)).toEqual([
                'Cy Customer',
                'Ada Agent'
            ]);
            expect(members[0].querySelector('.state').textContent).toBe('Online');
            expect(members[1].querySelector('.state').textContent).toBe('Invited, offline');
            expect($(element, '.you')).toBeNull();
            expect($(element, '.more')).toBeNull();
        });

        it('the transcript as a file preview link (NavigationMixin), opened in place on click', async () => {
            const element = await mount();
            const link = $(element, 'a.transcript');

            expect(link.getAttribute('href')).toBe(
                '/lightning/page/filePreview?selectedRecordId=069000000000001AAA'
            );
            link.click();

            expect(navigated.at(-1).pageReference).toEqual({
                type: 'standard__namedPage',
                attributes: { pageName: 'filePreview' },
                state: { selectedRecordId: '069000000000001AAA' }
            });
        });

        it('the summary with its line breaks', async () => {
            const summary = 'Order 1234\nWants a refund.\n\nCustomer is polite.';
            const element = await mount({ conversation: { ...CONVERSATION, summary } });

            const shown = $(element, '.summary');
            expect(shown.textContent).toBe(summary);
            expect(shown.classList).not.toContain('summary_clamped');
            expect($(element, 'lightning-button.summary-toggle')).toBeNull();
        });

        it('a long summary clamped, with a show more toggle', async () => {
            const summary = 'Long story. '.repeat(Math.ceil(SUMMARY_CLAMP_CHARS / 10));
            const element = await mount({ conversation: { ...CONVERSATION, summary } });
            const toggle = $(element, 'lightning-button.summary-toggle');

            expect($(element, '.summary').classList).toContain('summary_clamped');
            expect(toggle.label).toBe('Show the whole summary');
            expect(toggle.getAttribute('aria-expanded')).toBe('false');

            toggle.click();
            await flushPromises();

            expect($(element, '.summary').classList).not.toContain('summary_clamped');
            expect(toggle.label).toBe('Show less of the summary');
            expect(toggle.getAttribute('aria-expanded')).toBe('true');
        });

        it('the current agent marked, with Leave instead of Join', async () => {
            const element = await mount({ members: WITH_AGENT });

            const you = $$(element, 'li.member').find((item) => item.querySelector('.you'));
            expect(you.querySelector('.nickname').textContent).toBe('Bo Agent');
            expect($(element, 'lightning-button.leave')).not.toBeNull();
            expect($(element, 'lightning-button.join')).toBeNull();
        });

        it('no summary and no transcript when the Case has none', async () => {
            const element = await mount({
                conversation: { ...CONVERSATION, summary: null, transcriptId: null }
            });

            expect($(element, '.summary')).toBeNull();
            expect($(element, 'a.transcript')).toBeNull();
            expect(text(element, '.channel-url')).toBe('case_channel_1');
        });

        it('that Sendbird has no channel yet, and offers neither Join nor Open in chat', async () => {
            const element = await mount({
                members: { ...MEMBERS, channelExists: false, members: [] }
            });

            expect(text(element, '.no-channel')).toMatch(/^Sendbird has no channel/);
            expect($(element, 'lightning-button.join')).toBeNull();
            expect($(element, 'lightning-button.open-in-chat')).toBeNull();
            expect($(element, '.no-members')).toBeNull();
        });

        it('an empty channel', async () => {
            const element = await mount({ members: { ...MEMBERS, members: [] } });

            expect(text(element, '.no-members')).toBe('Nobody is in this conversation.');
            expect($(element, 'lightning-button.join')).not.toBeNull();
        });

        it('that more members exist than are listed', async () => {
            const element = await mount({ members: { ...MEMBERS, more: true } });

            expect(text(element, '.more')).toBe('More members are not listed.');
        });

        it('that it is reading the members, in a live region', async () => {
            let answer;
            getConversation.mockResolvedValue(CONVERSATION);
            getMembers.mockReturnValue(new Promise((resolve) => (answer = resolve)));
            const element = createElement('c-sendbird-case-conversation', {
                is: SendbirdCaseConversation
            });
            element.recordId = CASE_ID;
            document.body.appendChild(element);
            await flushPromises();

            const status = $(element, '.members-status');
            expect(status.getAttribute('role')).toBe('status');
            expect(status.textContent).toBe('Reading the members from Sendbird…');

            answer(MEMBERS);
            await flushPromises();
            expect(status.textContent).toBe('');
        });

        it('why the conversation cannot be shown, without asking Sendbird', async () => {
            getConversation.mockRejectedValue(
                apexError('This Case does not exist, or you do not have access to it.')
            );
            const element = createElement('c-sendbird-case-conversation', {
                is: SendbirdCaseConversation
            });
            element.recordId = CASE_ID;
            document.body.appendChild(element);
            await flushPromises();

            expect(text(element, '.error')).toBe(
                'This Case does not exist, or you do not have access to it.'
            );
            expect(getMembers).not.toHaveBeenCalled();
            expect($(element, 'lightning-button.open-in-chat')).toBeNull();
        });

        it('a friendly sentence to a user without access to the Apex class', async () => {
            getConversation.mockRejectedValue(
                apexError(
                    "You do not have access to the Apex class named 'SendbirdCaseConversationController'."
                )
            );
            const element = createElement('c-sendbird-case-conversation', {
                is: SendbirdCaseConversation
            });
            element.recordId = CASE_ID;
            document.body.appendChild(element);
            await flushPromises();

            expect(text(element, '.error')).toMatch(/^You need the Sendbird Agent permission set/);
            expect(text(element, '.error')).not.toContain('SendbirdCaseConversationController');
        });

        it('why the members cannot be read, and the rest of the Case', async () => {
            getMembers.mockRejectedValueOnce(
                apexError('Sendbird refused the API token (400401). Ask your Salesforce admin.')
            );
            const element = await mount();

            expect(text(element, '.members-error')).toMatch(/^Sendbird refused the API token/);
            expect(text(element, '.channel-url')).toBe('case_channel_1');
            expect($(element, 'li.member')).toBeNull();
        });

        it('fresh data after Refresh', async () => {
            const element = await mount();
            getMembers.mockResolvedValue(WITH_AGENT);

            $(element, 'lightning-button-icon.refresh').click();
            await flushPromises();

            expect(getConversation).toHaveBeenCalledTimes(2);
            expect($(element, '.you')).not.toBeNull();
        });
    });

    describe('follows the record', () => {
        it('reloads when the Case channel or summary changes (getRecord)', async () => {
            const element = await mount();
            getRecord.emit(caseRecord('case_channel_1', 'Wants a refund.'));
            await flushPromises();
            expect(getConversation).toHaveBeenCalledTimes(1);

            getConversation.mockResolvedValue({ ...CONVERSATION, summary: 'Handed over: refund.' });
            getRecord.emit(caseRecord('case_channel_1', 'Handed over: refund.'));
            await flushPromises();

            expect(getConversation).toHaveBeenCalledTimes(2);
            expect(text(element, '.summary')).toBe('Handed over: refund.');
        });

        it('does not reload for the same values again', async () => {
            await mount();
            getRecord.emit(caseRecord('case_channel_1', 'x'));
            getRecord.emit(caseRecord('case_channel_1', 'x'));
            await flushPromises();

            expect(getConversation).toHaveBeenCalledTimes(1);
        });

        it('wires getRecord on the fields it shows', async () => {
            await mount();

            expect(getRecord.getLastConfig()).toEqual({
                recordId: CASE_ID,
                fields: [
                    { objectApiName: 'Case', fieldApiName: 'Sendbird_Channel_URL__c' },
                    { objectApiName: 'Case', fieldApiName: 'Sendbird_Summary__c' }
                ]
            });
        });

        it('loads the new Case when the record id changes', async () => {
            const element = await mount();

            element.recordId = '500000000000002AAA';
            await flushPromises();

            expect(getConversation).toHaveBeenLastCalledWith({ caseId: '500000000000002AAA' });
        });

        it('takes part in lightning/refresh, and leaves it when removed', async () => {
            const element = await mount();
            getMembers.mockResolvedValue(WITH_AGENT);

            const answers = await refreshAll();
            await flushPromises();

            expect(answers).toEqual([true]);
            expect(getConversation).toHaveBeenCalledTimes(2);
            expect($(element, '.you')).not.toBeNull();

            document.body.removeChild(element);
            expect(refreshHandlerCount()).toBe(0);
        });

        it('reads the members again when the membership sync changed this Case', async () => {
            const element = await mount();
            getMembers.mockResolvedValue(WITH_AGENT);

            emitEvent(MEMBERSHIP_EVENT, { Case_Id__c: CASE_ID, Channel_URL__c: 'case_channel_1' });
            await flushPromises();

            expect(getMembers).toHaveBeenCalledTimes(2);
            expect($(element, 'lightning-button.join')).toBeNull();
            expect($(element, 'lightning-button.open-in-chat')).not.toBeNull();
        });

        it('matches the 15-character Case Id too, and ignores other Cases', async () => {
            await mount();

            emitEvent(MEMBERSHIP_EVENT, {
                Case_Id__c: '500000000000009AAA',
                Channel_URL__c: 'x_1'
            });
            await flushPromises();
            expect(getMembers).toHaveBeenCalledTimes(1);

            emitEvent(MEMBERSHIP_EVENT, { Case_Id__c: CASE_ID.slice(0, 15) });
            await flushPromises();
            expect(getMembers).toHaveBeenCalledTimes(2);
        });

        it('stops following the membership sync when removed', async () => {
            const element = await mount();
            expect(empSubscriptionCount()).toBe(1);

            document.body.removeChild(element);

            expect(empSubscriptionCount()).toBe(0);
        });
    });

    describe('Join and Leave', () => {
        it('Join adds the agent and shows the new members', async () => {
            const element = await mount();
            join.mockResolvedValue(WITH_AGENT);

            $(element, 'lightning-button.join').click();
            await flushPromises();

            expect(join).toHaveBeenCalledWith({ caseId: CASE_ID });
            expect($(element, '.you')).not.toBeNull();
            expect(text(element, '.notice')).toBe('You joined the conversation.');
            expect($(element, 'lightning-button.leave')).not.toBeNull();
        });

        it('Leave takes the agent out', async () => {
            const element = await mount({ members: WITH_AGENT });
            leave.mockResolvedValue(MEMBERS);

            $(element, 'lightning-button.leave').click();
            await flushPromises();

            expect(leave).toHaveBeenCalledWith({ caseId: CASE_ID });
            expect($(element, '.you')).toBeNull();
            expect(text(element, '.notice')).toBe('You left the conversation.');
            expect($(element, 'lightning-button.join')).not.toBeNull();
        });

        it('a refused Join says why and keeps the members', async () => {
            const element = await mount();
            join.mockRejectedValue(
                apexError('Sendbird is not answering (CALLOUT_FAILED: Read timed out).')
            );

            $(element, 'lightning-button.join').click();
            await flushPromises();

            expect(text(element, '.members-error')).toBe(
                'Sendbird is not answering (CALLOUT_FAILED: Read timed out).'
            );
            expect($$(element, 'li.member')).toHaveLength(2);
            expect(text(element, '.notice')).toBe('');
        });

        it('a Join button pressed while busy does nothing', async () => {
            const element = await mount();
            join.mockReturnValue(new Promise(() => null));

            $(element, 'lightning-button.join').click();
            await flushPromises();
            $(element, 'lightning-button.join').click();

            expect(join).toHaveBeenCalledTimes(1);
        });
    });

    describe('Open in chat', () => {
        it('is offered only to a member of an existing channel', async () => {
            const outsider = await mount();
            expect($(outsider, 'lightning-button.open-in-chat')).toBeNull();
            expect(text(outsider, '.join-to-open')).toBe(
                'Join the conversation to open it in the chat.'
            );

            const member = await mount({ members: WITH_AGENT });
            expect($(member, 'lightning-button.open-in-chat')).not.toBeNull();
            expect($(member, '.join-to-open')).toBeNull();
        });

        it('publishes the channel and the Case on Sendbird_Open_Channel', async () => {
            const element = await mount({ members: WITH_AGENT });

            $(element, 'lightning-button.open-in-chat').click();

            expect(publish).toHaveBeenCalledWith(expect.anything(), OPEN_CHANNEL, {
                type: 'open',
                channelUrl: 'case_channel_1',
                recordId: CASE_ID
            });
        });

        it('reports success only when the chat confirms the channel opened', async () => {
            const element = await mount({ members: WITH_AGENT });

            $(element, 'lightning-button.open-in-chat').click();
            chatSays({ type: 'received', channelUrl: 'case_channel_1' });
            await flushPromises();
            expect(text(element, '.notice')).toBe('The chat is opening the conversation…');

            chatSays({ type: 'opened', channelUrl: 'another_channel' });
            await flushPromises();
            expect(text(element, '.notice')).toBe('The chat is opening the conversation…');

            chatSays({ type: 'opened', channelUrl: 'case_channel_1' });
            await flushPromises();
            expect(text(element, '.notice')).toBe('Opened in the Sendbird chat.');
            expect($(element, '.chat-warning')).toBeNull();
        });

        it('says why when the chat could not open the channel', async () => {
            const element = await mount({ members: WITH_AGENT });

            $(element, 'lightning-button.open-in-chat').click();
            chatSays({ type: 'received', channelUrl: 'case_channel_1' });
            chatSays({ type: 'failed', channelUrl: 'case_channel_1' });
            await flushPromises();

            expect(text(element, '.notice')).toBe('');
            expect(text(element, '.chat-warning')).toMatch(/^The chat could not open this/);
        });

        it('explains when no chat answers', async () => {
            const element = await mount({ members: WITH_AGENT });
            jest.useFakeTimers();

            $(element, 'lightning-button.open-in-chat').click();
            jest.advanceTimersByTime(CHAT_ANSWER_MS - 1);
            await Promise.resolve();
            expect($(element, '.chat-warning')).toBeNull();
            jest.advanceTimersByTime(1);
            await Promise.resolve();

            expect(text(element, '.chat-warning')).toMatch(/^The Sendbird chat did not answer/);
        });

        it('explains when the chat answered but never confirmed', async () => {
            const element = await mount({ members: WITH_AGENT });
            jest.useFakeTimers();

            $(element, 'lightning-button.open-in-chat').click();
            chatSays({ type: 'received', channelUrl: 'case_channel_1' });
            jest.advanceTimersByTime(CHAT_OPEN_MS);
            await Promise.resolve();

            expect(text(element, '.notice')).toBe('');
            expect(text(element, '.chat-warning')).toMatch(/did not confirm/);
        });

        it('stops listening when removed', async () => {
            const element = await mount();
            expect(subscriptionCount()).toBe(1);

            document.body.removeChild(element);

            expect(subscriptionCount()).toBe(0);
        });
    });

    describe('with the utility-bar chat on one message service', () => {
        function chat() {
            getSession.mockResolvedValue(SESSION);
            const console = createElement('c-sendbird-agent-chat', { is: SendbirdAgentChat });
            const replies = [];
            console.addEventListener('reply', (event) => replies.push(event.detail.message));
            document.body.appendChild(console);
            console.handleContainerMessage({ type: 'sendbird:ready', protocol: 1 });
            return { console, replies };
        }

        it('the chat opens the channel, the container confirms, the panel says so', async () => {
            const { console, replies } = chat();
            const panel = await mount({ members: WITH_AGENT });

            $(panel, 'lightning-button.open-in-chat').click();
            await flushPromises();
            expect(replies.at(-1)).toEqual({
                type: 'sendbird:open-channel',
                channelUrl: 'case_channel_1'
            });
            expect(text(panel, '.notice')).toBe('The chat is opening the conversation…');

            console.handleContainerMessage({
                type: 'sendbird:channel-opened',
                channelUrl: 'case_channel_1'
            });
            await flushPromises();

            expect(text(panel, '.notice')).toBe('Opened in the Sendbird chat.');
        });

        it('a container that cannot open the channel makes the panel say why', async () => {
            const { console } = chat();
            const panel = await mount({ members: WITH_AGENT });

            $(panel, 'lightning-button.open-in-chat').click();
            await flushPromises();
            console.handleContainerMessage({
                type: 'sendbird:error',
                code: 'channel-open-failed',
                message: 'Not a member.',
                channelUrl: 'case_channel_1'
            });
            await flushPromises();

            expect(text(panel, '.notice')).toBe('');
            expect(text(panel, '.chat-warning')).toMatch(/^The chat could not open this/);
        });
    });

    describe('sync failures', () => {
        const TWO_FAILURES = {
            ...FAILURES,
            failures: [
                ...FAILURES.failures,
                { ...FAILURES.failures[0], Id: 'a01000000000002AAA', Name: 'SSF-000002' }
            ]
        };

        it('are listed for users who may read the failure log', async () => {
            const element = await mount({
                conversation: { ...CONVERSATION, canSeeFailures: true }
            });

            expect(listFailures).toHaveBeenCalledWith({ status: 'Open', caseId: CASE_ID });
            const failure = $(element, 'li.failure');
            expect(failure.textContent).toContain('SSF-000001: INVITE failed with 400201');
            expect(failure.textContent).toContain('"Channel" not found.');
        });

        it('link to their records (NavigationMixin)', async () => {
            const element = await mount({
                conversation: { ...CONVERSATION, canSeeFailures: true }
            });
            const link = $(element, 'a.failure-link');

            expect(link.getAttribute('href')).toBe(
                '/lightning/r/Sendbird_Sync_Failure__c/a01000000000001AAA/view'
            );
            link.click();
            expect(navigated.at(-1).pageReference.attributes.recordId).toBe('a01000000000001AAA');
        });

        it('each have a Retry button with its own name', async () => {
            listFailures.mockResolvedValue(TWO_FAILURES);
            getConversation.mockResolvedValue({ ...CONVERSATION, canSeeFailures: true });
            getMembers.mockResolvedValue(MEMBERS);
            const element = createElement('c-sendbird-case-conversation', {
                is: SendbirdCaseConversation
            });
            element.recordId = CASE_ID;
            document.body.appendChild(element);
            await flushPromises();

            const names = $$(element, 'lightning-button.retry').map((button) =>
                button.shadowRoot.querySelector('button').textContent.trim()
            );
            expect(names).toEqual(['Retry SSF-000001', 'Retry SSF-000002']);
        });

        it('that cannot be read say why', async () => {
            listFailures.mockRejectedValueOnce(
                apexError('You do not have access to Sendbird sync failures.')
            );
            getConversation.mockResolvedValue({ ...CONVERSATION, canSeeFailures: true });
            getMembers.mockResolvedValue(MEMBERS);
            const element = createElement('c-sendbird-case-conversation', {
                is: SendbirdCaseConversation
            });
            element.recordId = CASE_ID;
            document.body.appendChild(element);
            await flushPromises();

            expect(text(element, '.failures-error')).toBe(
                'You do not have access to Sendbird sync failures.'
            );
            expect($(element, 'li.failure')).toBeNull();
            expect($$(element, 'li.member')).toHaveLength(2);
        });

        it('are not asked for otherwise', async () => {
            const element = await mount();

            expect(listFailures).not.toHaveBeenCalled();
            expect($(element, 'li.failure')).toBeNull();
        });

        it('Retry queues the failure again and lists what is left', async () => {
            const element = await mount({
                conversation: { ...CONVERSATION, canSeeFailures: true }
            });
            retry.mockResolvedValue({ selected: 1, changed: 1 });
            listFailures.mockResolvedValue({ ...FAILURES, failures: [] });

            $(element, 'lightning-button.retry').click();
            await flushPromises();

            expect(retry).toHaveBeenCalledWith({ failureIds: ['a01000000000001AAA'] });
            expect(text(element, '.notice')).toBe('The failed call was queued again.');
            expect($(element, 'li.failure')).toBeNull();
            expect(text(element, '.no-failures')).toBe('No open sync failures for this Case.');
        });

        it('a Retry of a failure no longer open says so', async () => {
            const element = await mount({
                conversation: { ...CONVERSATION, canSeeFailures: true }
            });
            retry.mockResolvedValue({ selected: 1, changed: 0 });

            $(element, 'lightning-button.retry').click();
            await flushPromises();

            expect(text(element, '.notice')).toBe('That failure is no longer open.');
        });

        it('a refused Retry says why', async () => {
            const element = await mount({
                conversation: { ...CONVERSATION, canSeeFailures: true }
            });
            retry.mockRejectedValue(apexError('You cannot change these failure records: denied'));

            $(element, 'lightning-button.retry').click();
            await flushPromises();

            expect(text(element, '.failures-error')).toBe(
                'You cannot change these failure records: denied'
            );
        });
    });

    it('is accessible with members, summary, transcript and failures', async () => {
        const element = await mount({
            conversation: {
                ...CONVERSATION,
                canSeeFailures: true,
                summary: 'Long story. '.repeat(60)
            },
            members: WITH_AGENT
        });

        await expect(element).toBeAccessible();
    });

    it('is accessible with its errors', async () => {
        getMembers.mockRejectedValueOnce(apexError('Sendbird is not answering.'));
        const element = await mount();
        jest.useFakeTimers();
        getMembers.mockResolvedValue(WITH_AGENT);
        element.recordId = CASE_ID;
        jest.useRealTimers();
        await flushPromises();

        expect($(element, '.members-error')).not.toBeNull();
        await expect(element).toBeAccessible();
    });
});
