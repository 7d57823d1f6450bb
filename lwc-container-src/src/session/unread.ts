import { ConnectionHandler, UserEventHandler } from '@sendbird/chat';
import { GroupChannelHandler } from '@sendbird/chat/groupChannel';

/** The part of the Sendbird SDK that unread counting needs. */
export interface UnreadSource {
    groupChannel: {
        getTotalUnreadMessageCount(): Promise<number>;
        addGroupChannelHandler(key: string, handler: GroupChannelHandler): void;
        removeGroupChannelHandler(key: string): void;
    };
    addUserEventHandler(key: string, handler: UserEventHandler): void;
    removeUserEventHandler(key: string): void;
    addConnectionHandler(key: string, handler: ConnectionHandler): void;
    removeConnectionHandler(key: string): void;
}

/** Messages and channel changes come in bursts (a customer typing fast): one fetch per burst. */
export const UNREAD_REFRESH_DEBOUNCE_MS = 300;

let watchers = 0;

/**
 * Reports the agent's total unread count over group channels: once at start, each time Sendbird
 * pushes a new total, after a reconnect (pushes may have been missed meanwhile), and (debounced)
 * after a message arrives or a channel changes. Sendbird documents the total's push as firing when
 * the user reads, so it alone may never rise for a new message. Only changes are reported.
 * Returns the function that stops watching.
 */
export function watchUnreadCount(
    sdk: UnreadSource,
    report: (count: number) => void,
    debounceMs: number = UNREAD_REFRESH_DEBOUNCE_MS
): () => void {
    const key = `sendbird-agent-unread-${++watchers}`;
    let last: number | undefined;
    let active = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
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
    const refreshSoon = (): void => {
        clearTimeout(timer);
        timer = setTimeout(refresh, debounceMs);
    };
    sdk.addUserEventHandler(
        key,
        new UserEventHandler({
            onTotalUnreadMessageCountChanged: (counts) => update(counts.groupChannelCount)
        })
    );
    sdk.groupChannel.addGroupChannelHandler(
        key,
        new GroupChannelHandler({
            onMessageReceived: refreshSoon,
            onChannelChanged: refreshSoon,
            // Invited to a channel that already holds messages (a handoff, a routed ticket): the
            // invite frame carries no unread count, so if Sendbird counts the earlier messages
            // for the new member (not confirmed; the stand-in counts only later ones), only
            // this refresh would raise the badge.
            onUserReceivedInvitation: refreshSoon,
            onUserJoined: refreshSoon
        })
    );
    sdk.addConnectionHandler(key, new ConnectionHandler({ onReconnectSucceeded: refresh }));
    refresh();
    return () => {
        active = false;
        clearTimeout(timer);
        sdk.removeUserEventHandler(key);
        sdk.groupChannel.removeGroupChannelHandler(key);
        sdk.removeConnectionHandler(key);
    };
}
