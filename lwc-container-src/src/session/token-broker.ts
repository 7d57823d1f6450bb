import { SessionHandler } from '@sendbird/chat';
import type { HostBridge } from '../protocol/types';

/** How long to wait for `sendbird:token` after asking; below Sendbird's own 60 s refresh limit. */
export const TOKEN_WAIT_MS = 30000;

interface Waiting {
    promise: Promise<string>;
    resolve(token: string): void;
    reject(error: Error): void;
    timer: ReturnType<typeof setTimeout>;
}

/**
 * Holds the agent's current session token and gets a new one from the host: `request()` sends
 * `sendbird:token-expired` and resolves with the next `sendbird:token`. Concurrent requests share
 * one question. A token the host sends unasked replaces the current one for the next connect.
 */
export class TokenBroker {
    private token: string;
    private waiting: Waiting | undefined;
    private readonly unsubscribe: () => void;

    constructor(
        private readonly bridge: HostBridge,
        initialToken: string,
        private readonly waitMs: number = TOKEN_WAIT_MS
    ) {
        this.token = initialToken;
        this.unsubscribe = bridge.subscribe((message) => {
            if (message.type === 'sendbird:token') {
                this.receive(message.accessToken);
            }
        });
    }

    get current(): string {
        return this.token;
    }

    request(): Promise<string> {
        if (this.waiting) {
            return this.waiting.promise;
        }
        let settle!: Pick<Waiting, 'resolve' | 'reject'>;
        const promise = new Promise<string>((resolve, reject) => {
            settle = { resolve, reject };
        });
        const timer = setTimeout(() => {
            this.finish((waiting) =>
                waiting.reject(
                    new Error(
                        `No sendbird:token arrived within ${this.waitMs / 1000} s of sendbird:token-expired.`
                    )
                )
            );
        }, this.waitMs);
        this.waiting = { promise, timer, ...settle };
        this.bridge.send({ type: 'sendbird:token-expired' });
        return promise;
    }

    dispose(): void {
        this.unsubscribe();
        this.finish((waiting) => waiting.reject(new Error('The chat was closed.')));
    }

    private receive(token: string): void {
        this.token = token;
        this.finish((waiting) => waiting.resolve(token));
    }

    private finish(settle: (waiting: Waiting) => void): void {
        const waiting = this.waiting;
        if (waiting) {
            this.waiting = undefined;
            clearTimeout(waiting.timer);
            settle(waiting);
        }
    }
}

/**
 * The SDK's session handler: Sendbird asks for a token when the current one expires, and the
 * broker gets it from the host. `onFailure` hears when that cannot be done.
 */
export function sessionHandlerFor(
    broker: TokenBroker,
    onFailure: (error: Error) => void
): SessionHandler {
    return new SessionHandler({
        onSessionTokenRequired: (resolve, reject) => {
            broker.request().then(resolve, reject);
        },
        onSessionError: onFailure,
        onSessionClosed: () => onFailure(new Error('Sendbird closed the session.'))
    });
}
