import { createLccBridge, type LccApi } from '../protocol/lcc-bridge';
import type { ContainerMessage, HostBridge } from '../protocol/types';

/**
 * A host for unit tests: the `lightning-container` API the bridge calls, recording what the
 * container sends and delivering what the test posts (raw, so malformed messages can be tried).
 */
export class FakeHost implements LccApi {
    readonly sent: ContainerMessage[] = [];
    readonly ignored: unknown[] = [];
    private handler: ((message: unknown) => void) | undefined;
    private errorHandler: ((error: string) => void) | undefined;
    readonly bridge: HostBridge;

    constructor(onIgnored?: (raw: unknown) => void) {
        this.bridge = createLccBridge(
            (raw) => {
                this.ignored.push(raw);
                onIgnored?.(raw);
            },
            this,
            true
        );
    }

    sendMessage(message: unknown): void {
        this.sent.push(message as ContainerMessage);
    }

    addMessageHandler(handler: (message: unknown) => void): void {
        this.handler = handler;
    }

    addErrorHandler(handler: (error: string) => void): void {
        this.errorHandler = handler;
    }

    /** Reports a runtime error, as Salesforce's LCC runtime would. */
    runtimeError(error: string): void {
        this.errorHandler?.(error);
    }

    /** Delivers a message from the host, as Salesforce's LCC runtime would. */
    post(message: unknown): void {
        this.handler?.(message);
    }

    sentOfType<T extends ContainerMessage['type']>(
        type: T
    ): Extract<ContainerMessage, { type: T }>[] {
        return this.sent.filter(
            (message): message is Extract<ContainerMessage, { type: T }> => message.type === type
        );
    }
}

export const VALID_INIT = {
    type: 'sendbird:init',
    protocol: 1,
    appId: 'TEST-APP-ID',
    userId: '005000000000001AAA',
    accessToken: 'test-session-token'
} as const;
