import { LRUCache } from 'lru-cache';

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

export interface SeenEventsOptions {
    /** How long a handled event is remembered. */
    ttlMs: number;
    maxEvents: number;
}

/** A week: well past the retries of any webhook sender. */
export const DEFAULT_SEEN_EVENTS: SeenEventsOptions = {
    ttlMs: 7 * 24 * 60 * 60 * 1000,
    maxEvents: 100_000
};

/** One process's memory: enough for a single instance (several share Redis instead). */
export class MemorySeenEvents implements SeenEvents {
    private readonly events: LRUCache<string, 'busy' | 'done'>;

    constructor(options: SeenEventsOptions = DEFAULT_SEEN_EVENTS) {
        this.events = new LRUCache({ max: options.maxEvents, ttl: options.ttlMs });
    }

    async claim(eventId: string): Promise<Claim> {
        const state = this.events.get(eventId);
        if (state !== undefined) return state;
        this.events.set(eventId, 'busy');
        return 'new';
    }

    async done(eventId: string): Promise<void> {
        this.events.set(eventId, 'done');
    }

    async release(eventId: string): Promise<void> {
        this.events.delete(eventId);
    }
}
