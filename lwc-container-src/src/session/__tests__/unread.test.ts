import type { ConnectionHandler, UserEventHandler } from '@sendbird/chat';
import type { GroupChannelHandler } from '@sendbird/chat/groupChannel';
import { UNREAD_REFRESH_DEBOUNCE_MS, watchUnreadCount, type UnreadSource } from '../unread';

/** The few SDK calls unread counting makes, with the handlers it registers kept for the test. */
class FakeSdk implements UnreadSource {
    total = 0;
    totalCalls = 0;
    readonly userHandlers = new Map<string, UserEventHandler>();
    readonly connectionHandlers = new Map<string, ConnectionHandler>();
    readonly channelHandlers = new Map<string, GroupChannelHandler>();
    readonly groupChannel = {
        getTotalUnreadMessageCount: (): Promise<number> => {
            this.totalCalls += 1;
            return Promise.resolve(this.total);
        },
        addGroupChannelHandler: (key: string, handler: GroupChannelHandler): void => {
            this.channelHandlers.set(key, handler);
        },
        removeGroupChannelHandler: (key: string): void => {
            this.channelHandlers.delete(key);
        }
    };

    addUserEventHandler(key: string, handler: UserEventHandler): void {
        this.userHandlers.set(key, handler);
    }
    removeUserEventHandler(key: string): void {
        this.userHandlers.delete(key);
    }
    addConnectionHandler(key: string, handler: ConnectionHandler): void {
        this.connectionHandlers.set(key, handler);
    }
    removeConnectionHandler(key: string): void {
        this.connectionHandlers.delete(key);
    }

    /** Sendbird pushes a new total, as its WebSocket does. */
    push(groupChannelCount: number): void {
        this.userHandlers.forEach((handler) =>
            handler.onTotalUnreadMessageCountChanged?.({
                groupChannelCount,
                feedChannelCount: 0,
                customTypeUnreadCount: {}
            })
        );
    }

    reconnect(): void {
        this.connectionHandlers.forEach((handler) => handler.onReconnectSucceeded?.());
    }

    /** A message arrives in one of the agent's channels (the SDK passes channel and message). */
    messageReceived(): void {
        this.channelHandlers.forEach((handler) =>
            (handler.onMessageReceived as unknown as () => void)?.()
        );
    }

    channelChanged(): void {
        this.channelHandlers.forEach((handler) =>
            (handler.onChannelChanged as unknown as () => void)?.()
        );
    }
}

const flushPromises = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

describe('watchUnreadCount', () => {
    it('reports the starting total, then each pushed change', async () => {
        const sdk = new FakeSdk();
        sdk.total = 2;
        const report = jest.fn();
        watchUnreadCount(sdk, report);
        await flushPromises();

        sdk.push(5);
        sdk.push(0);

        expect(report.mock.calls).toEqual([[2], [5], [0]]);
    });

    it('reports only changes', async () => {
        const sdk = new FakeSdk();
        const report = jest.fn();
        watchUnreadCount(sdk, report);
        await flushPromises();
        sdk.push(0);
        sdk.push(3);
        sdk.push(3);
        expect(report.mock.calls).toEqual([[0], [3]]);
    });

    it('re-reads the total after a reconnect, since pushes may have been missed', async () => {
        const sdk = new FakeSdk();
        const report = jest.fn();
        watchUnreadCount(sdk, report);
        await flushPromises();
        sdk.total = 7;
        sdk.reconnect();
        await flushPromises();
        expect(sdk.totalCalls).toBe(2);
        expect(report.mock.calls).toEqual([[0], [7]]);
    });

    it('ignores counts that are not whole numbers of zero or more', async () => {
        const sdk = new FakeSdk();
        const report = jest.fn();
        watchUnreadCount(sdk, report);
        await flushPromises();
        sdk.push(-1);
        sdk.push(1.5);
        expect(report.mock.calls).toEqual([[0]]);
    });

    it('keeps the last count when the total cannot be read', async () => {
        const sdk = new FakeSdk();
        const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
        sdk.groupChannel.getTotalUnreadMessageCount = () => Promise.reject(new Error('offline'));
        const report = jest.fn();
        watchUnreadCount(sdk, report);
        await flushPromises();
        expect(report).not.toHaveBeenCalled();
        expect(warn).toHaveBeenCalledTimes(1);
        warn.mockRestore();
    });

    it('removes its handlers and reports nothing more once stopped', async () => {
        const sdk = new FakeSdk();
        const report = jest.fn();
        const stop = watchUnreadCount(sdk, report);
        stop();
        await flushPromises();
        sdk.push(4);
        expect(report).not.toHaveBeenCalled();
        expect(sdk.userHandlers.size).toBe(0);
        expect(sdk.connectionHandlers.size).toBe(0);
        expect(sdk.channelHandlers.size).toBe(0);
    });

    it('re-reads the total once per burst of received messages and channel changes', async () => {
        jest.useFakeTimers();
        try {
            const sdk = new FakeSdk();
            const report = jest.fn();
            watchUnreadCount(sdk, report);
            await jest.advanceTimersByTimeAsync(0);
            // No total pushed: Sendbird pushes it when the user reads, not when a message comes.
            sdk.total = 1;
            sdk.messageReceived();
            await jest.advanceTimersByTimeAsync(UNREAD_REFRESH_DEBOUNCE_MS - 1);
            sdk.total = 3;
            sdk.messageReceived();
            sdk.channelChanged();
            await jest.advanceTimersByTimeAsync(UNREAD_REFRESH_DEBOUNCE_MS);

            expect(sdk.totalCalls).toBe(2);
            expect(report.mock.calls).toEqual([[0], [3]]);

            sdk.total = 2;
            sdk.channelChanged();
            await jest.advanceTimersByTimeAsync(UNREAD_REFRESH_DEBOUNCE_MS);
            expect(report.mock.calls).toEqual([[0], [3], [2]]);
        } finally {
            jest.useRealTimers();
        }
    });

    it('fetches nothing after it stopped, even when a refresh was pending', async () => {
        jest.useFakeTimers();
        try {
            const sdk = new FakeSdk();
            const stop = watchUnreadCount(sdk, jest.fn());
            sdk.messageReceived();
            stop();
            await jest.advanceTimersByTimeAsync(UNREAD_REFRESH_DEBOUNCE_MS * 2);
            expect(sdk.totalCalls).toBe(1);
        } finally {
            jest.useRealTimers();
        }
    });

    it('gives each watcher its own handler keys', () => {
        const sdk = new FakeSdk();
        watchUnreadCount(sdk, jest.fn());
        watchUnreadCount(sdk, jest.fn());
        expect(sdk.userHandlers.size).toBe(2);
    });
});
