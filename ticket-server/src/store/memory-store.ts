import { LRUCache } from 'lru-cache';
import type { SharedStore } from './shared-store';

export interface MemoryStoreOptions {
    /** Keys held at once; the least recently used beyond this are dropped early. */
    maxKeys: number;
    /** The clock TTLs are measured on (tests pass a fake one). */
    clock?: { now(): number };
}

/** The shared store for a single instance: an LRU map with a TTL per entry. */
export class MemoryStore implements SharedStore {
    readonly description = 'memory';
    private readonly entries: LRUCache<string, string>;

    constructor(options: MemoryStoreOptions = { maxKeys: 100_000 }) {
        this.entries = new LRUCache({
            max: options.maxKeys,
            // A default TTL turns on lru-cache's TTL tracking; every set passes its own.
            ttl: 24 * 60 * 60 * 1000,
            ...(options.clock ? { perf: options.clock, ttlResolution: 0 } : {})
        });
    }

    async setIfAbsent(key: string, value: string, ttlMs: number): Promise<boolean> {
        if (this.entries.has(key)) return false;
        this.entries.set(key, value, { ttl: ttlMs });
        return true;
    }

    async get(key: string): Promise<string | undefined> {
        return this.entries.get(key);
    }

    async set(key: string, value: string, ttlMs: number): Promise<void> {
        this.entries.set(key, value, { ttl: ttlMs });
    }

    async compareAndSet(
        key: string,
        expected: string,
        value: string,
        ttlMs: number
    ): Promise<boolean> {
        if (this.entries.get(key) !== expected) return false;
        this.entries.set(key, value, { ttl: ttlMs });
        return true;
    }

    async hit(key: string, windowMs: number): Promise<number> {
        const count = Number(this.entries.get(key) ?? 0) + 1;
        // The window runs from the first hit: later hits keep its remaining time.
        const ttl = count === 1 ? windowMs : Math.max(1, this.entries.getRemainingTTL(key));
        this.entries.set(key, String(count), { ttl });
        return count;
    }

    async close(): Promise<void> {
        this.entries.clear();
    }
}
