import { useSyncExternalStore } from 'react';
import type { Handshake, HandshakeState } from '../protocol/handshake';

/** The handshake's state, re-rendering on each change. */
export function useHandshake(handshake: Handshake): HandshakeState {
    return useSyncExternalStore(handshake.subscribe, handshake.getState);
}
