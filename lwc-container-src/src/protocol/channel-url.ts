/**
 * Sendbird's rule for a group channel URL, the one copy for TypeScript: the container app checks
 * the host's messages with it, the ticket server's Sendbird test double the channels it is asked
 * to create. It has no imports, so the Node-side programs can share it. Apex holds its copy in
 * `SendbirdMembershipChange.CHANNEL_URL_FORMAT`, the LWCs theirs in `c/sendbirdOpenChannel`.
 */
const CHANNEL_URL = /^[A-Za-z0-9_]{4,100}$/;

/** Letters, digits and underscores, 4 to 100 characters. */
export function isChannelUrl(value: unknown): value is string {
    return typeof value === 'string' && CHANNEL_URL.test(value);
}
