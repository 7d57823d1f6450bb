/** How hard the Sendbird client tries before a step counts as failed. */
export interface RetryPolicy {
    /** Attempts in all, the first one included. */
    attempts: number;
    /** First backoff; each later one doubles, with full jitter. */
    baseDelayMs: number;
    maxDelayMs: number;
    /** Per-attempt timeout. */
    timeoutMs: number;
    /** A 429 asking us to wait longer than this fails the step instead of holding the request. */
    maxRetryAfterMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
    attempts: 4,
    baseDelayMs: 200,
    maxDelayMs: 2000,
    timeoutMs: 5000,
    maxRetryAfterMs: 5000
};

/** Exponential backoff with full jitter (the AWS Architecture Blog's recommendation). */
export function backoffDelay(policy: RetryPolicy, retry: number, random = Math.random): number {
    const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** retry);
    return Math.round(random() * ceiling);
}

/**
 * Milliseconds to wait from `X-RateLimit-RetryAfter`. Sendbird's docs name the header without a
 * unit, so a small number is read as seconds and an epoch-sized one as an absolute time (in
 * seconds or milliseconds); anything unreadable falls back to the backoff.
 */
export function retryAfterMs(header: string | null, now = Date.now()): number | undefined {
    if (header === null || header.trim() === '') return undefined;
    const value = Number(header);
    if (!Number.isFinite(value) || value < 0) return undefined;
    if (value >= 1e12) return Math.max(0, value - now);
    if (value >= 1e9) return Math.max(0, value * 1000 - now);
    return Math.round(value * 1000);
}
