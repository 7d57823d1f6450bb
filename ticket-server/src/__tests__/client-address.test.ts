import { clientBucket } from '../client-address';

describe('clientBucket', () => {
    it('keeps an IPv4 address as it is, and reads IPv4-mapped IPv6 as IPv4', () => {
        expect(clientBucket('198.51.100.7')).toBe('198.51.100.7');
        expect(clientBucket('::ffff:198.51.100.7')).toBe('198.51.100.7');
    });

    it('puts every IPv6 address of one /64 in one bucket, whatever its spelling', () => {
        const bucket = clientBucket('2001:db8:1:2::1');
        expect(bucket).toBe('2001:db8:1:2::/64');
        expect(clientBucket('2001:0db8:0001:0002:ffff:ffff:ffff:ffff')).toBe(bucket);
        expect(clientBucket('2001:db8:1:3::1')).not.toBe(bucket);
        expect(clientBucket('::1')).toBe('0:0:0:0::/64');
    });
});
