import { useCallback, useEffect, useState } from 'react';
import type { HostBridge } from '../protocol/types';
import type { OpenRequest } from './ChannelOpener';

export interface FocusedChannel {
    /** The channel in the conversation pane: the init's, the agent's pick, or an opened one. */
    channelUrl: string | undefined;
    select(channelUrl: string | undefined): void;
    /** The host's latest `sendbird:open-channel`, until ChannelOpener answers it. */
    request: OpenRequest | null;
    done(request: OpenRequest): void;
}

/** The focused channel, and the host's open-channel requests (kept across UIKit remounts). */
export function useFocusedChannel(bridge: HostBridge, initial: string | undefined): FocusedChannel {
    const [channelUrl, select] = useState(initial);
    const [request, setRequest] = useState<OpenRequest | null>(null);
    useEffect(
        () =>
            bridge.subscribe((message) => {
                if (message.type === 'sendbird:open-channel') {
                    setRequest({ channelUrl: message.channelUrl });
                }
            }),
        [bridge]
    );
    const done = useCallback((answered: OpenRequest) => {
        setRequest((pending) => (pending === answered ? null : pending));
    }, []);
    return { channelUrl, select, request, done };
}
