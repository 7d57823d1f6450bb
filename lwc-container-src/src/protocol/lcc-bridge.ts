import * as lightningContainer from 'lightning-container';
import type { ContainerMessage, HostBridge, HostMessage } from './types';
import { parseHostMessage } from './validate';

/** The part of the `lightning-container` library the bridge uses. */
export interface LccApi {
    sendMessage(message: unknown): void;
    addMessageHandler(handler: (message: unknown) => void): void;
    addErrorHandler(handler: (error: string) => void): void;
}

/**
 * `lightning-container` silently does nothing when Salesforce's runtime (`window.LCC.onlineSupport`,
 * which the container domain provides) is missing, so look for it to explain an unanswered ready.
 */
export function lccRuntimePresent(scope: object = globalThis): boolean {
    const lcc = (scope as { LCC?: { onlineSupport?: unknown } }).LCC;
    return typeof lcc === 'object' && lcc !== null && lcc.onlineSupport !== undefined;
}

/**
 * The bridge over `lightning-container`: outgoing messages go to the host as they are; incoming
 * ones reach listeners only when they match the protocol, and the rest go to `onIgnored`.
 */
export function createLccBridge(
    onIgnored: (raw: unknown) => void,
    lcc: LccApi = lightningContainer,
    hosted: boolean = lccRuntimePresent()
): HostBridge {
    const listeners = new Set<(message: HostMessage) => void>();
    const errorListeners = new Set<(error: string) => void>();
    lcc.addErrorHandler((error) => {
        errorListeners.forEach((listener) => listener(String(error)));
    });
    lcc.addMessageHandler((raw) => {
        const message = parseHostMessage(raw);
        if (message === null) {
            onIgnored(raw);
            return;
        }
        listeners.forEach((listener) => listener(message));
    });
    return {
        hosted,
        send(message: ContainerMessage): void {
            lcc.sendMessage(message);
        },
        subscribe(listener) {
            listeners.add(listener);
            return () => {
                listeners.delete(listener);
            };
        },
        subscribeErrors(listener) {
            errorListeners.add(listener);
            return () => {
                errorListeners.delete(listener);
            };
        }
    };
}
