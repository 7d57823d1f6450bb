import { useEffect } from 'react';
import useSendbirdStateContext from '@sendbird/uikit-react/useSendbirdStateContext';

/**
 * How long UIKit may take to connect before the chat says "Cannot connect". Sendbird answers
 * within a second; a server that accepts the connection and never answers would otherwise keep
 * the SDK waiting for its own timeouts (about 21 s).
 */
export const CONNECT_TIMEOUT_MS = 4000;

/** Calls `onTimeout` when UIKit has not connected within `timeoutMs` of mounting. Renders nothing. */
export function ConnectWatchdog({
    onTimeout,
    timeoutMs = CONNECT_TIMEOUT_MS
}: {
    onTimeout: (error: Error) => void;
    timeoutMs?: number;
}) {
    const { initialized } = useSendbirdStateContext().stores.sdkStore;
    useEffect(() => {
        if (initialized) {
            return undefined;
        }
        const timer = setTimeout(
            () => onTimeout(new Error(`Sendbird did not answer within ${timeoutMs / 1000} s.`)),
            timeoutMs
        );
        return () => clearTimeout(timer);
    }, [initialized, onTimeout, timeoutMs]);
    return null;
}
