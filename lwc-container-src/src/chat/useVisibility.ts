import { useEffect, useState } from 'react';
import type { HostBridge } from '../protocol/types';

/**
 * Whether the agent can see the panel, from the host's `sendbird:visibility`. Until the first
 * one arrives the panel counts as hidden: the utility item loads in the background, and marking
 * a message read that nobody saw is the mistake to avoid.
 */
export function useVisibility(bridge: HostBridge): boolean {
    const [visible, setVisible] = useState(false);
    useEffect(
        () =>
            bridge.subscribe((message) => {
                if (message.type === 'sendbird:visibility') {
                    setVisible(message.visible);
                }
            }),
        [bridge]
    );
    return visible;
}
