import { createHash } from 'node:crypto';
import { HttpError } from './errors';
import { StoreUnavailableError, type SharedStore } from './store/shared-store';

/** A response worth keeping: a 2xx is replayed; anything else lets the next retry run again. */
export interface StoredResponse {
    statusCode: number;
    body: unknown;
}

export interface IdempotencyOptions {
    /** How long a finished key is replayed (and a key reused with another body refused). */
    ttlMs: number;
    /** How long a running request holds its key; beyond this it is presumed dead. */
    lockMs: number;
    /** A duplicate waits this long for a request running elsewhere, then runs itself. */
    waitMs: number;
    /** Between looks at a key another instance is running. */
    pollMs: number;
}

export const DEFAULT_IDEMPOTENCY: IdempotencyOptions = {
    ttlMs: 24 * 60 * 60 * 1000,
    lockMs: 60_000,
    waitMs: 30_000,
    pollMs: 50
};

interface KeyRecord {
    /** The request's fingerprint. */
    fp: string;
    state: 'running' | 'done' | 'retry';
    response?: StoredResponse;
}

const KEY_PREFIX = 'idempotency:';

/**
 * Runs the work of one ticket key once per store, and replays its 2xx answer to later requests.
 * A duplicate that arrives while the work runs waits for it and shares its answer: in-process
 * at once, across instances by polling the shared store. A key reused with a different request
 * body is refused (422). A failure is not replayed: the next request with the key runs the work
 * again, which converges (the Case upsert and Sendbird's "already exists" make repeats safe).
 *
 * Correctness never depends on this cache. When the store fails (Redis down), or a duplicate has
 * waited `waitMs` for a run that went silent, the work simply runs, and the Salesforce upsert
 * makes sure it finds the Case instead of making another.
 */
export class IdempotencyStore {
    private readonly inFlight = new Map<
        string,
        { fp: string; response: Promise<StoredResponse> }
    >();

    constructor(
        private readonly store: SharedStore,
        private readonly options: IdempotencyOptions = DEFAULT_IDEMPOTENCY,
        private readonly onStoreError: (error: StoreUnavailableError) => void = () => {}
    ) {}

    async run(
        key: string,
        request: unknown,
        work: () => Promise<StoredResponse>
    ): Promise<{ response: StoredResponse; replayed: boolean }> {
        const fp = fingerprintOf(request);
        const local = this.inFlight.get(key);
        if (local) {
            if (local.fp !== fp) throw reused();
            return { response: await local.response, replayed: true };
        }
        let replayed = false;
        const response = this.runShared(KEY_PREFIX + key, fp, work).then((outcome) => {
            replayed = outcome.replayed;
            return outcome.response;
        });
        this.inFlight.set(key, { fp, response });
        try {
            return { response: await response, replayed };
        } finally {
            this.inFlight.delete(key);
        }
    }

    private async runShared(
        key: string,
        fp: string,
        work: () => Promise<StoredResponse>
    ): Promise<{ response: StoredResponse; replayed: boolean }> {
        const running = JSON.stringify({ fp, state: 'running' } satisfies KeyRecord);
        const deadline = Date.now() + this.options.waitMs;
        try {
            while (Date.now() < deadline) {
                if (await this.store.setIfAbsent(key, running, this.options.lockMs)) {
                    return await this.own(key, fp, work);
                }
                const raw = await this.store.get(key);
                if (raw === undefined) continue;
                const record = parseRecord(raw);
                if (record === undefined || record.fp !== fp) {
                    if (record !== undefined) throw reused();
                } else if (record.state === 'done' && record.response) {
                    return { response: record.response, replayed: true };
                } else if (record.state === 'retry') {
                    if (await this.store.compareAndSet(key, raw, running, this.options.lockMs)) {
                        return await this.own(key, fp, work);
                    }
                    continue;
                }
                await sleep(this.options.pollMs);
            }
        } catch (error) {
            if (!(error instanceof StoreUnavailableError)) throw error;
            this.onStoreError(error);
        }
        // No usable store, or the other run went silent: run anyway (the upsert keeps it once).
        return { response: await work(), replayed: false };
    }

    /** Runs the work holding the key, then records how it ended. */
    private async own(
        key: string,
        fp: string,
        work: () => Promise<StoredResponse>
    ): Promise<{ response: StoredResponse; replayed: boolean }> {
        let response: StoredResponse;
        try {
            response = await work();
        } catch (error) {
            await this.record(key, { fp, state: 'retry' });
            throw error;
        }
        const done = response.statusCode >= 200 && response.statusCode < 300;
        await this.record(key, done ? { fp, state: 'done', response } : { fp, state: 'retry' });
        return { response, replayed: false };
    }

    private async record(key: string, record: KeyRecord): Promise<void> {
        try {
            await this.store.set(key, JSON.stringify(record), this.options.ttlMs);
        } catch (error) {
            if (!(error instanceof StoreUnavailableError)) throw error;
            this.onStoreError(error);
        }
    }
}

/** `Idempotency-Key`: 1–255 visible ASCII characters (a UUID is typical). */
const KEY = /^[\x21-\x7e]{1,255}$/;

/** Checks the header value; undefined means the request carries no key. */
export function parseIdempotencyKey(header: string | string[] | undefined): string | undefined {
    if (header === undefined) return undefined;
    if (typeof header !== 'string' || !KEY.test(header)) {
        throw new HttpError(
            400,
            'invalid_idempotency_key',
            'The Idempotency-Key header must be 1 to 255 visible ASCII characters, sent once.'
        );
    }
    return header;
}

function reused(): HttpError {
    return new HttpError(
        422,
        'idempotency_key_reused',
        'This Idempotency-Key was already used with a different request.'
    );
}

function parseRecord(raw: string): KeyRecord | undefined {
    try {
        const record = JSON.parse(raw) as KeyRecord;
        return typeof record?.fp === 'string' ? record : undefined;
    } catch {
        return undefined;
    }
}

function sleep(ms: number): Promise<void> {
    return new Promise((resolve) => setTimeout(resolve, ms));
}

/** A hash of the request with its keys sorted, so key order does not matter. */
function fingerprintOf(request: unknown): string {
    return createHash('sha256').update(stableJson(request)).digest('hex');
}

function stableJson(value: unknown): string {
    if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
    if (value !== null && typeof value === 'object') {
        const entries = Object.entries(value as Record<string, unknown>)
            .filter(([, v]) => v !== undefined)
            .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
        return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
    }
    return JSON.stringify(value);
}
