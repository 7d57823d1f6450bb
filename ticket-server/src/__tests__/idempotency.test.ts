import { IdempotencyStore, parseIdempotencyKey, type StoredResponse } from '../idempotency';
import { MemoryStore } from '../store/memory-store';
import { StoreUnavailableError, type SharedStore } from '../store/shared-store';

const created = (id: string): StoredResponse => ({ statusCode: 201, body: { id } });
const options = { ttlMs: 60_000, lockMs: 5_000, waitMs: 1_000, pollMs: 5 };

function newStore(store: SharedStore = new MemoryStore()) {
    return new IdempotencyStore(store, options);
}

/** A store whose every command fails, as Redis does while it is down. */
class DownStore extends MemoryStore {
    override async setIfAbsent(): Promise<boolean> {
        throw new StoreUnavailableError('down');
    }
    override async set(): Promise<void> {
        throw new StoreUnavailableError('down');
    }
}

describe('IdempotencyStore', () => {
    it('runs the work once and replays its 2xx for the same key and request', async () => {
        const store = newStore();
        const work = jest.fn(async () => created('a'));
        const first = await store.run('k', { s: 1 }, work);
        const again = await store.run('k', { s: 1 }, work);
        expect(first).toEqual({ response: created('a'), replayed: false });
        expect(again).toEqual({ response: created('a'), replayed: true });
        expect(work).toHaveBeenCalledTimes(1);
    });

    it('makes a concurrent duplicate wait for the first and share its response', async () => {
        const store = newStore();
        let finish!: (r: StoredResponse) => void;
        const work = jest.fn(() => new Promise<StoredResponse>((resolve) => (finish = resolve)));
        const first = store.run('k', {}, work);
        const second = store.run('k', {}, work);
        await new Promise((r) => setTimeout(r, 10));
        finish(created('a'));
        expect((await first).response).toEqual(created('a'));
        expect(await second).toEqual({ response: created('a'), replayed: true });
        expect(work).toHaveBeenCalledTimes(1);
    });

    it('lets the next request run again after a failure (thrown, or a 502)', async () => {
        const store = newStore();
        await expect(
            store.run('k', {}, async () => Promise.reject(new Error('x')))
        ).rejects.toThrow('x');
        const bad = await store.run('k', {}, async () => ({ statusCode: 502, body: {} }));
        expect(bad.replayed).toBe(false);
        const good = await store.run('k', {}, async () => created('b'));
        expect(good).toEqual({ response: created('b'), replayed: false });
    });

    it('refuses a key reused with a different request (422), even after a failure', async () => {
        const store = newStore();
        await store.run('k', { s: 1 }, async () => ({ statusCode: 502, body: {} }));
        await expect(store.run('k', { s: 2 }, async () => created('x'))).rejects.toMatchObject({
            statusCode: 422
        });
    });

    it('shares results between two stores on one shared store (two instances)', async () => {
        const shared = new MemoryStore();
        const a = newStore(shared);
        const b = newStore(shared);
        let finish!: (r: StoredResponse) => void;
        const first = a.run('k', {}, () => new Promise((resolve) => (finish = resolve)));
        void first;
        const work = jest.fn(async () => created('other'));
        const second = b.run('k', {}, work);
        await new Promise((r) => setTimeout(r, 20));
        finish(created('a'));
        expect((await second).response).toEqual(created('a'));
        expect(work).not.toHaveBeenCalled();
    });

    it('runs the work without the cache when the store is down (the upsert keeps it once)', async () => {
        const errors: Error[] = [];
        const store = new IdempotencyStore(new DownStore(), options, (e) => errors.push(e));
        const result = await store.run('k', {}, async () => created('a'));
        expect(result).toEqual({ response: created('a'), replayed: false });
        expect(errors).toHaveLength(1);
    });

    it('forgets a key after its time to live', async () => {
        let now = 1_000; // lru-cache reads a start time of 0 as "no TTL"
        const shared = new MemoryStore({ maxKeys: 10, clock: { now: () => now } });
        const store = newStore(shared);
        await store.run('k', {}, async () => created('a'));
        now += options.ttlMs + 1;
        const later = await store.run('k', {}, async () => created('b'));
        expect(later).toEqual({ response: created('b'), replayed: false });
    });
});

describe('parseIdempotencyKey', () => {
    it('accepts 1–255 visible ASCII characters, or no header', () => {
        expect(parseIdempotencyKey(undefined)).toBeUndefined();
        expect(parseIdempotencyKey('a'.repeat(255))).toBe('a'.repeat(255));
        for (const bad of ['', 'a'.repeat(256), 'with space', 'é', ['a', 'b']]) {
            expect(() => parseIdempotencyKey(bad)).toThrow(/Idempotency-Key/);
        }
    });
});
