import { DEFAULT_RETRY_POLICY, backoffDelay, retryAfterMs } from '../retry-policy';

describe('backoffDelay', () => {
    it('doubles the ceiling each retry, up to the maximum, with full jitter', () => {
        const top = () => 0.999999;
        expect(backoffDelay(DEFAULT_RETRY_POLICY, 0, top)).toBe(200);
        expect(backoffDelay(DEFAULT_RETRY_POLICY, 1, top)).toBe(400);
        expect(backoffDelay(DEFAULT_RETRY_POLICY, 2, top)).toBe(800);
        expect(backoffDelay(DEFAULT_RETRY_POLICY, 10, top)).toBe(2000);
        expect(backoffDelay(DEFAULT_RETRY_POLICY, 3, () => 0)).toBe(0);
    });
});

describe('retryAfterMs', () => {
    const now = 1_700_000_000_000;

    it('reads a small number as seconds', () => {
        expect(retryAfterMs('2', now)).toBe(2000);
        expect(retryAfterMs('0.5', now)).toBe(500);
    });

    it('reads an epoch in seconds or milliseconds as an absolute time', () => {
        expect(retryAfterMs(String(now / 1000 + 3), now)).toBe(3000);
        expect(retryAfterMs(String(now + 1500), now)).toBe(1500);
        expect(retryAfterMs(String(now - 5000), now)).toBe(0);
    });

    it('ignores a missing or unreadable header', () => {
        expect(retryAfterMs(null, now)).toBeUndefined();
        expect(retryAfterMs('', now)).toBeUndefined();
        expect(retryAfterMs('soon', now)).toBeUndefined();
        expect(retryAfterMs('-1', now)).toBeUndefined();
    });
});
