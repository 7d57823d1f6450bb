import { isIPv6 } from 'node:net';

/**
 * The bucket a client address counts in for rate limits and guest scopes: an IPv4 address as
 * is, an IPv6 address by its /64 (one customer's network is given a whole /64, so per-address
 * limits on IPv6 would be no limit at all). IPv4-mapped IPv6 addresses count as IPv4.
 */
export function clientBucket(address: string): string {
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
    if (mapped) return mapped[1];
    if (!isIPv6(address)) return address;
    return `${expandIPv6(address).slice(0, 4).join(':')}::/64`;
}

/** The eight hextets of an IPv6 address, without leading zeros (`::` expanded). */
function expandIPv6(address: string): string[] {
    const [head, tail] = address.split('%')[0].split('::');
    const parse = (part: string | undefined) => (part ? part.split(':') : []);
    const left = parse(head);
    const right = parse(tail);
    const fill = tail === undefined ? [] : Array<string>(8 - left.length - right.length).fill('0');
    return [...left, ...fill, ...right].map((hextet) => (parseInt(hextet, 16) || 0).toString(16));
}
