import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { FakeHost, VALID_INIT } from '../../test-support/fake-host';
import { CHANNELS, uikit } from '../../test-support/uikit-stubs';
import { Handshake, HANDSHAKE_DEFAULTS } from '../../protocol/handshake';
import { HostSignals } from '../../protocol/host-signals';
import { App } from '../App';

import { CONNECT_TIMEOUT_MS } from '../../chat/ConnectWatchdog';
import type { StubSdk } from '../../test-support/uikit-stubs';

// UIKit's entry points resolve to test-support/uikit/* (jest.config.js moduleNameMapper).
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

/** The SDK calls the app makes, recorded; channels in `members` can be opened. */
function fakeSdk(members: string[] = CHANNELS.map((channel) => channel.url)) {
    const calls = { nickname: [] as string[], getChannel: [] as string[] };
    const sdk: StubSdk = {
        groupChannel: {
            getTotalUnreadMessageCount: () => Promise.resolve(0),
            addGroupChannelHandler: jest.fn(),
            removeGroupChannelHandler: jest.fn(),
            getChannel: (url) => {
                calls.getChannel.push(url);
                return members.includes(url)
                    ? Promise.resolve({ url })
                    : Promise.reject(Object.assign(new Error('Not a member.'), { code: 400108 }));
            }
        },
        updateCurrentUserInfo: ({ nickname }) => {
            calls.nickname.push(nickname);
            return Promise.resolve({ nickname });
        },
        addUserEventHandler: jest.fn(),
        removeUserEventHandler: jest.fn(),
        addConnectionHandler: jest.fn(),
        removeConnectionHandler: jest.fn()
    };
    return { sdk, calls };
}

describe('App', () => {
    let host: FakeHost;
    let container: HTMLDivElement;
    let root: Root;
    let handshake: Handshake;
    let signals: HostSignals;

    beforeEach(() => {
        jest.useFakeTimers();
        uikit.reset();
        host = new FakeHost();
        container = document.createElement('div');
        document.body.appendChild(container);
        root = createRoot(container);
        handshake = new Handshake(host.bridge);
        handshake.start();
        signals = new HostSignals(host.bridge);
        act(() =>
            root.render(<App bridge={host.bridge} handshake={handshake} signals={signals} />)
        );
    });

    afterEach(() => {
        act(() => root.unmount());
        handshake.stop();
        signals.stop();
        document.body.innerHTML = '';
        jest.useRealTimers();
    });

    const post = (message: unknown): void => act(() => host.post(message));
    const text = (): string => container.textContent ?? '';
    const button = (label: string): HTMLButtonElement => {
        const found = [...container.querySelectorAll('button')].find(
            (candidate) => candidate.textContent === label
        );
        if (!found) {
            throw new Error(`No "${label}" button in: ${container.innerHTML}`);
        }
        return found;
    };
    const conversationUrl = (): string | null | undefined =>
        container.querySelector('[data-testid=conversation]')?.getAttribute('data-channel-url');

    it('waits for the host, sending sendbird:ready', () => {
        expect(text()).toContain('Connecting to Salesforce…');
        expect(container.querySelector('[role=status]')?.getAttribute('aria-busy')).toBe('true');
        expect(host.sentOfType('sendbird:ready')).toHaveLength(1);
    });

    it('mounts UIKit with the session from init', () => {
        post({
            ...VALID_INIT,
            nickname: 'Ada Agent',
            apiHost: 'http://127.0.0.1:9',
            wsHost: 'ws://127.0.0.1:9',
            channelUrl: CHANNELS[0].url
        });
        expect(uikit.mounts).toHaveLength(1);
        expect(uikit.latest).toMatchObject({
            appId: VALID_INIT.appId,
            userId: VALID_INIT.userId,
            accessToken: VALID_INIT.accessToken,
            customApiHost: 'http://127.0.0.1:9',
            customWebSocketHost: 'ws://127.0.0.1:9',
            theme: 'light',
            sdkInitParams: { localCacheEnabled: false },
            uikitOptions: { groupChannel: { enableVoiceMessage: false } }
        });
        // UIKit would update the nickname on every connect; NicknameSync does it only when needed.
        expect(uikit.latest.nickname).toBeUndefined();
        const session = container.querySelector('[data-testid=agent-session]');
        expect(session?.getAttribute('data-user-id')).toBe(VALID_INIT.userId);
        expect(session?.textContent).toBe('Signed in as Ada AgentConnecting to Sendbird…');
        post({ type: 'sendbird:visibility', visible: true });
        expect(conversationUrl()).toBe(CHANNELS[0].url);
    });

    it('renders the chat at once when init came before React rendered', () => {
        const early = new FakeHost();
        const earlyHandshake = new Handshake(early.bridge);
        earlyHandshake.start();
        const earlySignals = new HostSignals(early.bridge);
        early.post(VALID_INIT);
        // The host says "visible" at once, before the chat has rendered: it must not be lost.
        early.post({ type: 'sendbird:visibility', visible: true });
        early.post({ type: 'sendbird:open-channel', channelUrl: 'team_channel_1' });
        const other = document.createElement('div');
        const otherRoot = createRoot(other);
        act(() =>
            otherRoot.render(
                <App bridge={early.bridge} handshake={earlyHandshake} signals={earlySignals} />
            )
        );
        expect(other.querySelector('[data-testid=agent-session]')).not.toBeNull();
        expect(other.querySelector('[data-testid=conversation-hidden]')).toBeNull();
        expect(other.textContent).toContain('Choose a conversation.');
        expect(earlySignals.getState().openRequest).toEqual({ channelUrl: 'team_channel_1' });
        act(() => otherRoot.unmount());
        earlyHandshake.stop();
    });

    it('ignores a malformed init and keeps waiting', () => {
        post({ ...VALID_INIT, appId: 'not an app id!' });
        act(() => jest.advanceTimersByTime(1000));
        expect(uikit.mounts).toHaveLength(0);
        expect(text()).toContain('Connecting to Salesforce…');
        expect(host.sentOfType('sendbird:ready').length).toBeGreaterThan(1);
    });

    it('shows an error with Retry when the host never answers, and asks again on Retry', () => {
        act(() => jest.advanceTimersByTime(HANDSHAKE_DEFAULTS.timeoutMs));
        expect(container.querySelector('[role=alert]')?.textContent).toContain(
            'Salesforce did not answer'
        );
        const before = host.sentOfType('sendbird:ready').length;
        act(() => button('Retry').click());
        expect(text()).toContain('Connecting to Salesforce…');
        expect(host.sentOfType('sendbird:ready')).toHaveLength(before + 1);
    });

    describe('once initialised', () => {
        beforeEach(() => post(VALID_INIT));

        const failed = (): string => container.querySelector('[role=alert]')?.textContent ?? '';

        it('replaces the spinner with "cannot connect" when Sendbird fails; Retry gets a fresh token', async () => {
            act(() => uikit.latest.eventHandlers?.connection?.onFailed?.(new Error('WS closed')));
            expect(failed()).toContain('Cannot connect to Sendbird');
            expect(host.sentOfType('sendbird:error')).toEqual([
                { type: 'sendbird:error', code: 'connect-failed', message: 'WS closed' }
            ]);
            expect(host.sentOfType('sendbird:token-expired')).toHaveLength(0);

            act(() => button('Retry').click());
            // Never the token that just failed: Retry asks the host first.
            expect(host.sentOfType('sendbird:token-expired')).toHaveLength(1);
            expect(uikit.mounts).toHaveLength(1);
            expect(text()).toContain('Getting a new Sendbird session from Salesforce…');
            post({ type: 'sendbird:token', accessToken: 'test-newer-token' });
            await act(() => Promise.resolve());
            expect(uikit.mounts).toHaveLength(2);
            expect(uikit.latest.accessToken).toBe('test-newer-token');
        });

        it('shows "cannot connect" within the watchdog time when Sendbird never answers', () => {
            act(() => jest.advanceTimersByTime(CONNECT_TIMEOUT_MS - 1));
            expect(failed()).toBe('');
            act(() => jest.advanceTimersByTime(1));
            expect(failed()).toContain('Cannot connect to Sendbird');
            expect(host.sentOfType('sendbird:error')).toEqual([
                {
                    type: 'sendbird:error',
                    code: 'connect-failed',
                    message: `Sendbird did not answer within ${CONNECT_TIMEOUT_MS / 1000} s.`
                }
            ]);
            // The provider that timed out may still fail later: that is not reported twice.
            const stale = uikit.latest;
            act(() => stale.eventHandlers?.connection?.onFailed?.(new Error('late')));
            expect(host.sentOfType('sendbird:error')).toHaveLength(1);
        });

        it('stops the watchdog once UIKit connected', () => {
            uikit.initialized = true;
            uikit.sdk = fakeSdk().sdk;
            // Any host message that re-renders the chat lets the stub provider say "connected".
            post({ type: 'sendbird:visibility', visible: true });
            act(() => jest.advanceTimersByTime(CONNECT_TIMEOUT_MS * 3));
            expect(failed()).toBe('');
        });

        it('gets a new token from the host when Sendbird asks for one', async () => {
            const handler = uikit.latest.configureSession?.({}) as {
                onSessionTokenRequired(resolve: (token: string) => void, reject: () => void): void;
            };
            const resolve = jest.fn();
            handler.onSessionTokenRequired(resolve, jest.fn());
            expect(host.sentOfType('sendbird:token-expired')).toHaveLength(1);
            post({ type: 'sendbird:token', accessToken: 'test-refreshed-token' });
            await act(() => Promise.resolve());
            expect(resolve).toHaveBeenCalledWith('test-refreshed-token');
        });

        it('reconnects with a fresh token from the host when a refresh fails, once', async () => {
            const handler = uikit.latest.configureSession?.({}) as {
                onSessionError(error: Error): void;
            };
            act(() => handler.onSessionError(new Error('token revoked')));
            expect(host.sentOfType('sendbird:token-expired')).toHaveLength(1);
            post({ type: 'sendbird:token', accessToken: 'test-second-token' });
            await act(() => Promise.resolve());
            expect(uikit.mounts).toHaveLength(2);
            expect(uikit.latest.accessToken).toBe('test-second-token');
            expect(host.sentOfType('sendbird:error')).toEqual([]);

            // The fresh token fails too, before any connection: the agent is told, no loop.
            const next = uikit.latest.configureSession?.({}) as { onSessionError(e: Error): void };
            act(() => next.onSessionError(new Error('token revoked again')));
            expect(failed()).toContain('Salesforce could not give the chat a new Sendbird session');
            expect(host.sentOfType('sendbird:error')).toEqual([
                {
                    type: 'sendbird:error',
                    code: 'token-refresh-failed',
                    message: 'token revoked again'
                }
            ]);
            expect(host.sentOfType('sendbird:token-expired')).toHaveLength(1);
        });

        it('asks the host for a fresh token when connect fails for an expired token', async () => {
            const expired = Object.assign(new Error('Session token expired.'), { code: 400302 });
            act(() => uikit.latest.eventHandlers?.connection?.onFailed?.(expired));
            expect(host.sentOfType('sendbird:token-expired')).toHaveLength(1);
            post({ type: 'sendbird:token', accessToken: 'test-fresh-token' });
            await act(() => Promise.resolve());
            expect(uikit.latest.accessToken).toBe('test-fresh-token');
            act(() => uikit.latest.eventHandlers?.connection?.onConnected?.({}));
            // Connected again: a later expiry is recovered the same way.
            act(() => uikit.latest.eventHandlers?.connection?.onFailed?.(expired));
            expect(host.sentOfType('sendbird:token-expired')).toHaveLength(2);
            expect(host.sentOfType('sendbird:error')).toEqual([]);
        });

        it('says "token-refresh-failed" when the host gives no token in time', async () => {
            act(() => uikit.latest.eventHandlers?.connection?.onFailed?.(new Error('x')));
            act(() => button('Retry').click());
            await act(() => jest.advanceTimersByTimeAsync(30000));
            expect(failed()).toContain('Cannot connect to Sendbird');
            expect(host.sentOfType('sendbird:error').map((message) => message.code)).toEqual([
                'connect-failed',
                'token-refresh-failed'
            ]);
        });
    });

    describe('once connected', () => {
        let calls: ReturnType<typeof fakeSdk>['calls'];

        beforeEach(() => {
            const fake = fakeSdk();
            calls = fake.calls;
            uikit.sdk = fake.sdk;
            uikit.initialized = true;
            uikit.userNickname = 'Ada Agent';
            post(VALID_INIT);
        });

        /** The host's open-channel, and the SDK's answer to the container's lookup. */
        const open = async (channelUrl: string): Promise<void> => {
            post({ type: 'sendbird:open-channel', channelUrl });
            await act(() => Promise.resolve());
        };
        const show = (visible: boolean): void => post({ type: 'sendbird:visibility', visible });

        it('shows no conversation and selects nothing while hidden, until the host says visible', async () => {
            expect(uikit.listProps?.disableAutoSelect).toBe(true);
            await open('team_channel_1');
            expect(conversationUrl()).toBeUndefined();
            expect(container.querySelector('[data-testid=conversation-hidden]')).not.toBeNull();

            show(true);
            expect(uikit.listProps?.disableAutoSelect).toBe(false);
            expect(conversationUrl()).toBe('team_channel_1');

            // Minimised again: UIKit's conversation (which marks read) is gone.
            show(false);
            expect(conversationUrl()).toBeUndefined();
            expect(uikit.listProps?.disableAutoSelect).toBe(true);
            post({ type: 'sendbird:visibility', visible: 'yes' });
            expect(conversationUrl()).toBeUndefined();
        });

        it('opens the channel the host asks for and says so, and the one the agent picks', async () => {
            show(true);
            expect(text()).toContain('Choose a conversation.');
            await open('team_channel_1');
            expect(conversationUrl()).toBe('team_channel_1');
            expect(host.sentOfType('sendbird:channel-opened')).toEqual([
                { type: 'sendbird:channel-opened', channelUrl: 'team_channel_1' }
            ]);
            post({ type: 'sendbird:open-channel', channelUrl: 'not a channel' });
            expect(conversationUrl()).toBe('team_channel_1');
            act(() => button(CHANNELS[0].url).click());
            expect(conversationUrl()).toBe(CHANNELS[0].url);
        });

        it('reports channel-open-failed for a channel the agent cannot open, keeping the focus', async () => {
            show(true);
            await open('team_channel_1');
            await open('channel_not_invited');
            expect(conversationUrl()).toBe('team_channel_1');
            expect(calls.getChannel).toEqual(['team_channel_1', 'channel_not_invited']);
            expect(host.sentOfType('sendbird:error')).toEqual([
                {
                    type: 'sendbird:error',
                    code: 'channel-open-failed',
                    message: 'Not a member.',
                    channelUrl: 'channel_not_invited'
                }
            ]);
        });

        it('shows "Online" while connected and "Reconnecting…" while UIKit is offline', () => {
            const state = (): string | null | undefined =>
                container.querySelector('[data-testid=agent-session]')?.getAttribute('data-status');
            expect(state()).toBe('online');
            expect(text()).toContain('Online');
            uikit.isOnline = false;
            show(true);
            expect(state()).toBe('reconnecting');
            expect(text()).toContain('Reconnecting…');
            expect(text()).not.toContain('Online');
        });

        it('keeps the nickname Sendbird already has', () => {
            expect(calls.nickname).toEqual([]);
        });

        it('opens the Case from the conversation header', async () => {
            show(true);
            await open(CHANNELS[0].url);
            act(() => button('Open Case').click());
            await open(CHANNELS[1].url);
            act(() => button('Open Case').click());
            await open(CHANNELS[3].url);
            act(() => button('Open Case').click());
            expect(host.sentOfType('sendbird:open-record')).toEqual([
                { type: 'sendbird:open-record', recordId: '5005g00000AbCdEAAV' },
                { type: 'sendbird:open-record', recordId: '5005g00000XyZaB' },
                { type: 'sendbird:open-record', recordId: '5005g00000QrStU' }
            ]);
        });

        it('offers no Open Case action on a channel without a Case', async () => {
            show(true);
            await open('team_channel_1');
            expect(container.querySelector('.agent-chat__open-case')).toBeNull();
        });
    });

    it('sets the Sendbird nickname to the name from init when it differs, once', async () => {
        const { sdk, calls } = fakeSdk();
        uikit.sdk = sdk;
        uikit.initialized = true;
        uikit.userNickname = 'agent-0001';
        post({ ...VALID_INIT, nickname: 'Ada Agent' });
        post({ type: 'sendbird:visibility', visible: true });
        await act(() => Promise.resolve());
        expect(calls.nickname).toEqual(['Ada Agent']);
        expect(container.querySelector('[data-testid=agent-session]')?.textContent).toContain(
            'Signed in as Ada Agent'
        );
    });

    it('waits for the connection before answering an open-channel', async () => {
        const { sdk } = fakeSdk();
        post(VALID_INIT);
        post({ type: 'sendbird:open-channel', channelUrl: 'team_channel_1' });
        await act(() => Promise.resolve());
        expect(host.sentOfType('sendbird:channel-opened')).toEqual([]);
        uikit.sdk = sdk;
        uikit.initialized = true;
        post({ type: 'sendbird:visibility', visible: true });
        await act(() => Promise.resolve());
        expect(host.sentOfType('sendbird:channel-opened')).toHaveLength(1);
        expect(conversationUrl()).toBe('team_channel_1');
    });

    it('reports the unread total once UIKit is connected', async () => {
        let pushTotal: ((count: number) => void) | undefined;
        uikit.sdk = {
            ...fakeSdk().sdk,
            groupChannel: {
                ...fakeSdk().sdk.groupChannel,
                getTotalUnreadMessageCount: () => Promise.resolve(4)
            },
            addUserEventHandler: (_key, handler) => {
                pushTotal = (count) =>
                    handler.onTotalUnreadMessageCountChanged?.({
                        groupChannelCount: count,
                        feedChannelCount: 0,
                        customTypeUnreadCount: {}
                    });
            },
            removeUserEventHandler: jest.fn(),
            addConnectionHandler: jest.fn(),
            removeConnectionHandler: jest.fn()
        };
        uikit.initialized = true;
        post(VALID_INIT);
        await act(() => Promise.resolve());
        act(() => pushTotal?.(6));
        expect(host.sentOfType('sendbird:unread')).toEqual([
            { type: 'sendbird:unread', count: 4 },
            { type: 'sendbird:unread', count: 6 }
        ]);
        expect(container.querySelector('[data-testid=agent-session]')?.textContent).toContain(
            'Online'
        );
    });
});
