import type { HostBridge } from './types';

/**
 * At most this many runtime errors reach the host: an error about sending itself (a broken
 * runtime) would otherwise answer each report with another error, forever.
 */
export const MAX_REPORTED_ERRORS = 5;
const MAX_MESSAGE = 500;

/**
 * Forwards the errors Salesforce's container runtime reports (`LCC.addErrorHandler`) to the host
 * as `sendbird:error` with code `container-error`, so the agent sees them. Repeats of the same
 * error are sent once. Returns the function that stops forwarding.
 */
export function reportContainerErrors(bridge: HostBridge): () => void {
    const seen = new Set<string>();
    return bridge.subscribeErrors((error) => {
        const message = error.slice(0, MAX_MESSAGE) || 'The container runtime reported an error.';
        if (seen.has(message) || seen.size >= MAX_REPORTED_ERRORS) {
            return;
        }
        seen.add(message);
        console.error(`Container runtime error: ${message}`);
        bridge.send({ type: 'sendbird:error', code: 'container-error', message });
    });
}
