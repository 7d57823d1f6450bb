import type { HostBridge } from './types';

/** A `sendbird:open-channel` not answered yet (a new object per request). */
export interface OpenRequest {
    channelUrl: string;
}

export interface HostSignalsState {
    /** What the last `sendbird:visibility` said; hidden until one arrives. */
    visible: boolean;
    /** The host's latest `sendbird:open-channel`, until the chat answers it. */
    openRequest: OpenRequest | null;
}

/**
 * The host's visibility and open-channel messages, heard from the moment the container starts.
 * The host sends them right after init, before React has mounted the chat that acts on them;
 * a listener added by the chat itself would miss them. Read with useSyncExternalStore.
 */
export class HostSignals {
    private state: HostSignalsState = { visible: false, openRequest: null };
    private readonly listeners = new Set<() => void>();
    private readonly unsubscribe: () => void;

    constructor(bridge: HostBridge) {
        this.unsubscribe = bridge.subscribe((message) => {
            if (message.type === 'sendbird:visibility') {
                this.set({ visible: message.visible });
            } else if (message.type === 'sendbird:open-channel') {
                this.set({ openRequest: { channelUrl: message.channelUrl } });
            }
        });
    }

    readonly getState = (): HostSignalsState => this.state;

    readonly subscribe = (listener: () => void): (() => void) => {
        this.listeners.add(listener);
        return () => {
            this.listeners.delete(listener);
        };
    };

    /** The chat answered this request (a newer one stays pending). */
    readonly answered = (request: OpenRequest): void => {
        if (this.state.openRequest === request) {
            this.set({ openRequest: null });
        }
    };

    stop(): void {
        this.unsubscribe();
    }

    private set(change: Partial<HostSignalsState>): void {
        this.state = { ...this.state, ...change };
        this.listeners.forEach((listener) => listener());
    }
}
