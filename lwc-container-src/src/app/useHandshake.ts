import { useCallback, useEffect, useRef, useState } from 'react';
import { Handshake, type HandshakeState } from '../protocol/handshake';
import type { HostBridge } from '../protocol/types';

/** Runs the handshake for as long as the component is mounted. */
export function useHandshake(bridge: HostBridge): { state: HandshakeState; retry: () => void } {
    const [state, setState] = useState<HandshakeState>({ status: 'waiting' });
    const handshake = useRef<Handshake>();
    useEffect(() => {
        const current = new Handshake(bridge, setState);
        handshake.current = current;
        current.start();
        return () => current.stop();
    }, [bridge]);
    const retry = useCallback(() => handshake.current?.retry(), []);
    return { state, retry };
}
