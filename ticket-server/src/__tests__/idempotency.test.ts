import { HttpError } from '../errors';
import { IdempotencyStore, parseIdempotencyKey, type StoredResponse } from '../idempotency';

const created: StoredResponse = { statusCode: 201, body: { caseId: '500000000000001AAA' } };

function deferred<T>() {
    let resolve!: (value: T) => void;
    let reject!: (error: unknown) => void;
    const promise = new Promise<T>((res, rej) => {
        resolve = res;
        reject = rej;
    });
    return { promise, resolve, reject };
}

describe('IdempotencyStore', () => {
    it('runs the work once and replays its response for the same key and request', async () => {
        const store = new IdempotencyStore();
        const work = jest.fn(async () => created);
        const first = await store.run('k1', { subject: 'a', email: 'e' }, work);
        const again = await store.run('k1', { email: 'e', subject: 'a' }, work);
        expect(first).toEqual({ response: created, replayed: false });
        expect(again).toEqual({ response: created, replayed: true });
        expect(work).toHaveBeenCalledTimes(1);
    });

    it('makes a concurrent duplicate wait for the first and share its response', async () => {
        const store = new IdempotencyStore();
        const gate = deferred<StoredResponse>();
        const work = jest.fn(() => gate.promise);
        const first = store.run('k2', { subject: 'a' }, work);
        const second = store.run('k2', { subject: 'a' }, work);
        gate.resolve(created);
        await expect(Promise.all([first, second])).resolves.toEqual([
            { response: created, replayed: false },
            { response: created, replayed: true }
        ]);
        expect(work).toHaveBeenCalledTimes(1);
    });

    it('releases the key when the work throws, so a retry runs again', async () => {
        const store = new IdempotencyStore();
        const failing = jest.fn(async (): Promise<StoredResponse> => {
            throw new Error('Salesforce down');
        });
        await expect(store.run('k3', {}, failing)).rejects.toThrow('Salesforce down');
        await expect(store.run('k3', {}, async () => created)).resolves.toEqual({
            response: created,
            replayed: false
        });
    });

    it('continues a kept failure with its resume step on a later request, not a replay', async () => {
        const store = new IdempotencyStore();
        const failedAgain: StoredResponse = { statusCode: 502, body: { error: 'token' } };
        const resume: jest.Mock<Promise<StoredResponse>, []> = jest
            .fn<Promise<StoredResponse>, []>()
            .mockResolvedValueOnce({ ...failedAgain, resume: () => resume() })
            .mockResolvedValueOnce(created);
        const failed: StoredResponse = { statusCode: 502, body: { error: 'token' }, resume };
        const work = jest.fn(async () => failed);

        // A duplicate that waited on the first run shares its answer and resumes nothing.
        const [first, concurrent] = await Promise.all([
            store.run('k6', {}, work),
            store.run('k6', {}, work)
        ]);
        expect([first.response.statusCode, concurrent.response.statusCode]).toEqual([502, 502]);
        expect(resume).not.toHaveBeenCalled();

        const second = await store.run('k6', {}, work);
        expect(second).toMatchObject({ response: { statusCode: 502 }, replayed: false });
        const [third, waiting] = await Promise.all([
            store.run('k6', {}, work),
            store.run('k6', {}, work)
        ]);
        expect(third).toEqual({ response: created, replayed: false });
        expect(waiting).toEqual({ response: created, replayed: true });
        await expect(store.run('k6', {}, work)).resolves.toEqual({
            response: created,
            replayed: true
        });
        expect(work).toHaveBeenCalledTimes(1);
        expect(resume).toHaveBeenCalledTimes(2);
    });

    it('keeps the earlier answer when a resume step throws', async () => {
        const store = new IdempotencyStore();
        const failed: StoredResponse = {
            statusCode: 502,
            body: {},
            resume: async () => {
                throw new Error('unexpected');
            }
        };
        await store.run('k7', {}, async () => failed);
        await expect(store.run('k7', {}, async () => created)).rejects.toThrow('unexpected');
        await expect(store.run('k7', {}, async () => created)).rejects.toThrow('unexpected');
    });

    it('refuses a key reused with a different request', async () => {
        const store = new IdempotencyStore();
        await store.run('k4', { subject: 'a' }, async () => created);
        const reuse = store.run('k4', { subject: 'b' }, async () => created);
        await expect(reuse).rejects.toBeInstanceOf(HttpError);
        await expect(reuse).rejects.toMatchObject({ statusCode: 422 });
    });

    it('forgets a key after its time to live', async () => {
        let now = 10_000;
        const store = new IdempotencyStore({ ttlMs: 1000, maxKeys: 10, clock: { now: () => now } });
        const work = jest.fn(async () => created);
        await store.run('k5', {}, work);
        now = 10_999;
        await store.run('k5', {}, work);
        now = 11_001;
        await store.run('k5', {}, work);
        expect(work).toHaveBeenCalledTimes(2);
    });
});

describe('parseIdempotencyKey', () => {
    it('accepts 1–255 visible ASCII characters, or no header', () => {
        expect(parseIdempotencyKey(undefined)).toBeUndefined();
        expect(parseIdempotencyKey('8e0f7a4c-1b2d-4c3e-9f00-123456789abc')).toBe(
            '8e0f7a4c-1b2d-4c3e-9f00-123456789abc'
        );
    });

    it.each([[''], ['with space'], ['x'.repeat(256)], [['a', 'b']], ['ünicode']])(
        'rejects %p with a 400',
        (value) => {
            expect(() => parseIdempotencyKey(value)).toThrow(
                expect.objectContaining({ statusCode: 400, code: 'invalid_idempotency_key' })
            );
        }
    );
});
