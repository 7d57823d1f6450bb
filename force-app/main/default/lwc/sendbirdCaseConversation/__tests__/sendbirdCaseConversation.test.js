import { createElement } from 'lwc';
import SendbirdCaseConversation, { CHAT_ANSWER_MS } from 'c/sendbirdCaseConversation';
import SendbirdAgentConsole from 'c/sendbirdAgentConsole';
import { publish, subscribe, unsubscribe } from 'lightning/messageService';
import OPEN_CHANNEL from '@salesforce/messageChannel/Sendbird_Open_Channel__c';
import getConversation from '@salesforce/apex/SendbirdCaseConversationController.getConversation';
import getMembers from '@salesforce/apex/SendbirdCaseConversationController.getMembers';
import join from '@salesforce/apex/SendbirdCaseConversationController.join';
import leave from '@salesforce/apex/SendbirdCaseConversationController.leave';
import listFailures from '@salesforce/apex/SendbirdFailureConsoleController.listFailures';
import retry from '@salesforce/apex/SendbirdFailureConsoleController.retry';
import getSession from '@salesforce/apex/SendbirdAgentSessionController.getSession';

const CONVERSATION = require('./data/conversation.json');
const MEMBERS = require('./data/members.json');
const FAILURES = require('./data/failures.json');
const SESSION = require('../../sendbirdAgentConsole/__tests__/data/session.json');

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
    '@salesforce/apex/SendbirdAgentSessionController.getSession',
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
        jest.clearAllMocks();
        jest.useRealTimers();
    });

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
            expect(link.getAttribute('href')).toBe(
                '/lightning/r/ContentDocument/069000000000001AAA/view'
            );
            expect(link.textContent).toBe('Sendbird transcript case_channel_1');
            const members = $$(element, 'li.member');
            expect(members.map((item) => item.querySelector('.nickname').textContent)).toEqual([
                'Cy Customer',
                'Ada Agent'
            ]);
            expect(members[0].textContent).toContain('customer_42 · online');
            expect(members[1].textContent).toContain('005000000000001AAA · offline, invited');
            expect($(element, '.you')).toBeNull();
            expect($(element, '.more')).toBeNull();
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

        it('that Sendbird has no channel yet, and offers no Join', async () => {
            const element = await mount({
                members: { ...MEMBERS, channelExists: false, members: [] }
            });

            expect(text(element, '.no-channel')).toMatch(/^Sendbird has no channel/);
            expect($(element, 'lightning-button.join')).toBeNull();
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
    });

    describe('Open in chat', () => {
        it('publishes the channel and the Case on Sendbird_Open_Channel', async () => {
            const element = await mount();

            $(element, 'lightning-button.open-in-chat').click();

            expect(publish).toHaveBeenCalledWith(undefined, OPEN_CHANNEL, {
                type: 'open',
                channelUrl: 'case_channel_1',
                recordId: CASE_ID
            });
        });

        it('confirms when the chat answers', async () => {
            const element = await mount();
            const handler = subscribe.mock.calls[0][2];

            $(element, 'lightning-button.open-in-chat').click();
            handler({ type: 'received', channelUrl: 'another_channel' });
            handler({ type: 'received', channelUrl: 'case_channel_1' });
            await flushPromises();

            expect(text(element, '.notice')).toBe('Opened in the Sendbird chat.');
            expect($(element, '.chat-warning')).toBeNull();
        });

        it('explains when no chat answers', async () => {
            const element = await mount();
            jest.useFakeTimers();

            $(element, 'lightning-button.open-in-chat').click();
            jest.advanceTimersByTime(CHAT_ANSWER_MS - 1);
            await Promise.resolve();
            expect($(element, '.chat-warning')).toBeNull();
            jest.advanceTimersByTime(1);
            await Promise.resolve();

            expect(text(element, '.chat-warning')).toMatch(/^The Sendbird chat did not answer/);
        });

        it('stops listening when removed', async () => {
            const element = await mount();

            document.body.removeChild(element);

            expect(unsubscribe).toHaveBeenCalledWith(subscribe.mock.results[0].value);
        });
    });

    describe('with the utility-bar chat on one message service', () => {
        // A message service that delivers every message to every subscriber, as Salesforce's does.
        beforeEach(() => {
            const subscriptions = new Set();
            subscribe.mockImplementation((context, channel, handler) => {
                const subscription = { channel, handler };
                subscriptions.add(subscription);
                return subscription;
            });
            unsubscribe.mockImplementation((subscription) => subscriptions.delete(subscription));
            publish.mockImplementation((context, channel, message) => {
                [...subscriptions]
                    .filter((subscription) => subscription.channel === channel)
                    .forEach((subscription) => subscription.handler(message));
            });
        });

        afterEach(() => {
            subscribe.mockReset();
            unsubscribe.mockReset();
            publish.mockReset();
        });

        it('the chat opens the channel the panel asked for, and the panel hears back', async () => {
            getSession.mockResolvedValue(SESSION);
            const chat = createElement('c-sendbird-agent-console', { is: SendbirdAgentConsole });
            const replies = [];
            const opened = [];
            chat.addEventListener('reply', (event) => replies.push(event.detail.message));
            chat.addEventListener('openutility', () => opened.push(true));
            document.body.appendChild(chat);
            chat.handleContainerMessage({ type: 'sendbird:ready', protocol: 1 });
            const panel = await mount();

            $(panel, 'lightning-button.open-in-chat').click();
            await flushPromises();

            expect(opened).toHaveLength(1);
            expect(replies.at(-1)).toEqual({
                type: 'sendbird:open-channel',
                channelUrl: 'case_channel_1'
            });
            expect(text(panel, '.notice')).toBe('Opened in the Sendbird chat.');
        });
    });

    describe('sync failures', () => {
        it('are listed for users who may read the failure log', async () => {
            const element = await mount({
                conversation: { ...CONVERSATION, canSeeFailures: true }
            });

            expect(listFailures).toHaveBeenCalledWith({ status: 'Open', caseId: CASE_ID });
            const failure = $(element, 'li.failure');
            expect(failure.textContent).toContain('SSF-000001: INVITE failed with 400201');
            expect(failure.textContent).toContain('"Channel" not found.');
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
            conversation: { ...CONVERSATION, canSeeFailures: true },
            members: WITH_AGENT
        });

        await expect(element).toBeAccessible();
    });

    it('is accessible with its errors', async () => {
        getMembers.mockRejectedValueOnce(apexError('Sendbird is not answering.'));
        const element = await mount();
        jest.useFakeTimers();
        $(element, 'lightning-button.open-in-chat').click();
        jest.advanceTimersByTime(CHAT_ANSWER_MS);
        jest.useRealTimers();
        await flushPromises();

        expect($(element, '.chat-warning')).not.toBeNull();
        await expect(element).toBeAccessible();
    });
});
