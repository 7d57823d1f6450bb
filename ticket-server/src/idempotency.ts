import { createHash } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import { HttpError } from './errors';

/** A response worth replaying: once a request has created something, its answer is kept. */
export interface StoredResponse {
    statusCode: number;
    body: unknown;
}

interface Entry {
    fingerprint: string;
    response: Promise<StoredResponse>;
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
 * so its key is released and a retry runs again.
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
            return { response: await existing.response, replayed: true };
        }
        const response = work();
        this.entries.set(key, { fingerprint, response });
        response.catch(() => {
            if (this.entries.get(key)?.response === response) this.entries.delete(key);
        });
        return { response: await response, replayed: false };
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
