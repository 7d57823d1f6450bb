import useSendbirdStateContext from '@sendbird/uikit-react/useSendbirdStateContext';

/** Who the chat is signed in as, from UIKit's own state, and whether Sendbird answered yet. */
export function SessionBar() {
    const { config, stores } = useSendbirdStateContext();
    const online = stores.sdkStore.initialized;
    const name = stores.userStore.user?.nickname || config.userId;
    return (
        <div className="agent-session" data-testid="agent-session" data-user-id={config.userId}>
            <span className="agent-session__user">
                Signed in as <strong>{name}</strong>
            </span>
            <span
                className={`agent-session__state agent-session__state--${online ? 'online' : 'connecting'}`}
            >
                {online ? 'Online' : 'Connecting to Sendbird…'}
            </span>
        </div>
    );
}
