import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { FakeHost, VALID_INIT } from '../../test-support/fake-host';
import { CHANNELS, uikit } from '../../test-support/uikit-stubs';
import { Handshake, HANDSHAKE_DEFAULTS } from '../../protocol/handshake';
import { App } from '../App';

// UIKit's entry points resolve to test-support/uikit/* (jest.config.js moduleNameMapper).
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

describe('App', () => {
    let host: FakeHost;
    let container: HTMLDivElement;
    let root: Root;
    let handshake: Handshake;

    beforeEach(() => {
        jest.useFakeTimers();
        uikit.reset();
        host = new FakeHost();
        container = document.createElement('div');
        document.body.appendChild(container);
        root = createRoot(container);
        handshake = new Handshake(host.bridge);
        handshake.start();
        act(() => root.render(<App bridge={host.bridge} handshake={handshake} />));
    });

    afterEach(() => {
        act(() => root.unmount());
        handshake.stop();
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
            nickname: 'Ada Agent',
            customApiHost: 'http://127.0.0.1:9',
            customWebSocketHost: 'ws://127.0.0.1:9',
            theme: 'light',
            sdkInitParams: { localCacheEnabled: false },
            uikitOptions: { groupChannel: { enableVoiceMessage: false } }
        });
        const session = container.querySelector('[data-testid=agent-session]');
        expect(session?.getAttribute('data-user-id')).toBe(VALID_INIT.userId);
        expect(session?.textContent).toContain('Connecting to Sendbird…');
        expect(conversationUrl()).toBe(CHANNELS[0].url);
    });

    it('renders the chat at once when init came before React rendered', () => {
        const early = new FakeHost();
        const earlyHandshake = new Handshake(early.bridge);
        earlyHandshake.start();
        early.post(VALID_INIT);
        const other = document.createElement('div');
        const otherRoot = createRoot(other);
        act(() => otherRoot.render(<App bridge={early.bridge} handshake={earlyHandshake} />));
        expect(other.querySelector('[data-testid=agent-session]')).not.toBeNull();
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

        it('replaces the spinner with "cannot connect" when Sendbird fails, and retries', () => {
            act(() => uikit.latest.eventHandlers?.connection?.onFailed?.(new Error('WS closed')));
            expect(container.querySelector('[role=alert]')?.textContent).toContain(
                'Cannot connect to Sendbird'
            );
            expect(host.sentOfType('sendbird:error')).toEqual([
                { type: 'sendbird:error', code: 'connect-failed', message: 'WS closed' }
            ]);

            post({ type: 'sendbird:token', accessToken: 'test-newer-token' });
            act(() => button('Retry').click());
            expect(uikit.mounts).toHaveLength(2);
            expect(uikit.latest.accessToken).toBe('test-newer-token');
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

        it('shows "cannot connect" when the token cannot be refreshed', () => {
            const handler = uikit.latest.configureSession?.({}) as {
                onSessionError(error: Error): void;
            };
            act(() => handler.onSessionError(new Error('token revoked')));
            expect(text()).toContain('Cannot connect to Sendbird');
            expect(host.sentOfType('sendbird:error')).toEqual([
                { type: 'sendbird:error', code: 'token-refresh-failed', message: 'token revoked' }
            ]);
        });

        it('focuses the channel the host asks for, and the one the agent picks', () => {
            expect(conversationUrl()).toBeUndefined();
            expect(text()).toContain('Choose a conversation.');
            post({ type: 'sendbird:open-channel', channelUrl: 'team_channel_1' });
            expect(conversationUrl()).toBe('team_channel_1');
            post({ type: 'sendbird:open-channel', channelUrl: 'not a channel' });
            expect(conversationUrl()).toBe('team_channel_1');
            act(() => button(CHANNELS[0].url).click());
            expect(conversationUrl()).toBe(CHANNELS[0].url);
        });

        it('opens the Case from the conversation header', () => {
            post({ type: 'sendbird:open-channel', channelUrl: CHANNELS[0].url });
            act(() => button('Open Case').click());
            post({ type: 'sendbird:open-channel', channelUrl: CHANNELS[1].url });
            act(() => button('Open Case').click());
            post({ type: 'sendbird:open-channel', channelUrl: CHANNELS[3].url });
            act(() => button('Open Case').click());
            expect(host.sentOfType('sendbird:open-record')).toEqual([
                { type: 'sendbird:open-record', recordId: '5005g00000AbCdEAAV' },
                { type: 'sendbird:open-record', recordId: '5005g00000XyZaB' },
                { type: 'sendbird:open-record', recordId: '5005g00000QrStU' }
            ]);
        });

        it('offers no Open Case action on a channel without a Case', () => {
            post({ type: 'sendbird:open-channel', channelUrl: 'team_channel_1' });
            expect(container.querySelector('.agent-chat__open-case')).toBeNull();
        });
    });

    it('reports the unread total once UIKit is connected', async () => {
        let pushTotal: ((count: number) => void) | undefined;
        uikit.sdk = {
            groupChannel: { getTotalUnreadMessageCount: () => Promise.resolve(4) },
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
