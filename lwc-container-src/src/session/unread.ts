import { ConnectionHandler, UserEventHandler } from '@sendbird/chat';

/** The part of the Sendbird SDK that unread counting needs. */
export interface UnreadSource {
    groupChannel: { getTotalUnreadMessageCount(): Promise<number> };
    addUserEventHandler(key: string, handler: UserEventHandler): void;
    removeUserEventHandler(key: string): void;
    addConnectionHandler(key: string, handler: ConnectionHandler): void;
    removeConnectionHandler(key: string): void;
}

let watchers = 0;

/**
 * Reports the agent's total unread count over group channels: once at start, then each time
 * Sendbird pushes a new total, and after a reconnect (pushes may have been missed meanwhile).
 * Only changes are reported. Returns the function that stops watching.
 */
export function watchUnreadCount(sdk: UnreadSource, report: (count: number) => void): () => void {
    const key = `sendbird-agent-unread-${++watchers}`;
    let last: number | undefined;
    let active = true;
    const update = (count: number): void => {
        if (active && Number.isInteger(count) && count >= 0 && count !== last) {
            last = count;
            report(count);
        }
    };
    const refresh = (): void => {
        sdk.groupChannel.getTotalUnreadMessageCount().then(update, (error: unknown) => {
            console.warn('Could not read the unread count; keeping the last one.', error);
        });
    };
    sdk.addUserEventHandler(
        key,
        new UserEventHandler({
            onTotalUnreadMessageCountChanged: (counts) => update(counts.groupChannelCount)
        })
    );
    sdk.addConnectionHandler(key, new ConnectionHandler({ onReconnectSucceeded: refresh }));
    refresh();
    return () => {
        active = false;
        sdk.removeUserEventHandler(key);
        sdk.removeConnectionHandler(key);
    };
}
