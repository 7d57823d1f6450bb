// The Node entry first: it installs the WebSocket global the SDK needs outside a browser.
import '@sendbird/chat/node';
import SendbirdChat, { ConnectionHandler, SessionHandler, UserEventHandler } from '@sendbird/chat';
import {
    GroupChannelHandler,
    GroupChannelModule,
    type GroupChannel,
    type SendbirdGroupChat
} from '@sendbird/chat/groupChannel';
import type { SendbirdDouble } from '../sendbirdDouble';

/**
 * Test helper: the pinned, unmodified `@sendbird/chat` connected to the local stand-in for
 * Sendbird. Each call makes a separate SDK instance (`newInstance`), so one test can play the
 * customer and the agent.
 */
export interface SdkClient {
    sb: SendbirdGroupChat;
    /** Messages this user received through the channel handler (text or file name). */
    received: string[];
    events: string[];
    close(): Promise<void>;
}

/**
 * Node only: without `window`, the SDK decides whether it is online by fetching an outside
 * address (observed: `https://www.google.com`), and refuses file uploads (800101) when that
 * fails, as it does on an offline machine. This answers that one probe locally; a browser uses
 * `navigator.onLine` instead, so nothing of this is needed there.
 */
const ONLINE_PROBE = 'https://www.google.com';
let probeAnswered = false;
function answerOnlineProbeLocally(): void {
    if (probeAnswered) return;
    probeAnswered = true;
    const original = globalThis.fetch;
    globalThis.fetch = ((input: Parameters<typeof fetch>[0], init?: RequestInit) => {
        const url =
            typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
        if (url.replace(/\/$/, '') === ONLINE_PROBE)
            return Promise.resolve(new Response(null, { status: 204 }));
        return original(input, init);
    }) as typeof fetch;
}

export async function connectSdk(
    double: SendbirdDouble,
    userId: string,
    token: string,
    options: {
        onSessionTokenRequired?: () => Promise<string>;
        /** The SDK's `websocketResponseTimeout` (ms). */
        responseTimeoutMs?: number;
    } = {}
): Promise<SdkClient> {
    answerOnlineProbeLocally();
    const sb = withUnrefIntervals(
        () =>
            SendbirdChat.init({
                appId: double.appId,
                customApiHost: double.apiUrl,
                customWebSocketHost: double.wsUrl,
                modules: [new GroupChannelModule()],
                localCacheEnabled: false,
                newInstance: true
            }) as SendbirdGroupChat
    );
    if (options.responseTimeoutMs !== undefined) {
        sb.options.websocketResponseTimeout = options.responseTimeoutMs;
    }
    const received: string[] = [];
    const events: string[] = [];
    const key = `test-${userId}-${Math.random()}`;
    sb.groupChannel.addGroupChannelHandler(
        key,
        new GroupChannelHandler({
            onMessageReceived: (_channel, message) => {
                received.push(message.isFileMessage() ? message.name : message.message);
            },
            onTypingStatusUpdated: (channel: GroupChannel) => {
                events.push(
                    `typing:${channel
                        .getTypingUsers()
                        .map((u) => u.userId)
                        .join(',')}`
                );
            },
            onUserMarkedRead: (channel: GroupChannel) => events.push(`read:${channel.url}`),
            onUserReceivedInvitation: (channel: GroupChannel) =>
                events.push(`invited:${channel.url}`)
        })
    );
    sb.addConnectionHandler(
        key,
        new ConnectionHandler({
            onReconnectStarted: () => events.push('reconnect-started'),
            onReconnectSucceeded: () => events.push('reconnect-succeeded'),
            onReconnectFailed: () => events.push('reconnect-failed')
        })
    );
    sb.addUserEventHandler(
        key,
        new UserEventHandler({
            onTotalUnreadMessageCountChanged: (status) =>
                events.push(`unread:${status.groupChannelCount}`)
        })
    );
    if (options.onSessionTokenRequired) {
        const next = options.onSessionTokenRequired;
        sb.setSessionHandler(
            new SessionHandler({
                onSessionTokenRequired: (resolve, reject) => {
                    events.push('session-token-required');
                    next().then(resolve, reject);
                },
                onSessionRefreshed: () => events.push('session-refreshed'),
                onSessionError: () => events.push('session-error'),
                onSessionClosed: () => events.push('session-closed')
            })
        );
    }
    await sb.connect(userId, token);
    return {
        sb,
        received,
        events,
        close: async () => {
            await sb.disconnect();
        }
    };
}

/**
 * The SDK has no public way to destroy an instance, and `init` starts a typing-status interval
 * that only stops when the instance is released, which would keep Jest's process alive after the
 * tests. Intervals created while `init` runs are unref'd: they still fire while the test runs.
 */
function withUnrefIntervals<T>(run: () => T): T {
    const original = globalThis.setInterval;
    globalThis.setInterval = ((...args: Parameters<typeof setInterval>) =>
        original(...args).unref()) as typeof setInterval;
    try {
        return run();
    } finally {
        globalThis.setInterval = original;
    }
}
