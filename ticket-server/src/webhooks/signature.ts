import { createHmac, timingSafeEqual } from 'node:crypto';

/** The header Sendbird signs its webhooks with. */
export const SIGNATURE_HEADER = 'x-sendbird-signature';

/**
 * Sendbird's webhook signature: the HMAC-SHA256 hex digest of the raw request body, keyed with
 * the app's API token (Sendbird Platform API docs, "Webhooks"). The AI agent's webhook guide
 * (`dashboard-guide/webhook.md` in sendbird/delight-ai-docs) names no scheme of its own, so the
 * Chat webhook scheme applies. Compared in constant time; any malformed header is simply false.
 */
export function hasValidSignature(
    rawBody: Buffer,
    header: string | string[] | undefined,
    secret: string
): boolean {
    if (typeof header !== 'string' || !/^[0-9a-f]{64}$/i.test(header.trim())) return false;
    const expected = createHmac('sha256', secret).update(rawBody).digest();
    const given = Buffer.from(header.trim(), 'hex');
    return given.length === expected.length && timingSafeEqual(given, expected);
}

/** The signature Sendbird would send for `rawBody` (tests and the demo sign with it). */
export function signatureOf(rawBody: Buffer | string, secret: string): string {
    return createHmac('sha256', secret).update(rawBody).digest('hex');
}
