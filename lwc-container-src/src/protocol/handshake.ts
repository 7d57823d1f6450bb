import { PROTOCOL_VERSION, type HostBridge, type InitMessage } from './types';
import { isOtherProtocolInit } from './validate';

export interface HandshakeOptions {
    /** Delay between the first and the second `sendbird:ready`; it doubles after each one. */
    firstDelayMs: number;
    /** The longest delay between two `sendbird:ready` messages. */
    maxDelayMs: number;
    /** How long to wait for `sendbird:init` before showing the error screen. */
    timeoutMs: number;
}

/**
 * The host answers `ready` after an Apex call that may create the Sendbird user and issue a
 * token (two callouts), while the console is still loading: 15 s leaves room for a slow org.
 */
export const HANDSHAKE_DEFAULTS: HandshakeOptions = {
    firstDelayMs: 100,
    maxDelayMs: 2000,
    timeoutMs: 15000
};

export type HandshakeState =
    { status: 'waiting' } | { status: 'initialized'; init: InitMessage } | { status: 'timed-out' };

/** The delay after the `sent`-th `sendbird:ready` (1-based): 100, 200, 400 … ms, capped. */
export function readyDelay(sent: number, options: HandshakeOptions): number {
    return Math.min(options.firstDelayMs * 2 ** (sent - 1), options.maxDelayMs);
}

/**
 * The container's half of the handshake: repeat `sendbird:ready` with backoff until a valid
 * `sendbird:init` arrives (the bridge drops invalid messages), or give up after the timeout.
 * The first init wins; one that arrives after the timeout is still accepted, since a slow host
 * is better than an error screen. `retry()` starts over after a timeout. It runs apart from
 * React, so the first ready goes out while the page is still loading. An init of another
 * protocol version is reported once (`protocol-mismatch`): the host and the resource disagree.
 */
export class Handshake {
    private state: HandshakeState = { status: 'waiting' };
    private readySent = 0;
    private mismatchReported = false;
    private readyTimer: ReturnType<typeof setTimeout> | undefined;
    private timeoutTimer: ReturnType<typeof setTimeout> | undefined;
    private unsubscribe: (() => void) | undefined;
    private readonly listeners = new Set<(state: HandshakeState) => void>();

    constructor(
        private readonly bridge: HostBridge,
        private readonly options: HandshakeOptions = HANDSHAKE_DEFAULTS
    ) {}

    /** The state now (a new object on each change, for React's useSyncExternalStore). */
    readonly getState = (): HandshakeState => this.state;

    /** Calls `listener` on each state change; returns the unsubscribe function. */
    readonly subscribe = (listener: (state: HandshakeState) => void): (() => void) => {
        this.listeners.add(listener);
        return () => {
            this.listeners.delete(listener);
        };
    };

    start(): void {
        this.unsubscribe = this.bridge.subscribe((message) => {
            if (message.type === 'sendbird:init') {
                this.accept(message);
            }
        });
        this.begin();
    }

    readonly retry = (): void => {
        if (this.state.status === 'timed-out') {
            this.begin();
        }
    };

    /** Hears a host message the bridge ignored: an init of another protocol is reported once. */
    readonly ignored = (raw: unknown): void => {
        if (
            this.state.status !== 'initialized' &&
            !this.mismatchReported &&
            isOtherProtocolInit(raw)
        ) {
            this.mismatchReported = true;
            const protocol = (raw as { protocol?: unknown }).protocol;
            this.bridge.send({
                type: 'sendbird:error',
                code: 'protocol-mismatch',
                message: `The host sent sendbird:init with protocol ${JSON.stringify(protocol) ?? 'undefined'}; this chat speaks protocol ${PROTOCOL_VERSION}. Deploy the matching static resource and components.`
            });
        }
    };

    stop(): void {
        this.clearTimers();
        this.unsubscribe?.();
        this.unsubscribe = undefined;
    }

    private begin(): void {
        this.readySent = 0;
        this.setState({ status: 'waiting' });
        this.timeoutTimer = setTimeout(() => this.timeOut(), this.options.timeoutMs);
        this.sendReady();
    }

    private sendReady(): void {
        this.bridge.send({ type: 'sendbird:ready', protocol: PROTOCOL_VERSION });
        this.readySent += 1;
        this.readyTimer = setTimeout(
            () => this.sendReady(),
            readyDelay(this.readySent, this.options)
        );
    }

    private accept(init: InitMessage): void {
        if (this.state.status === 'initialized') {
            return;
        }
        this.clearTimers();
        this.setState({ status: 'initialized', init });
    }

    /** The host did not answer: the screen says so (no error message, since nobody listens). */
    private timeOut(): void {
        this.clearTimers();
        this.setState({ status: 'timed-out' });
    }

    private clearTimers(): void {
        clearTimeout(this.readyTimer);
        clearTimeout(this.timeoutTimer);
        this.readyTimer = undefined;
        this.timeoutTimer = undefined;
    }

    private setState(state: HandshakeState): void {
        this.state = state;
        this.listeners.forEach((listener) => listener(state));
    }
}
