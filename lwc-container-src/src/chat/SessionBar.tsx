import useSendbirdStateContext from '@sendbird/uikit-react/useSendbirdStateContext';

export type ConnectionStatus = 'connecting' | 'online' | 'reconnecting';

const LABELS: Record<ConnectionStatus, string> = {
    connecting: 'Connecting to Sendbird…',
    online: 'Online',
    reconnecting: 'Reconnecting…'
};

/**
 * The connection as the agent should read it. UIKit's `initialized` stays true while the
 * connection is down, and its `isOnline` starts true before anything connected, so only both
 * together mean "Online"; connected once and now offline means UIKit is reconnecting.
 */
export function connectionStatus(initialized: boolean, isOnline: boolean): ConnectionStatus {
    if (!initialized) {
        return 'connecting';
    }
    return isOnline ? 'online' : 'reconnecting';
}

/** Who the chat is signed in as (the Salesforce name from init first), and the connection state. */
export function SessionBar({ nickname }: { nickname?: string }) {
    const { config, stores } = useSendbirdStateContext();
    const status = connectionStatus(stores.sdkStore.initialized, config.isOnline);
    const name = nickname || stores.userStore.user?.nickname || config.userId;
    return (
        <div
            className="agent-session"
            data-testid="agent-session"
            data-user-id={config.userId}
            data-status={status}
        >
            <span className="agent-session__user">
                Signed in as <strong>{name}</strong>
            </span>
            <span
                className={`agent-session__state agent-session__state--${status}`}
                role="status"
                aria-live="polite"
            >
                {LABELS[status]}
            </span>
        </div>
    );
}
