import { useState, useSyncExternalStore } from 'react';
import type { HostSignals, OpenRequest } from '../protocol/host-signals';

export interface FocusedChannel {
    /** The channel in the conversation pane: the init's, the agent's pick, or an opened one. */
    channelUrl: string | undefined;
    select(channelUrl: string | undefined): void;
    /** The host's latest `sendbird:open-channel`, until ChannelOpener answers it. */
    request: OpenRequest | null;
    done(request: OpenRequest): void;
}

/** The focused channel, and the host's open-channel requests (kept across UIKit remounts). */
export function useFocusedChannel(
    signals: HostSignals,
    initial: string | undefined
): FocusedChannel {
    const [channelUrl, select] = useState(initial);
    const request = useSyncExternalStore(signals.subscribe, () => signals.getState().openRequest);
    return { channelUrl, select, request, done: signals.answered };
}
