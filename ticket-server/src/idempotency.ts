import { createHash } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import { HttpError } from './errors';

/** A response worth replaying: once a request has created something, its answer is kept. */
export interface StoredResponse {
    statusCode: number;
    body: unknown;
    /**
     * Set on a failure that kept its progress (e.g. the Case and channel exist, the session
     * token failed): a later request with the key runs this, from where the work stopped,
     * instead of replaying the failure.
     */
    resume?: () => Promise<StoredResponse>;
}

interface Entry {
    fingerprint: string;
    response: Promise<StoredResponse>;
    /** The response once it has arrived (requests arriving later may resume it). */
    settled?: StoredResponse;
}

export interface IdempotencyOptions {
    ttlMs: number;
    /** Keys held at once; the least recently used beyond this are dropped early. */
    maxKeys: number;
    /** The clock TTLs are measured on (tests pass a fake one). */
    clock?: { now(): number };
}

export const DEFAULT_IDEMPOTENCY: IdempotencyOptions = {
    ttlMs: 24 * 60 * 60 * 1000,
    maxKeys: 100_000
};

/** `Idempotency-Key`: 1–255 visible ASCII characters (a UUID is typical). */
const KEY = /^[\x21-\x7e]{1,255}$/;

/**
 * Runs the work of one `Idempotency-Key` once. A later request with the key gets the stored
 * response; one that arrives while the first is running waits for it and shares its response.
 * A key reused with a different request body is refused (422). Work that throws stored nothing,
 * so its key is released and a retry runs again. A stored response with `resume` is not final:
 * the next request to arrive after it runs `resume` (and requests arriving meanwhile share that
 * run), so a retry continues from the kept progress.
 *
 * Callers scope keys (see the route): a key is only ever looked up for the caller who made it.
 *
 * In memory, for one process: running several instances needs a shared store behind the same
 * interface (e.g. Redis SET NX plus a result key).
 */
export class IdempotencyStore {
    private readonly entries: LRUCache<string, Entry>;

    constructor(options: IdempotencyOptions = DEFAULT_IDEMPOTENCY) {
        this.entries = new LRUCache({
            max: options.maxKeys,
            ttl: options.ttlMs,
            ...(options.clock ? { perf: options.clock, ttlResolution: 0 } : {})
        });
    }

    async run(
        key: string,
        request: unknown,
        work: () => Promise<StoredResponse>
    ): Promise<{ response: StoredResponse; replayed: boolean }> {
        const fingerprint = fingerprintOf(request);
        const existing = this.entries.get(key);
        if (existing) {
            if (existing.fingerprint !== fingerprint) {
                throw new HttpError(
                    422,
                    'idempotency_key_reused',
                    'This Idempotency-Key was already used with a different request.'
                );
            }
            const resume = existing.settled?.resume;
            if (resume === undefined) {
                return { response: await existing.response, replayed: true };
            }
            return {
                response: await this.start(key, fingerprint, resume, existing),
                replayed: false
            };
        }
        return { response: await this.start(key, fingerprint, work), replayed: false };
    }

    /** Runs `work` as the key's current entry; if it throws, `previous` (if any) is restored. */
    private start(
        key: string,
        fingerprint: string,
        work: () => Promise<StoredResponse>,
        previous?: Entry
    ): Promise<StoredResponse> {
        const entry: Entry = { fingerprint, response: work() };
        this.entries.set(key, entry);
        entry.response.then(
            (response) => {
                entry.settled = response;
            },
            () => {
                if (this.entries.get(key) !== entry) return;
                if (previous) this.entries.set(key, previous);
                else this.entries.delete(key);
            }
        );
        return entry.response;
    }
}

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
