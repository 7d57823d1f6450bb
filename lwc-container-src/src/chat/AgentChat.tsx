import { useCallback, useMemo, useState } from 'react';
import SendbirdProvider, {
    type SendbirdProviderProps
} from '@sendbird/uikit-react/SendbirdProvider';
import type { ContainerErrorCode, HostBridge, InitMessage } from '../protocol/types';
import { sessionHandlerFor } from '../session/token-broker';
import { StatusScreen } from '../views/StatusScreen';
import { ChatLayout } from './ChatLayout';
import { SDK_INIT_PARAMS, UIKIT_OPTIONS } from './options';
import { UnreadReporter } from './UnreadReporter';
import { useFocusedChannel } from './useFocusedChannel';
import { useTokenBroker } from './useTokenBroker';

type EventHandlers = NonNullable<SendbirdProviderProps['eventHandlers']>;

/**
 * The agent's chat: UIKit signed in with the host's session. When Sendbird cannot be reached,
 * UIKit would spin forever, so a failed connect (or token refresh) replaces it with a
 * "cannot connect" screen whose Retry mounts a fresh provider, with the latest token.
 */
export function AgentChat({ bridge, init }: { bridge: HostBridge; init: InitMessage }) {
    const broker = useTokenBroker(bridge, init.accessToken);
    const [attempt, setAttempt] = useState(0);
    const [failed, setFailed] = useState(false);
    const [channelUrl, setChannelUrl] = useFocusedChannel(bridge, init.channelUrl);

    const fail = useCallback(
        (code: ContainerErrorCode, error: unknown) => {
            setFailed(true);
            bridge.send({ type: 'sendbird:error', code, message: describe(error) });
        },
        [bridge]
    );
    const eventHandlers = useMemo<EventHandlers>(
        () => ({ connection: { onFailed: (error) => fail('connect-failed', error) } }),
        [fail]
    );
    const configureSession = useCallback(
        () => sessionHandlerFor(broker, (error) => fail('token-refresh-failed', error)),
        [broker, fail]
    );
    const openCase = useCallback(
        (recordId: string) => bridge.send({ type: 'sendbird:open-record', recordId }),
        [bridge]
    );
    // Read once per attempt: UIKit only uses the token when it connects.
    const accessToken = useMemo(() => broker.current, [broker, attempt]);

    if (failed) {
        return (
            <StatusScreen
                title="Cannot connect to Sendbird"
                detail="The chat service did not answer or refused the session. Check your network, then retry."
                onRetry={() => {
                    setFailed(false);
                    setAttempt((count) => count + 1);
                }}
            />
        );
    }
    return (
        <SendbirdProvider
            key={attempt}
            appId={init.appId}
            userId={init.userId}
            accessToken={accessToken}
            nickname={init.nickname}
            customApiHost={init.apiHost}
            customWebSocketHost={init.wsHost}
            configureSession={configureSession}
            eventHandlers={eventHandlers}
            sdkInitParams={SDK_INIT_PARAMS}
            uikitOptions={UIKIT_OPTIONS}
            theme="light"
            breakpoint={false}
        >
            <UnreadReporter bridge={bridge} />
            <ChatLayout
                channelUrl={channelUrl}
                onSelectChannel={setChannelUrl}
                onOpenCase={openCase}
            />
        </SendbirdProvider>
    );
}

function describe(error: unknown): string {
    if (error instanceof Error && error.message) {
        return error.message;
    }
    return 'Sendbird could not be reached.';
}
