import { signIdentityToken } from '../test-support/identity-token';
import { postTicket, startTicketStack, type TicketStack } from '../test-support/stack';

/** The same Idempotency-Key within 24 h gives the first answer and creates nothing more. */
describe('POST /createticket with an Idempotency-Key', () => {
    let stack: TicketStack;

    beforeEach(async () => {
        stack = await startTicketStack();
    });

    afterEach(async () => {
        await stack.close();
    });

    const ticket = { subject: 'Once only', email: 'once@example.test' };

    it('replays the first 201 for a repeated request', async () => {
        const key = { 'idempotency-key': 'key-replay-1' };
        const first = await postTicket(stack.url, ticket, key);
        const again = await postTicket(
            stack.url,
            { email: 'once@example.test', subject: 'Once only' },
            key
        );

        expect(first.status).toBe(201);
        expect(again.status).toBe(201);
        expect(again.body).toEqual(first.body);
        expect(again.headers.get('idempotent-replayed')).toBe('true');
        expect(stack.salesforce.cases.size).toBe(1);
        expect(stack.sendbird.channels.size).toBe(1);
        expect(stack.sendbird.callsTo('POST', /token$/)).toHaveLength(1);
    });

    it('makes concurrent duplicates wait for and share the first result', async () => {
        stack.salesforce.latencyMs = 50;
        const key = { 'idempotency-key': 'key-concurrent-1' };
        const responses = await Promise.all(
            Array.from({ length: 10 }, () => postTicket(stack.url, ticket, key))
        );

        expect(new Set(responses.map((r) => r.status))).toEqual(new Set([201]));
        expect(new Set(responses.map((r) => JSON.stringify(r.body))).size).toBe(1);
        expect(stack.salesforce.cases.size).toBe(1);
        expect(stack.sendbird.callsTo('POST', /group_channels$/)).toHaveLength(1);
    });

    it('replays a 502 after the Case exists, instead of creating a second Case', async () => {
        stack.sendbird.inject('POST', /group_channels$/, { status: 500 }, 10);
        const key = { 'idempotency-key': 'key-502' };
        const first = await postTicket(stack.url, ticket, key);
        const again = await postTicket(stack.url, ticket, key);

        expect(first.status).toBe(502);
        expect(again.status).toBe(502);
        expect(again.body).toEqual(first.body);
        expect(stack.salesforce.cases.size).toBe(1);
    });

    it('runs again after a failure that created nothing', async () => {
        // Twice: the server itself repeats a 5xx of the Case upsert once.
        stack.salesforce.inject('POST', /composite$/, { status: 503, body: [] }, 2);
        const key = { 'idempotency-key': 'key-retry-after-nothing' };
        const first = await postTicket(stack.url, ticket, key);
        const again = await postTicket(stack.url, ticket, key);

        expect(first.status).toBe(502);
        expect(again.status).toBe(201);
        expect(stack.salesforce.cases.size).toBe(1);
    });

    it('refuses the key with a different body (422), creating nothing', async () => {
        const key = { 'idempotency-key': 'key-reused' };
        await postTicket(stack.url, ticket, key);
        const other = await postTicket(stack.url, { subject: 'Something else' }, key);

        expect(other.status).toBe(422);
        expect(other.body.error).toMatchObject({ code: 'idempotency_key_reused' });
        expect(stack.salesforce.cases.size).toBe(1);
    });

    it('keeps different keys apart', async () => {
        await postTicket(stack.url, ticket, { 'idempotency-key': 'key-a' });
        await postTicket(stack.url, ticket, { 'idempotency-key': 'key-b' });
        expect(stack.salesforce.cases.size).toBe(2);
    });
});

/**
 * Keys are scoped to the caller: a replay carries a session token, so another caller who sends
 * the same key and body must get a ticket of their own, not the first caller's answer.
 */
describe('POST /createticket Idempotency-Key scope', () => {
    let stack: TicketStack;

    afterEach(async () => {
        await stack.close();
    });

    const ticket = { subject: 'Same words', email: 'same@example.test' };

    it('keeps two signed-in customers apart, and lets one retry with a freshly signed token', async () => {
        stack = await startTicketStack();
        const key = { 'idempotency-key': 'key-shared' };
        const alice = await postTicket(
            stack.url,
            { ...ticket, identityToken: await signIdentityToken('alice') },
            key
        );
        const bob = await postTicket(
            stack.url,
            { ...ticket, identityToken: await signIdentityToken('bob') },
            key
        );
        const aliceAgain = await postTicket(
            stack.url,
            { ...ticket, identityToken: await signIdentityToken('alice', { expires: '6m' }) },
            key
        );

        expect([alice.status, bob.status]).toEqual([201, 201]);
        expect(bob.body.userId).toBe('customer_bob');
        expect(bob.body.caseId).not.toBe(alice.body.caseId);
        expect(bob.body.accessToken).not.toBe(alice.body.accessToken);
        expect(bob.headers.get('idempotent-replayed')).toBeNull();
        expect(aliceAgain.body).toEqual(alice.body);
        expect(aliceAgain.headers.get('idempotent-replayed')).toBe('true');
        expect(stack.salesforce.cases.size).toBe(2);
    });

    it('keeps guests at different client addresses apart', async () => {
        stack = await startTicketStack({ env: { TRUST_PROXY_HOPS: '1' } });
        const from = (ip: string) => ({ 'idempotency-key': 'key-guest', 'x-forwarded-for': ip });
        const first = await postTicket(stack.url, ticket, from('198.51.100.7'));
        const other = await postTicket(stack.url, ticket, from('203.0.113.9'));
        const again = await postTicket(stack.url, ticket, from('198.51.100.7'));

        expect(other.status).toBe(201);
        expect(other.body.userId).not.toBe(first.body.userId);
        expect(other.body.accessToken).not.toBe(first.body.accessToken);
        expect(again.body).toEqual(first.body);
        expect(stack.salesforce.cases.size).toBe(2);
    });
});
