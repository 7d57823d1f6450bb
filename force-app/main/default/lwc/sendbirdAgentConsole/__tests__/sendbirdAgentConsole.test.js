import { createElement } from 'lwc';
import SendbirdAgentConsole from 'c/sendbirdAgentConsole';
import getSession from '@salesforce/apex/SendbirdAgentSessionController.getSession';
import { APPLICATION_SCOPE, publish, subscribe, unsubscribe } from 'lightning/messageService';
import OPEN_CHANNEL from '@salesforce/messageChannel/Sendbird_Open_Channel__c';

const SESSION = require('./data/session.json');

jest.mock(
    '@salesforce/apex/SendbirdAgentSessionController.getSession',
    () => ({ default: jest.fn() }),
    { virtual: true }
);

const READY = { type: 'sendbird:ready', protocol: 1 };

// Resolves after pending promises have settled. A macrotask waits out the whole chain of the
// imperative Apex call (then, catch, finally, await), which a single resolved promise would not.
// eslint-disable-next-line @lwc/lwc/no-async-operation
const flushPromises = () => new Promise((resolve) => setTimeout(resolve, 0));

function mount() {
    const element = createElement('c-sendbird-agent-console', { is: SendbirdAgentConsole });
    const events = { reply: [], utilitystate: [], openrecord: [], openutility: [] };
    for (const name of Object.keys(events)) {
        element.addEventListener(name, (event) => events[name].push(event.detail));
    }
    document.body.appendChild(element);
    return { element, events };
}

describe('c-sendbird-agent-console', () => {
    afterEach(() => {
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
        jest.clearAllMocks();
    });

    it('answers ready with init carrying the Apex session', async () => {
        getSession.mockResolvedValue(SESSION);
        const { element, events } = mount();

        element.handleContainerMessage(READY);
        await flushPromises();

        expect(getSession).toHaveBeenCalledTimes(1);
        expect(events.reply).toEqual([
            {
                message: {
                    type: 'sendbird:init',
                    protocol: 1,
                    appId: 'TEST-APP-ID',
                    userId: '005000000000001AAA',
                    accessToken: 'test-session-token',
                    nickname: 'Ada Agent'
                }
            }
        ]);
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
        expect(events.reply).toHaveLength(1);
    });

    it('gives a reloaded chat the session it already has', async () => {
        getSession.mockResolvedValue(SESSION);
        const { element, events } = mount();

        element.handleContainerMessage(READY);
        await flushPromises();
        element.handleContainerMessage(READY);
        await flushPromises();

        expect(getSession).toHaveBeenCalledTimes(1);
        expect(events.reply).toHaveLength(2);
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
        expect(events.reply[1]).toEqual({
            message: { type: 'sendbird:token', accessToken: 'test-session-token-2' }
        });
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
        ['a message that claims a prototype type', { type: 'toString' }]
    ])('ignores %s', async (_, message) => {
        getSession.mockResolvedValue(SESSION);
        const { element, events } = mount();

        element.handleContainerMessage(message);
        await flushPromises();

        expect(getSession).not.toHaveBeenCalled();
        expect(events).toEqual({ reply: [], utilitystate: [], openrecord: [], openutility: [] });
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

        element.shadowRoot.querySelector('lightning-button').click();
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
                    "You do not have access to the Apex class named 'SendbirdAgentSessionController'."
            }
        });
        const { element } = mount();

        element.handleContainerMessage(READY);
        await flushPromises();

        const alert = element.shadowRoot.querySelector('[role="alert"]');
        expect(alert.textContent).toContain('You need the Sendbird Agent permission set');
        expect(alert.textContent).not.toContain('SendbirdAgentSessionController');
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
        expect(events.reply.slice(1)).toEqual([
            { message: { type: 'sendbird:open-channel', channelUrl: 'ai_channel_7' } }
        ]);
    });

    describe('Open in chat (Sendbird_Open_Channel)', () => {
        // The handler the component gave the message service. (sfdx-lwc-jest's MessageContext
        // adapter provides no context, so publish gets undefined for it.)
        const openChannelHandler = () => subscribe.mock.calls[0][2];

        it('listens in every tab of the app, and stops when removed', () => {
            const { element } = mount();

            expect(subscribe).toHaveBeenCalledTimes(1);
            expect(subscribe.mock.calls[0][1]).toBe(OPEN_CHANNEL);
            expect(subscribe.mock.calls[0][3]).toEqual({ scope: APPLICATION_SCOPE });

            document.body.removeChild(element);

            expect(unsubscribe).toHaveBeenCalledTimes(1);
        });

        it('shows the utility, focuses the channel and answers the request', async () => {
            getSession.mockResolvedValue(SESSION);
            const { element, events } = mount();
            element.handleContainerMessage(READY);
            await flushPromises();

            openChannelHandler()({
                type: 'open',
                channelUrl: 'case_channel_1',
                recordId: '500000000000001AAA'
            });

            expect(events.openutility).toHaveLength(1);
            expect(events.reply[1]).toEqual({
                message: { type: 'sendbird:open-channel', channelUrl: 'case_channel_1' }
            });
            expect(publish).toHaveBeenCalledWith(undefined, OPEN_CHANNEL, {
                type: 'received',
                channelUrl: 'case_channel_1',
                recordId: '500000000000001AAA'
            });
        });

        it('opens the channel as part of init when the chat is not ready yet', async () => {
            getSession.mockResolvedValue(SESSION);
            const { element, events } = mount();

            openChannelHandler()({ type: 'open', channelUrl: 'case_channel_1' });
            element.handleContainerMessage(READY);
            await flushPromises();

            expect(events.reply[0].message).toEqual(
                expect.objectContaining({ type: 'sendbird:init', channelUrl: 'case_channel_1' })
            );
            expect(publish).toHaveBeenCalledWith(undefined, OPEN_CHANNEL, {
                type: 'received',
                channelUrl: 'case_channel_1'
            });
        });

        it.each([
            ['its own answer', { type: 'received', channelUrl: 'case_channel_1' }],
            ['a bad channel URL', { type: 'open', channelUrl: 'no spaces allowed' }],
            ['a bad record id', { type: 'open', channelUrl: 'case_1', recordId: '500<b>' }],
            ['no message', null],
            ['a string', 'open case_channel_1']
        ])('ignores %s', (_, message) => {
            const { events } = mount();

            openChannelHandler()(message);

            expect(events.openutility).toEqual([]);
            expect(publish).not.toHaveBeenCalled();
        });
    });

    it('is accessible, including its error', async () => {
        getSession.mockRejectedValue({ body: { message: 'Cannot reach Sendbird.' } });
        const { element } = mount();
        element.handleContainerMessage(READY);
        await flushPromises();

        await expect(element).toBeAccessible();
    });
});
