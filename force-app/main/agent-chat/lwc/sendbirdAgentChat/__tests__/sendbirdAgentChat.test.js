import { createElement } from 'lwc';
import SendbirdAgentChat from 'c/sendbirdAgentChat';
import getSession from '@salesforce/apex/SendbirdAgentChatController.getSession';
import {
    APPLICATION_SCOPE,
    publish,
    resetMessageService,
    subscribe,
    subscriptionCount,
    unsubscribe
} from 'lightning/messageService';
import OPEN_CHANNEL from '@salesforce/messageChannel/Sendbird_Open_Channel__c';

const SESSION = require('./data/session.json');

jest.mock(
    '@salesforce/apex/SendbirdAgentChatController.getSession',
    () => ({ default: jest.fn() }),
    { virtual: true }
);

const READY = { type: 'sendbird:ready', protocol: 1 };

// Resolves after pending promises have settled. A macrotask waits out the whole chain of the
// imperative Apex call (then, catch, finally, await), which a single resolved promise would not.
// eslint-disable-next-line @lwc/lwc/no-async-operation
const flushPromises = () => new Promise((resolve) => setTimeout(resolve, 0));

const NO_EVENTS = { reply: [], utilitystate: [], openrecord: [], openutility: [], standdown: [] };

function mount() {
    const element = createElement('c-sendbird-agent-chat', { is: SendbirdAgentChat });
    const events = JSON.parse(JSON.stringify(NO_EVENTS));
    for (const name of Object.keys(events)) {
        element.addEventListener(name, (event) => events[name].push(event.detail));
    }
    document.body.appendChild(element);
    return { element, events };
}

describe('c-sendbird-agent-chat', () => {
    afterEach(() => {
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
        resetMessageService();
        jest.clearAllMocks();
    });

    // The messages of one kind the component sent to the container.
    const sent = (events, type) =>
        events.reply.map(({ message }) => message).filter((message) => message.type === type);

    it('answers ready with init carrying the Apex session', async () => {
        getSession.mockResolvedValue(SESSION);
        const { element, events } = mount();

        element.handleContainerMessage(READY);
        await flushPromises();

        expect(getSession).toHaveBeenCalledTimes(1);
        expect(events.reply[0]).toEqual({
            message: {
                type: 'sendbird:init',
                protocol: 1,
                appId: 'TEST-APP-ID',
                userId: '005000000000001AAA',
                accessToken: 'test-session-token',
                nickname: 'Ada Agent'
            }
        });
    });

    describe('visibility (sendbird:visibility)', () => {
        it('follows init, hidden until the host says the panel is open', async () => {
            getSession.mockResolvedValue(SESSION);
            const { element, events } = mount();

            element.handleContainerMessage(READY);
            await flushPromises();

            expect(events.reply.map(({ message }) => message.type)).toEqual([
                'sendbird:init',
                'sendbird:visibility'
            ]);
            expect(events.reply[1].message).toEqual({
                type: 'sendbird:visibility',
                visible: false
            });
        });

        it('tells the container at once whenever the panel opens or is minimised', async () => {
            getSession.mockResolvedValue(SESSION);
            const { element, events } = mount();
            element.startInUtility({ label: 'Chat', visible: false });
            element.handleContainerMessage(READY);
            await flushPromises();

            element.setVisible(true);
            element.setVisible(false);

            expect(sent(events, 'sendbird:visibility').map(({ visible }) => visible)).toEqual([
                false,
                true,
                false
            ]);
        });

        it('sends the state it learnt before the chat was ready right after init', async () => {
            getSession.mockResolvedValue(SESSION);
            const { element, events } = mount();

            element.startInUtility({ label: 'Chat', visible: true });
            expect(events.reply).toEqual([]);
            element.handleContainerMessage(READY);
            await flushPromises();

            expect(sent(events, 'sendbird:visibility')).toEqual([
                { type: 'sendbird:visibility', visible: true }
            ]);
        });

        it('counts as visible outside a utility bar', async () => {
            getSession.mockResolvedValue(SESSION);
            const { element, events } = mount();

            element.startInUtility({ visible: true });
            element.handleContainerMessage(READY);
            await flushPromises();

            expect(sent(events, 'sendbird:visibility')[0].visible).toBe(true);
        });
    });

    it('answers the repeated ready of one start once, with one Apex call', async () => {
        let resolve;
        getSession.mockReturnValue(new Promise((done) => (resolve = done)));
        const { element, events } = mount();

        element.handleContainerMessage(READY);
        element.handleContainerMessage(READY);
        element.handleContainerMessage(READY);
        resolve(SESSION);
        await flushPromises();

        expect(getSession).toHaveBeenCalledTimes(1);
        expect(sent(events, 'sendbird:init')).toHaveLength(1);
    });

    it('gives a reloaded chat the session it already has', async () => {
        getSession.mockResolvedValue(SESSION);
        const { element, events } = mount();

        element.handleContainerMessage(READY);
        await flushPromises();
        element.handleContainerMessage(READY);
        await flushPromises();

        expect(getSession).toHaveBeenCalledTimes(1);
        expect(sent(events, 'sendbird:init')).toHaveLength(2);
    });

    it('renews a session about to end instead of reusing it', async () => {
        getSession.mockResolvedValueOnce({ ...SESSION, expiresAt: Date.now() + 1000 });
        getSession.mockResolvedValueOnce(SESSION);
        const { element } = mount();

        element.handleContainerMessage(READY);
        await flushPromises();
        element.handleContainerMessage(READY);
        await flushPromises();

        expect(getSession).toHaveBeenCalledTimes(2);
    });

    it('answers token-expired with a new token', async () => {
        getSession.mockResolvedValueOnce(SESSION);
        getSession.mockResolvedValueOnce({ ...SESSION, accessToken: 'test-session-token-2' });
        const { element, events } = mount();
        element.handleContainerMessage(READY);
        await flushPromises();

        element.handleContainerMessage({ type: 'sendbird:token-expired' });
        await flushPromises();

        expect(getSession).toHaveBeenCalledTimes(2);
        expect(sent(events, 'sendbird:token')).toEqual([
            { type: 'sendbird:token', accessToken: 'test-session-token-2' }
        ]);
    });

    it('asks Apex for a fresh token on every token-expired, never reusing one', async () => {
        getSession.mockResolvedValueOnce(SESSION);
        getSession.mockResolvedValueOnce({ ...SESSION, accessToken: 'test-session-token-2' });
        getSession.mockResolvedValueOnce({ ...SESSION, accessToken: 'test-session-token-3' });
        const { element, events } = mount();
        element.handleContainerMessage(READY);
        await flushPromises();

        element.handleContainerMessage({ type: 'sendbird:token-expired' });
        await flushPromises();
        element.handleContainerMessage({ type: 'sendbird:token-expired' });
        await flushPromises();

        expect(getSession).toHaveBeenCalledTimes(3);
        expect(sent(events, 'sendbird:token').map(({ accessToken }) => accessToken)).toEqual([
            'test-session-token-2',
            'test-session-token-3'
        ]);
    });

    it('after a failed token refresh, Retry sends a fresh token, not a second init', async () => {
        getSession.mockResolvedValueOnce(SESSION);
        getSession.mockRejectedValueOnce({ body: { message: 'Cannot reach Sendbird: timeout' } });
        getSession.mockResolvedValueOnce({ ...SESSION, accessToken: 'test-session-token-2' });
        const { element, events } = mount();
        element.handleContainerMessage(READY);
        await flushPromises();
        element.handleContainerMessage({ type: 'sendbird:token-expired' });
        await flushPromises();
        expect(element.shadowRoot.querySelector('.session-error').textContent).toContain(
            'Cannot reach Sendbird: timeout'
        );

        element.shadowRoot.querySelector('lightning-button.retry').click();
        await flushPromises();

        expect(sent(events, 'sendbird:init')).toHaveLength(1);
        expect(sent(events, 'sendbird:token')).toEqual([
            { type: 'sendbird:token', accessToken: 'test-session-token-2' }
        ]);
        expect(element.shadowRoot.querySelector('.session-error')).toBeNull();
    });

    it('asks to highlight the utility item while messages are unread', () => {
        const { element, events } = mount();

        element.handleContainerMessage({ type: 'sendbird:unread', count: 3 });
        element.handleContainerMessage({ type: 'sendbird:unread', count: 0 });

        expect(events.utilitystate).toEqual([
            { label: 'Chat (3)', highlighted: true },
            { label: 'Chat', highlighted: false }
        ]);
    });

    it('keeps the label the admin gave the utility item when counting unread', () => {
        const { element, events } = mount();

        element.startInUtility({ label: 'Kundenchat', visible: false });
        element.handleContainerMessage({ type: 'sendbird:unread', count: 2 });
        element.handleContainerMessage({ type: 'sendbird:unread', count: 0 });

        expect(events.utilitystate.map(({ label }) => label)).toEqual([
            'Kundenchat (2)',
            'Kundenchat'
        ]);
    });

    describe('errors of the chat (sendbird:error)', () => {
        it.each([
            ['connect-failed', 'Next step: use Retry in the chat.'],
            ['token-refresh-failed', 'Next step: press Retry to get a new Sendbird session.'],
            ['channel-open-failed', 'Next step: open the Case, use Join conversation'],
            ['container-error', 'Next step: reload the page.'],
            [
                'protocol-mismatch',
                'Next step: the chat and its Salesforce host are different versions.'
            ],
            [
                'disk-full',
                'Next step: try again. If it persists, ask your admin and mention the code.'
            ]
        ])('shows %s with its code and a next step', async (code, nextStep) => {
            const { element } = mount();

            element.handleContainerMessage({ type: 'sendbird:error', code, message: 'It broke.' });
            await flushPromises();

            const alert = element.shadowRoot.querySelector('.container-error');
            expect(alert.getAttribute('role')).toBe('alert');
            expect(alert.textContent).toContain(`The chat reported a problem (${code}): It broke.`);
            expect(alert.querySelector('.next-step').textContent).toContain(nextStep);
        });

        it('offers the host Retry for token-refresh-failed, which fetches a fresh token', async () => {
            getSession.mockResolvedValueOnce(SESSION);
            getSession.mockResolvedValueOnce({ ...SESSION, accessToken: 'test-session-token-2' });
            const { element, events } = mount();
            element.handleContainerMessage(READY);
            await flushPromises();

            element.handleContainerMessage({
                type: 'sendbird:error',
                code: 'token-refresh-failed',
                message: 'No token came.'
            });
            await flushPromises();
            element.shadowRoot.querySelector('.container-error lightning-button.retry').click();
            await flushPromises();

            expect(getSession).toHaveBeenCalledTimes(2);
            expect(sent(events, 'sendbird:token')).toEqual([
                { type: 'sendbird:token', accessToken: 'test-session-token-2' }
            ]);
            expect(element.shadowRoot.querySelector('.container-error')).toBeNull();
        });

        it.each([
            ['no message text', { type: 'sendbird:error', code: 'connect-failed' }],
            ['no code', { type: 'sendbird:error', message: 'x' }],
            ['an object code', { type: 'sendbird:error', code: {}, message: 'x' }],
            [
                'a bad channel URL',
                {
                    type: 'sendbird:error',
                    code: 'channel-open-failed',
                    message: 'x',
                    channelUrl: 'a b'
                }
            ]
        ])('ignores an error with %s', async (_, message) => {
            const { element } = mount();

            element.handleContainerMessage(message);
            await flushPromises();

            expect(element.shadowRoot.querySelector('.container-error')).toBeNull();
        });
    });

    it('asks to open a record', () => {
        const { element, events } = mount();

        element.handleContainerMessage({
            type: 'sendbird:open-record',
            recordId: '500000000000001AAA'
        });

        expect(events.openrecord).toEqual([{ recordId: '500000000000001AAA' }]);
    });

    it.each([
        ['no message', undefined],
        ['a string', 'sendbird:ready'],
        ['an array', [READY]],
        ['an unknown type', { type: 'sendbird:format-disk' }],
        ['ready of another protocol', { type: 'sendbird:ready', protocol: 2 }],
        ['a negative unread count', { type: 'sendbird:unread', count: -1 }],
        ['a fractional unread count', { type: 'sendbird:unread', count: 1.5 }],
        [
            'a record id that is not an Id',
            { type: 'sendbird:open-record', recordId: '500<script>alert' }
        ],
        ['a message that claims a prototype type', { type: 'toString' }],
        ['channel-opened without a channel', { type: 'sendbird:channel-opened' }],
        [
            'channel-opened with a bad channel',
            { type: 'sendbird:channel-opened', channelUrl: '../x' }
        ]
    ])('ignores %s', async (_, message) => {
        getSession.mockResolvedValue(SESSION);
        const { element, events } = mount();

        element.handleContainerMessage(message);
        await flushPromises();

        expect(getSession).not.toHaveBeenCalled();
        expect(events).toEqual(NO_EVENTS);
    });

    it('shows why the chat cannot start, and tries again on Retry', async () => {
        getSession.mockRejectedValueOnce({
            body: { message: 'You need the Sendbird Agent permission set.' }
        });
        getSession.mockResolvedValueOnce(SESSION);
        const { element, events } = mount();

        element.handleContainerMessage(READY);
        await flushPromises();

        const alert = element.shadowRoot.querySelector('[role="alert"]');
        expect(alert.textContent).toContain('You need the Sendbird Agent permission set.');
        expect(events.reply).toEqual([]);

        element.shadowRoot.querySelector('lightning-button.retry').click();
        await flushPromises();

        expect(element.shadowRoot.querySelector('[role="alert"]')).toBeNull();
        expect(events.reply[0].message.type).toBe('sendbird:init');
    });

    it('waits for Retry after a failure instead of calling Apex on every repeated ready', async () => {
        getSession.mockRejectedValueOnce({ body: { message: 'Sendbird is not answering.' } });
        const { element, events } = mount();

        element.handleContainerMessage(READY);
        await flushPromises();
        element.handleContainerMessage(READY);
        element.handleContainerMessage(READY);
        await flushPromises();

        expect(getSession).toHaveBeenCalledTimes(1);
        expect(events.reply).toEqual([]);
    });

    it('tells a user without access to the Apex class which permission set they need', async () => {
        getSession.mockRejectedValueOnce({
            body: {
                message:
                    "You do not have access to the Apex class named 'SendbirdAgentChatController'."
            }
        });
        const { element } = mount();

        element.handleContainerMessage(READY);
        await flushPromises();

        const alert = element.shadowRoot.querySelector('[role="alert"]');
        expect(alert.textContent).toContain('You need the Sendbird Agent permission set');
        expect(alert.textContent).not.toContain('SendbirdAgentChatController');
    });

    it('opens a channel asked for before the chat is ready as part of init', async () => {
        getSession.mockResolvedValue(SESSION);
        const { element, events } = mount();

        element.openChannel('500000000000001AAA');
        element.handleContainerMessage(READY);
        await flushPromises();
        element.openChannel('ai_channel_7');
        element.openChannel('not a channel!');

        expect(events.reply[0].message.channelUrl).toBe('500000000000001AAA');
        expect(sent(events, 'sendbird:open-channel')).toEqual([
            { type: 'sendbird:open-channel', channelUrl: 'ai_channel_7' }
        ]);
    });

    describe('Open in chat (Sendbird_Open_Channel)', () => {
        // A record page's panel on the same message service: it publishes requests and hears the
        // answers. (The jest-mocks message service delivers as Salesforce's does.)
        function panel() {
            const heard = [];
            const context = { id: 'panel', active: true };
            subscribe(context, OPEN_CHANNEL, (message) => heard.push(message));
            return {
                heard,
                ask: (message) => publish(context, OPEN_CHANNEL, message)
            };
        }

        it('listens in every tab of the app, and stops when removed', () => {
            const { element } = mount();

            expect(subscribe).toHaveBeenCalledTimes(1);
            expect(subscribe.mock.calls[0][1]).toBe(OPEN_CHANNEL);
            expect(subscribe.mock.calls[0][3]).toEqual({ scope: APPLICATION_SCOPE });
            expect(subscriptionCount()).toBe(1);

            document.body.removeChild(element);

            expect(unsubscribe).toHaveBeenCalledWith(subscribe.mock.results[0].value);
            expect(subscriptionCount()).toBe(0);
        });

        it('shows the utility, focuses the channel and answers that it got the request', async () => {
            getSession.mockResolvedValue(SESSION);
            const { element, events } = mount();
            element.handleContainerMessage(READY);
            await flushPromises();
            const page = panel();

            page.ask({
                type: 'open',
                channelUrl: 'case_channel_1',
                recordId: '500000000000001AAA'
            });

            expect(events.openutility).toHaveLength(1);
            expect(sent(events, 'sendbird:open-channel')).toEqual([
                { type: 'sendbird:open-channel', channelUrl: 'case_channel_1' }
            ]);
            expect(page.heard).toContainEqual({
                type: 'received',
                channelUrl: 'case_channel_1',
                recordId: '500000000000001AAA'
            });
            expect(page.heard.some((message) => message.type === 'opened')).toBe(false);
        });

        it('says opened only when the container confirms it', async () => {
            getSession.mockResolvedValue(SESSION);
            const { element } = mount();
            element.handleContainerMessage(READY);
            await flushPromises();
            const page = panel();
            page.ask({ type: 'open', channelUrl: 'case_channel_1' });

            element.handleContainerMessage({
                type: 'sendbird:channel-opened',
                channelUrl: 'case_channel_1'
            });

            expect(page.heard.at(-1)).toEqual({ type: 'opened', channelUrl: 'case_channel_1' });
        });

        it('passes the container refusal on as failed, and shows it', async () => {
            getSession.mockResolvedValue(SESSION);
            const { element } = mount();
            element.handleContainerMessage(READY);
            await flushPromises();
            const page = panel();
            page.ask({ type: 'open', channelUrl: 'case_channel_1' });

            element.handleContainerMessage({
                type: 'sendbird:error',
                code: 'channel-open-failed',
                message: 'You are not a member of this channel.',
                channelUrl: 'case_channel_1'
            });
            await flushPromises();

            expect(page.heard.at(-1)).toEqual({ type: 'failed', channelUrl: 'case_channel_1' });
            expect(element.shadowRoot.querySelector('.container-error').dataset.code).toBe(
                'channel-open-failed'
            );
        });

        it('opens the channel as part of init when the chat is not ready yet', async () => {
            getSession.mockResolvedValue(SESSION);
            const { element, events } = mount();
            const page = panel();

            page.ask({ type: 'open', channelUrl: 'case_channel_1' });
            element.handleContainerMessage(READY);
            await flushPromises();

            expect(events.reply[0].message).toEqual(
                expect.objectContaining({ type: 'sendbird:init', channelUrl: 'case_channel_1' })
            );
            expect(page.heard).toContainEqual({ type: 'received', channelUrl: 'case_channel_1' });
        });

        it.each([
            ['its own answer', { type: 'received', channelUrl: 'case_channel_1' }],
            ['a bad channel URL', { type: 'open', channelUrl: 'no spaces allowed' }],
            ['a bad record id', { type: 'open', channelUrl: 'case_1', recordId: '500<b>' }],
            ['no message', null],
            ['a string', 'open case_channel_1']
        ])('ignores %s', (_, message) => {
            const { events } = mount();
            const page = panel();

            page.ask(message);

            expect(events.openutility).toEqual([]);
            expect(page.heard.filter((heard) => heard?.type !== message?.type)).toEqual([]);
        });
    });

    describe('a second copy on the page', () => {
        it('stands down with a visible note, and never starts a second session', async () => {
            getSession.mockResolvedValue(SESSION);
            const first = mount();
            const second = mount();

            second.element.handleContainerMessage(READY);
            second.element.openChannel('case_channel_1');
            await flushPromises();

            expect(second.events.standdown).toHaveLength(1);
            expect(second.events.reply).toEqual([]);
            expect(getSession).not.toHaveBeenCalled();
            expect(subscribe).toHaveBeenCalledTimes(1);
            const note = second.element.shadowRoot.querySelector('.stand-down');
            expect(note.textContent).toContain('already running in this app');
            expect(first.events.standdown).toEqual([]);
        });

        it('answers Open in chat once, from the first copy', async () => {
            getSession.mockResolvedValue(SESSION);
            const first = mount();
            const second = mount();
            first.element.handleContainerMessage(READY);
            await flushPromises();

            publish({ id: 'panel' }, OPEN_CHANNEL, { type: 'open', channelUrl: 'case_channel_1' });

            expect(first.events.openutility).toHaveLength(1);
            expect(second.events.openutility).toHaveLength(0);
            expect(
                publish.mock.calls.filter(([, , message]) => message.type === 'received')
            ).toHaveLength(1);
        });

        it('lets a copy added after the first is removed take over', () => {
            const first = mount();
            document.body.removeChild(first.element);

            const next = mount();

            expect(next.events.standdown).toEqual([]);
            expect(next.element.shadowRoot.querySelector('.stand-down')).toBeNull();
        });
    });

    it('is accessible with a container error and its Retry', async () => {
        const { element } = mount();
        element.handleContainerMessage({
            type: 'sendbird:error',
            code: 'token-refresh-failed',
            message: 'No token came.'
        });
        await flushPromises();

        await expect(element).toBeAccessible();
    });

    it('is accessible, including its error', async () => {
        getSession.mockRejectedValue({ body: { message: 'Cannot reach Sendbird.' } });
        const { element } = mount();
        element.handleContainerMessage(READY);
        await flushPromises();

        await expect(element).toBeAccessible();
    });
});
