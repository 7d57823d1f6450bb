import type { FastifyBaseLogger } from 'fastify';
import { HttpError } from './errors';
import { MemoryStore } from './store/memory-store';
import { StoreUnavailableError, type SharedStore } from './store/shared-store';

const WINDOW_MS = 60_000;

/**
 * A cap on guest tickets per minute over every address (and, with Redis, every instance): the
 * per-address limit alone lets many addresses together make unbounded guest Cases. Counted in
 * fixed one-minute windows in the shared store; while the store is down each instance counts
 * for itself, so the cap still holds per instance.
 */
export class GuestCap {
    private readonly fallback = new MemoryStore({ maxKeys: 4 });

    constructor(
        private readonly store: SharedStore,
        private readonly perMinute: number
    ) {}

    async take(log: FastifyBaseLogger): Promise<void> {
        const window = `guest-cap:${Math.floor(Date.now() / WINDOW_MS)}`;
        let count: number;
        try {
            count = await this.store.hit(window, WINDOW_MS);
        } catch (error) {
            if (!(error instanceof StoreUnavailableError)) throw error;
            log.warn(
                { err: error },
                'guest cap counted in memory: the shared store is unavailable'
            );
            count = await this.fallback.hit(window, WINDOW_MS);
        }
        if (count > this.perMinute) {
            throw new HttpError(
                429,
                'guest_tickets_capped',
                'We are receiving very many requests right now. Please try again in a minute.'
            );
        }
    }
}
