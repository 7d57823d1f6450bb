import { SignJWT } from 'jose';
import { resolveIdentity } from '../identity';

const secret = new TextEncoder().encode('test-identity-secret-not-a-real-one');

function token(
    claims: { sub?: string; exp?: string | number; iat?: number | null },
    alg = 'HS256',
    key = secret
) {
    let jwt = new SignJWT({}).setProtectedHeader({ alg });
    if (claims.iat !== null) jwt = jwt.setIssuedAt(claims.iat);
    if (claims.sub !== undefined) jwt = jwt.setSubject(claims.sub);
    if (claims.exp !== undefined) jwt = jwt.setExpirationTime(claims.exp);
    return jwt.sign(key);
}

describe('resolveIdentity', () => {
    it('gives a fresh guest id without a token', async () => {
        const a = await resolveIdentity(undefined, secret);
        const b = await resolveIdentity(undefined, undefined);
        expect(a).toEqual({
            userId: expect.stringMatching(/^guest_[0-9a-f-]{36}$/),
            kind: 'guest'
        });
        expect(b.userId).not.toBe(a.userId);
    });

    it("uses a valid token's sub", async () => {
        await expect(
            resolveIdentity(await token({ sub: 'customer-7', exp: '5m' }), secret)
        ).resolves.toEqual({
            userId: 'customer-7',
            kind: 'verified'
        });
    });

    it.each([
        ['expired', () => token({ sub: 'c', exp: '-5m' }), /expired/],
        ['without exp', () => token({ sub: 'c' }), /"exp"/],
        ['without sub', () => token({ exp: '5m' }), /"sub"/],
        ['without iat', () => token({ sub: 'c', exp: '5m', iat: null }), /"iat"/],
        [
            'issued 11 minutes ago, though its exp is still ahead',
            () => token({ sub: 'c', exp: '1h', iat: Math.floor(Date.now() / 1000) - 11 * 60 }),
            /issued more than 10 minutes ago/
        ],
        [
            'issued in the future',
            () => token({ sub: 'c', exp: '1h', iat: Math.floor(Date.now() / 1000) + 5 * 60 }),
            /iat/
        ],
        ['signed with HS512', () => token({ sub: 'c', exp: '5m' }, 'HS512'), /HS256/],
        [
            'signed with another key',
            () => token({ sub: 'c', exp: '5m' }, 'HS256', new TextEncoder().encode('x'.repeat(32))),
            /signature/
        ],
        ['with a sub holding a slash', () => token({ sub: 'a/b', exp: '5m' }), /user id/],
        ['with a guest sub', () => token({ sub: 'guest_x', exp: '5m' }), /user id/]
    ])('rejects a token %s with a 400', async (_label, make, reason) => {
        const attempt = resolveIdentity(await make(), secret);
        await expect(attempt).rejects.toMatchObject({
            statusCode: 400,
            code: 'invalid_identity_token'
        });
        await expect(attempt).rejects.toThrow(reason);
    });

    it('accepts a token issued 9 minutes ago', async () => {
        const iat = Math.floor(Date.now() / 1000) - 9 * 60;
        await expect(
            resolveIdentity(await token({ sub: 'customer-8', exp: '5m', iat }), secret)
        ).resolves.toMatchObject({ userId: 'customer-8' });
    });

    it('rejects any token when no secret is configured', async () => {
        await expect(
            resolveIdentity(await token({ sub: 'c', exp: '5m' }), undefined)
        ).rejects.toMatchObject({
            statusCode: 400
        });
    });
});
