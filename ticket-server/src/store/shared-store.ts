/**
 * The small key-value store the server shares between instances: the idempotency replay cache,
 * the global guest cap, and (issue 16) "event id seen before" checks. In memory for one
 * instance, Redis for several; both behind this interface. Values are strings with a time to
 * live. Correctness never rests on it (the Salesforce upsert does): it saves round trips and
 * coalesces duplicates, so a store that fails throws StoreUnavailableError and callers go on
 * without it.
 */
export interface SharedStore {
    /** Sets `key` only if absent (SET NX PX). True when this call set it. */
    setIfAbsent(key: string, value: string, ttlMs: number): Promise<boolean>;
    get(key: string): Promise<string | undefined>;
    set(key: string, value: string, ttlMs: number): Promise<void>;
    /** Replaces `key` only while it still holds `expected`. True when replaced. */
    compareAndSet(key: string, expected: string, value: string, ttlMs: number): Promise<boolean>;
    /** Adds one to a counter that starts at 1 and lives `windowMs` from its first hit. */
    hit(key: string, windowMs: number): Promise<number>;
    close(): Promise<void>;
    /** For /healthz and logs: `memory`, or the Redis address without credentials. */
    readonly description: string;
}

/** The store could not be reached or answered badly; the caller carries on without it. */
export class StoreUnavailableError extends Error {
    constructor(message: string, options?: { cause?: unknown }) {
        super(message, options);
        this.name = 'StoreUnavailableError';
    }
}
