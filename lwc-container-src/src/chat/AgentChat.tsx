import { useCallback, useMemo } from 'react';
import SendbirdProvider, {
    type SendbirdProviderProps
} from '@sendbird/uikit-react/SendbirdProvider';
import type { HostSignals } from '../protocol/host-signals';
import type { ContainerErrorCode, HostBridge, InitMessage } from '../protocol/types';
import { sessionHandlerFor } from '../session/token-broker';
import { StatusScreen } from '../views/StatusScreen';
import { ChannelOpener } from './ChannelOpener';
import { ChatLayout } from './ChatLayout';
import { ConnectWatchdog } from './ConnectWatchdog';
import { NicknameSync } from './NicknameSync';
import { SDK_INIT_PARAMS, UIKIT_OPTIONS } from './options';
import { UnreadReporter } from './UnreadReporter';
import { useChatSession } from './useChatSession';
import { useFocusedChannel } from './useFocusedChannel';
import { useTokenBroker } from './useTokenBroker';
import { useVisibility } from './useVisibility';

type EventHandlers = NonNullable<SendbirdProviderProps['eventHandlers']>;

/**
 * The agent's chat: UIKit signed in with the host's session. Each attempt mounts a fresh
 * provider with one token (see useChatSession). When Sendbird cannot be reached or does not
 * answer within the watchdog's time, UIKit (which would spin forever) is replaced by a
 * "cannot connect" screen whose Retry first gets a fresh token from the host.
 */
export function AgentChat({
    bridge,
    signals,
    init
}: {
    bridge: HostBridge;
    signals: HostSignals;
    init: InitMessage;
}) {
    const broker = useTokenBroker(bridge, init.accessToken);
    const session = useChatSession(bridge, broker);
    const { attempt, accessToken } = session.state;
    const focused = useFocusedChannel(signals, init.channelUrl);
    const visible = useVisibility(signals);
    const { fail, connected } = session;

    const failNow = useCallback(
        (code: ContainerErrorCode) => (error: unknown) => fail(attempt, code, error),
        [fail, attempt]
    );
    const eventHandlers = useMemo<EventHandlers>(
        () => ({
            connection: {
                onConnected: () => connected(attempt),
                onFailed: failNow('connect-failed')
            }
        }),
        [connected, failNow, attempt]
    );
    const onConnectTimeout = useMemo(() => failNow('connect-failed'), [failNow]);
    const configureSession = useCallback(
        () => sessionHandlerFor(broker, failNow('token-refresh-failed')),
        [broker, failNow]
    );
    const openCase = useCallback(
        (recordId: string) => bridge.send({ type: 'sendbird:open-record', recordId }),
        [bridge]
    );

    switch (session.state.status) {
        case 'refreshing':
            return <StatusScreen busy title="Getting a new Sendbird session from Salesforce…" />;
        case 'failed':
            return (
                <StatusScreen
                    title="Cannot connect to Sendbird"
                    detail={
                        session.state.code === 'token-refresh-failed'
                            ? 'Salesforce could not give the chat a new Sendbird session. Retry, or reload the console if it keeps failing.'
                            : 'The chat service did not answer or refused the session. Check your network, then retry.'
                    }
                    onRetry={session.retry}
                />
            );
        case 'connecting':
            return (
                <SendbirdProvider
                    key={attempt}
                    appId={init.appId}
                    userId={init.userId}
                    accessToken={accessToken}
                    customApiHost={init.apiHost}
                    customWebSocketHost={init.wsHost}
                    configureSession={configureSession}
                    eventHandlers={eventHandlers}
                    sdkInitParams={SDK_INIT_PARAMS}
                    uikitOptions={UIKIT_OPTIONS}
                    theme="light"
                    breakpoint={false}
                >
                    <ConnectWatchdog onTimeout={onConnectTimeout} />
                    <NicknameSync nickname={init.nickname} />
                    <UnreadReporter bridge={bridge} />
                    <ChannelOpener
                        bridge={bridge}
                        request={focused.request}
                        onOpened={focused.select}
                        onDone={focused.done}
                    />
                    <ChatLayout
                        nickname={init.nickname}
                        channelUrl={focused.channelUrl}
                        visible={visible}
                        onSelectChannel={focused.select}
                        onOpenCase={openCase}
                    />
                </SendbirdProvider>
            );
    }
}
