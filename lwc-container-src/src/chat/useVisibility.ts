import { useSyncExternalStore } from 'react';
import type { HostSignals } from '../protocol/host-signals';

/**
 * Whether the agent can see the panel, from the host's `sendbird:visibility`. Until the first
 * one arrives the panel counts as hidden: the utility item loads in the background, and marking
 * a message read that nobody saw is the mistake to avoid.
 */
export function useVisibility(signals: HostSignals): boolean {
    return useSyncExternalStore(signals.subscribe, () => signals.getState().visible);
}
