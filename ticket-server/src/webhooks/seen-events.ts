import { StoreUnavailableError, type SharedStore } from '../store/shared-store';

/** What `claim` found: a new event (now ours), one already handled, or one being handled. */
export type Claim = 'new' | 'done' | 'busy';

/**
 * Which webhook events were handled, so a redelivery is acknowledged without being handled twice.
 * A claim is held while the event is handled: `done` keeps it, `release` frees it after a failure
 * so Sendbird's retry is handled afresh.
 */
export interface SeenEvents {
    claim(eventId: string): Promise<Claim>;
    done(eventId: string): Promise<void>;
    release(eventId: string): Promise<void>;
}

/** A handled event is remembered a week: well past the retries of any webhook sender. */
export const SEEN_TTL_MS = 7 * 24 * 60 * 60 * 1000;
/** A claim lapses after this, so an instance that died mid-event does not block its retry. */
export const CLAIM_TTL_MS = 60 * 1000;

/**
 * Seen events in the server's shared store: memory for one instance, Redis for several, so a
 * redelivery to another instance is recognised too. A store that is down does not stop an event:
 * it is handled (the handoff reuses the channel's open Case, so a rare double is harmless).
 */
export class StoreSeenEvents implements SeenEvents {
    constructor(
        private readonly store: SharedStore,
        private readonly onStoreDown: (error: unknown) => void = () => undefined
    ) {}

    async claim(eventId: string): Promise<Claim> {
        const key = keyOf(eventId);
        try {
            if (await this.store.setIfAbsent(key, 'busy', CLAIM_TTL_MS)) return 'new';
            const state = await this.store.get(key);
            if (state === 'done') return 'done';
            // Released after a failure, or lapsed in between: take it now.
            if (
                state === 'released' &&
                (await this.store.compareAndSet(key, state, 'busy', CLAIM_TTL_MS))
            )
                return 'new';
            if (state === undefined && (await this.store.setIfAbsent(key, 'busy', CLAIM_TTL_MS)))
                return 'new';
            return 'busy';
        } catch (error) {
            return this.storeDown(error, 'new');
        }
    }

    async done(eventId: string): Promise<void> {
        try {
            await this.store.set(keyOf(eventId), 'done', SEEN_TTL_MS);
        } catch (error) {
            this.storeDown(error, undefined);
        }
    }

    async release(eventId: string): Promise<void> {
        try {
            // The shared store has no delete: a released claim is free for the next delivery.
            await this.store.compareAndSet(keyOf(eventId), 'busy', 'released', CLAIM_TTL_MS);
        } catch (error) {
            this.storeDown(error, undefined);
        }
    }

    private storeDown<T>(error: unknown, fallback: T): T {
        if (!(error instanceof StoreUnavailableError)) throw error;
        this.onStoreDown(error);
        return fallback;
    }
}

function keyOf(eventId: string): string {
    return `ai-agent-event:${eventId}`;
}
