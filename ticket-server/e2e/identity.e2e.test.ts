import { signIdentityToken } from '../test-support/identity-token';
import { postTicket, startTicketStack, type TicketStack } from '../test-support/stack';

async function postJson(url: string, body: unknown, headers: Record<string, string> = {}) {
    const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify(body)
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe('customer identities, page sessions and chat tokens', () => {
    let stack: TicketStack;

    afterEach(async () => {
        await stack.close();
    });

    it('refuses guest tickets with a 401 JSON error under TICKET_REQUIRE_IDENTITY=true', async () => {
        stack = await startTicketStack({ env: { TICKET_REQUIRE_IDENTITY: 'true' } });
        const guest = await postTicket(stack.url, { subject: 'Anonymous' });
        const signedIn = await postTicket(stack.url, {
            subject: 'Known',
            identityToken: await signIdentityToken('c-1')
        });

        expect(guest.status).toBe(401);
        expect(guest.body).toEqual({
            error: { code: 'identity_required', message: expect.any(String) }
        });
        expect(signedIn.status).toBe(201);
        expect(stack.salesforce.cases.size).toBe(1);
    });

    it('exchanges an identity token for a page session that outlives the 10-minute token age', async () => {
        stack = await startTicketStack();
        const issuedAt = Math.floor(Date.now() / 1000) - 9 * 60;
        const session = await postJson(`${stack.url}/session`, {
            identityToken: await signIdentityToken('c-2', { issuedAt, expires: '1h' })
        });
        expect(session.status).toBe(200);
        expect(session.body.expiresAt).toBeGreaterThan(Date.now() + 3 * 3600_000);

        const ticket = await postTicket(stack.url, {
            subject: 'Wrote for a long time',
            sessionToken: session.body.sessionToken
        });
        expect(ticket.status).toBe(201);
        expect(ticket.body.userId).toBe('customer_c-2');

        // An identity token is not a page session, nor the other way round.
        const swapped = await postTicket(stack.url, {
            subject: 'x',
            sessionToken: await signIdentityToken('c-2')
        });
        expect(swapped.status).toBe(400);
        expect(swapped.body.error).toMatchObject({ code: 'invalid_page_session' });
    });

    it('refreshes the chat token of a ticket with its chat refresh token, and nothing else', async () => {
        stack = await startTicketStack();
        const ticket = await postTicket(stack.url, { subject: 'Long chat' });
        const refreshed = await postJson(`${stack.url}/chat-token`, {
            chatRefreshToken: ticket.body.chatRefreshToken
        });
        expect(refreshed.status).toBe(200);
        expect(refreshed.body.accessToken).toMatch(/^test-session-token-\d+$/);
        expect(refreshed.body.accessToken).not.toBe(ticket.body.accessToken);
        const calls = stack.sendbird.callsTo('POST', /token$/);
        expect(calls.at(-1)?.path).toBe(`/v3/users/${ticket.body.userId}/token`);

        const forged = await postJson(`${stack.url}/chat-token`, {
            chatRefreshToken: await signIdentityToken(String(ticket.body.userId))
        });
        expect(forged.status).toBe(400);
        expect(stack.sendbird.callsTo('POST', /token$/)).toHaveLength(calls.length);
    });

    it('warns in the log and /healthz when X-Forwarded-For arrives with no trusted proxy hop', async () => {
        stack = await startTicketStack();
        await postTicket(
            stack.url,
            { subject: 'Via proxy' },
            { 'x-forwarded-for': '198.51.100.9' }
        );
        const health = (await (await fetch(`${stack.url}/healthz`)).json()) as {
            warnings: string[];
        };
        expect(health.warnings).toEqual([expect.stringContaining('TRUST_PROXY_HOPS is 0')]);
        expect(stack.logs.text()).toContain('Requests carry X-Forwarded-For');
    });

    it('limits IPv6 clients per /64', async () => {
        stack = await startTicketStack({
            env: { TRUST_PROXY_HOPS: '1', TICKET_RATE_LIMIT_PER_MINUTE: '2' }
        });
        const from = (ip: string) => ({ 'x-forwarded-for': ip });
        const statuses = [];
        for (const ip of ['2001:db8:1:2::1', '2001:db8:1:2::2', '2001:db8:1:2:ffff::3']) {
            statuses.push((await postTicket(stack.url, { subject: 'v6' }, from(ip))).status);
        }
        const otherNetwork = await postTicket(
            stack.url,
            { subject: 'v6' },
            from('2001:db8:9:9::1')
        );
        expect(statuses).toEqual([201, 201, 429]);
        expect(otherNetwork.status).toBe(201);
    });

    it('caps guest tickets over all addresses (TICKET_GUEST_TICKETS_PER_MINUTE)', async () => {
        stack = await startTicketStack({
            env: { TRUST_PROXY_HOPS: '1', TICKET_GUEST_TICKETS_PER_MINUTE: '2' }
        });
        const results = [];
        for (const ip of ['198.51.100.1', '198.51.100.2', '198.51.100.3']) {
            results.push(
                await postTicket(stack.url, { subject: 'Guest' }, { 'x-forwarded-for': ip })
            );
        }
        const signedIn = await postTicket(stack.url, {
            subject: 'Known',
            identityToken: await signIdentityToken('c-3')
        });
        expect(results.map((r) => r.status)).toEqual([201, 201, 429]);
        expect(signedIn.status).toBe(201);
        expect(stack.salesforce.cases.size).toBe(3);
    });
});
