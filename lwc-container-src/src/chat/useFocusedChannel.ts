import { useEffect, useState } from 'react';
import type { HostBridge } from '../protocol/types';

/** The channel in the conversation pane: the init's, the agent's pick, or the host's `open-channel`. */
export function useFocusedChannel(
    bridge: HostBridge,
    initial: string | undefined
): [string | undefined, (channelUrl: string | undefined) => void] {
    const [channelUrl, setChannelUrl] = useState(initial);
    useEffect(
        () =>
            bridge.subscribe((message) => {
                if (message.type === 'sendbird:open-channel') {
                    setChannelUrl(message.channelUrl);
                }
            }),
        [bridge]
    );
    return [channelUrl, setChannelUrl];
}
