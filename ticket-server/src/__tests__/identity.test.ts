import { SignJWT } from 'jose';
import { verifyIdentityToken, type IdentityOptions } from '../identity';

const secret = new TextEncoder().encode('test-identity-secret-not-a-real-one');

const options: IdentityOptions = { secret, customerPrefix: 'customer_' };
const resolveIdentity = (
    jwt: string,
    key: Uint8Array | undefined,
    more: Partial<IdentityOptions> = {}
) => verifyIdentityToken(jwt, { ...options, secret: key, ...more });

function token(
    claims: {
        sub?: string;
        exp?: string | number;
        iat?: number | null;
        iss?: string;
        aud?: string;
    },
    alg = 'HS256',
    key = secret
) {
    let jwt = new SignJWT({}).setProtectedHeader({ alg });
    if (claims.iss !== undefined) jwt = jwt.setIssuer(claims.iss);
    if (claims.aud !== undefined) jwt = jwt.setAudience(claims.aud);
    if (claims.iat !== null) jwt = jwt.setIssuedAt(claims.iat);
    if (claims.sub !== undefined) jwt = jwt.setSubject(claims.sub);
    if (claims.exp !== undefined) jwt = jwt.setExpirationTime(claims.exp);
    return jwt.sign(key);
}

describe('verifyIdentityToken', () => {
    it("uses a valid token's sub", async () => {
        await expect(
            resolveIdentity(await token({ sub: 'customer-7', exp: '5m' }), secret)
        ).resolves.toEqual({
            kind: 'verified',
            subject: 'customer-7',
            // Always prefixed, so a `sub` equal to an agent's Salesforce User Id cannot become it.
            userId: 'customer_customer-7'
        });
    });

    it('gives a sub that looks like a Salesforce User Id the prefix too', async () => {
        const agentLike = '005000000000001AAA';
        const customer = await resolveIdentity(await token({ sub: agentLike, exp: '5m' }), secret);
        expect(customer.userId).toBe(`customer_${agentLike}`);
    });

    it('checks iss and aud when they are configured', async () => {
        const checks = { issuer: 'https://shop.example.test', audience: 'support-tickets' };
        const good = await token({ sub: 'c', exp: '5m', iss: checks.issuer, aud: checks.audience });
        await expect(resolveIdentity(good, secret, checks)).resolves.toMatchObject({
            subject: 'c'
        });
        for (const bad of [
            await token({
                sub: 'c',
                exp: '5m',
                iss: 'https://evil.example.test',
                aud: checks.audience
            }),
            await token({ sub: 'c', exp: '5m', iss: checks.issuer, aud: 'other-app' }),
            await token({ sub: 'c', exp: '5m' })
        ]) {
            await expect(resolveIdentity(bad, secret, checks)).rejects.toMatchObject({
                statusCode: 400
            });
        }
        // Not configured: not checked.
        await expect(
            resolveIdentity(await token({ sub: 'c', exp: '5m', iss: 'any' }), secret)
        ).resolves.toBeDefined();
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
        ).resolves.toMatchObject({ userId: 'customer_customer-8' });
    });

    it('rejects any token when no secret is configured', async () => {
        await expect(
            resolveIdentity(await token({ sub: 'c', exp: '5m' }), undefined)
        ).rejects.toMatchObject({
            statusCode: 400
        });
    });
});
