import { AgentChat } from '../chat/AgentChat';
import type { Handshake } from '../protocol/handshake';
import type { HostSignals } from '../protocol/host-signals';
import type { HostBridge } from '../protocol/types';
import { StatusScreen } from '../views/StatusScreen';
import { useHandshake } from './useHandshake';

/** The container app: the handshake with the host first (already under way), then the chat. */
export function App({
    bridge,
    handshake,
    signals
}: {
    bridge: HostBridge;
    handshake: Handshake;
    signals: HostSignals;
}) {
    const state = useHandshake(handshake);
    switch (state.status) {
        case 'waiting':
            return <StatusScreen busy title="Connecting to Salesforce…" />;
        case 'timed-out':
            return (
                <StatusScreen
                    title="Salesforce did not answer"
                    detail={
                        bridge.hosted
                            ? 'The chat did not receive your Sendbird session. Check that you have the Sendbird Agent permission set, then retry.'
                            : 'This page runs inside a Salesforce lightning:container, and no Salesforce container runtime was found.'
                    }
                    onRetry={handshake.retry}
                />
            );
        case 'initialized':
            return <AgentChat bridge={bridge} signals={signals} init={state.init} />;
    }
}
