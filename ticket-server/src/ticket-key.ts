import { createHash, randomUUID } from 'node:crypto';

/** RFC 4648 base32 alphabet, lower-cased: letters and digits only, so it fits a channel URL. */
const BASE32 = 'abcdefghijklmnopqrstuvwxyz234567';
/** 32 base32 characters: 160 bits of the SHA-256, far beyond any chance of a collision. */
const KEY_LENGTH = 32;

/**
 * The one key a ticket is known by everywhere: the Case's External ID, the channel URL and a
 * guest's Sendbird user id are all derived from it, so every retry of a request, on any
 * instance and after any restart, converges on the same records. It hashes the caller's scope
 * with their `Idempotency-Key` (so two callers' keys never meet), or a fresh server-made key
 * when the client sent none. It reveals neither the scope (an address) nor the key.
 */
export function ticketKey(scope: string, idempotencyKey: string | undefined): string {
    const material =
        idempotencyKey === undefined ? `server ${randomUUID()}` : `${scope}\n${idempotencyKey}`;
    return base32(createHash('sha256').update(material).digest()).slice(0, KEY_LENGTH);
}

/** The ticket's Sendbird channel URL (letters, digits and underscore, as Sendbird requires). */
export function channelUrlFor(key: string): string {
    return `ticket_${key}`;
}

/** A guest's Sendbird user id: the customer prefix, then `guest_` and the ticket key. */
export function guestUserIdFor(key: string, customerPrefix: string): string {
    return `${customerPrefix}guest_${key}`;
}

function base32(bytes: Buffer): string {
    let out = '';
    let bits = 0;
    let value = 0;
    for (const byte of bytes) {
        value = (value << 8) | byte;
        bits += 8;
        while (bits >= 5) {
            out += BASE32[(value >>> (bits - 5)) & 31];
            bits -= 5;
        }
    }
    return out;
}
