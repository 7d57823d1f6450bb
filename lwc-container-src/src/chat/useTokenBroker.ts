import { useEffect, useState } from 'react';
import type { HostBridge } from '../protocol/types';
import { TokenBroker } from '../session/token-broker';

/** One TokenBroker for the chat's lifetime, starting from the token the host sent in init. */
export function useTokenBroker(bridge: HostBridge, initialToken: string): TokenBroker {
    const [broker] = useState(() => new TokenBroker(bridge, initialToken));
    useEffect(() => () => broker.dispose(), [broker]);
    return broker;
}
