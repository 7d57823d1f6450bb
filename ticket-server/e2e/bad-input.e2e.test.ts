import { signIdentityToken as jwt } from '../test-support/identity-token';
import { postTicket, startTicketStack, type TicketStack } from '../test-support/stack';

/** Every kind of bad input: 400 with {error:{code,message}} and not one upstream call. */
describe('POST /createticket rejects bad input before any upstream call', () => {
    let stack: TicketStack;

    beforeAll(async () => {
        stack = await startTicketStack();
    });

    afterAll(async () => {
        await stack.close();
    });

    afterEach(() => {
        expect(stack.salesforce.calls).toHaveLength(0);
        expect(stack.sendbird.calls).toHaveLength(0);
    });

    const cases: Array<[string, () => Promise<unknown> | unknown, string]> = [
        ['malformed JSON', () => '{"subject": "half', 'malformed_request'],
        ['an empty body', () => '', 'malformed_request'],
        ['a JSON array', () => '[]', 'invalid_request'],
        ['a missing subject', () => ({ description: 'no subject' }), 'invalid_request'],
        ['a blank subject', () => ({ subject: '   ' }), 'invalid_request'],
        ['a subject of the wrong type', () => ({ subject: 42 }), 'invalid_request'],
        [
            'a description of the wrong type',
            () => ({ subject: 'x', description: ['a'] }),
            'invalid_request'
        ],
        [
            'an email that is not one',
            () => ({ subject: 'x', email: 'not-an-email' }),
            'invalid_request'
        ],
        ['a subject over 255 characters', () => ({ subject: 'x'.repeat(256) }), 'invalid_request'],
        ['an unknown field', () => ({ subject: 'x', userId: 'admin' }), 'invalid_request'],
        [
            'a body over 64 KB',
            () => ({ subject: 'x', description: 'y'.repeat(65 * 1024) }),
            'body_too_large'
        ],
        [
            'an identity token that is not a JWT',
            () => ({ subject: 'x', identityToken: 'abc' }),
            'invalid_identity_token'
        ],
        [
            'an identity token signed with another key',
            async () => ({
                subject: 'x',
                identityToken: await jwt('u1', {
                    secret: 'another-test-secret-of-32-bytes!!'
                })
            }),
            'invalid_identity_token'
        ],
        [
            'an expired identity token',
            async () => ({ subject: 'x', identityToken: await jwt('u1', { expires: '-10m' }) }),
            'invalid_identity_token'
        ],
        [
            'an identity token issued over 10 minutes ago (though not yet expired)',
            async () => ({
                subject: 'x',
                identityToken: await jwt('u1', {
                    expires: '1h',
                    issuedAt: Math.floor(Date.now() / 1000) - 11 * 60
                })
            }),
            'invalid_identity_token'
        ],
        [
            'an identity token claiming a guest id',
            async () => ({ subject: 'x', identityToken: await jwt('guest_someone') }),
            'invalid_identity_token'
        ]
    ];

    it.each(cases)('%s → 400', async (_label, makeBody, code) => {
        const response = await postTicket(stack.url, await makeBody());
        expect(response.status).toBe(400);
        expect(response.body).toEqual({ error: { code, message: expect.any(String) } });
    });

    it('an unsigned ("alg":"none") identity token → 400', async () => {
        const header = Buffer.from(JSON.stringify({ alg: 'none' })).toString('base64url');
        const payload = Buffer.from(JSON.stringify({ sub: 'u1', exp: 9999999999 })).toString(
            'base64url'
        );
        const response = await postTicket(stack.url, {
            subject: 'x',
            identityToken: `${header}.${payload}.`
        });
        expect(response.status).toBe(400);
        expect(response.body.error).toMatchObject({ code: 'invalid_identity_token' });
    });

    it('an invalid Idempotency-Key → 400', async () => {
        const response = await postTicket(
            stack.url,
            { subject: 'x' },
            { 'idempotency-key': 'x'.repeat(256) }
        );
        expect(response.status).toBe(400);
        expect(response.body.error).toMatchObject({ code: 'invalid_idempotency_key' });
    });

    it('a body that is not JSON → 400 with a JSON error', async () => {
        const response = await postTicket(stack.url, 'subject=x', { 'content-type': 'text/plain' });
        expect(response.status).toBe(400);
        expect(response.body.error).toMatchObject({ code: 'unsupported_media_type' });
    });
});

describe('POST /createticket without TICKET_IDENTITY_SECRET', () => {
    it('refuses identity tokens, and still serves guests', async () => {
        const stack = await startTicketStack({ env: { TICKET_IDENTITY_SECRET: undefined } });
        try {
            const rejected = await postTicket(stack.url, {
                subject: 'x',
                identityToken: await jwt('u1')
            });
            expect(rejected.status).toBe(400);
            expect(rejected.body.error).toMatchObject({ code: 'invalid_identity_token' });
            expect(stack.salesforce.calls).toHaveLength(0);
            const guest = await postTicket(stack.url, { subject: 'x' });
            expect(guest.status).toBe(201);
        } finally {
            await stack.close();
        }
    });
});

describe('POST /createticket rate limiting', () => {
    it('answers 429 with a JSON error once a client exceeds its limit', async () => {
        const stack = await startTicketStack({ env: { TICKET_RATE_LIMIT_PER_MINUTE: '2' } });
        try {
            const statuses = [];
            for (let i = 0; i < 3; i++)
                statuses.push((await postTicket(stack.url, { subject: `t${i}` })).status);
            const limited = await postTicket(stack.url, { subject: 'again' });

            expect(statuses).toEqual([201, 201, 429]);
            expect(limited.status).toBe(429);
            expect(limited.body).toEqual({
                error: { code: 'rate_limited', message: expect.any(String) }
            });
            expect(limited.headers.get('retry-after')).toMatch(/^\d+$/);
            expect(stack.salesforce.cases.size).toBe(2);
        } finally {
            await stack.close();
        }
    });
});
