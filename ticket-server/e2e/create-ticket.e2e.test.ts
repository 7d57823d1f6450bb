import { jsonOf } from '../test-support/http-double';
import { signIdentityToken } from '../test-support/identity-token';
import { TEST_SF_CREDENTIALS } from '../test-support/salesforce-double';
import { TEST_APP_ID, postTicket, startTicketStack, type TicketStack } from '../test-support/stack';

/** The happy path over loopback, with the exact requests each upstream receives. */
describe('POST /createticket', () => {
    let stack: TicketStack;

    afterEach(async () => {
        await stack?.close();
    });

    it('upserts the Case on its ticket key, makes the user, the named channel and a session token', async () => {
        stack = await startTicketStack();
        const response = await postTicket(stack.url, {
            subject: 'Printer on fire',
            description: 'It smells of toast.',
            name: 'Ada Lovelace',
            email: 'ada@example.test'
        });

        expect(response.status).toBe(201);
        const caseId = '500000000000001AAA';
        const userId = response.body.userId as string;
        const channelUrl = response.body.channelUrl as string;
        const key = /^ticket_([a-z2-7]{32})$/.exec(channelUrl)?.[1];
        expect(key).toBeDefined();
        expect(userId).toBe(`customer_guest_${key}`);
        expect(response.body).toEqual({
            caseId,
            caseNumber: '00001001',
            channelUrl,
            userId,
            accessToken: 'test-session-token-1',
            chatRefreshToken: expect.any(String),
            appId: TEST_APP_ID
        });
        await stack.settled();

        const sf = stack.salesforce.calls;
        expect(sf.map((c) => `${c.method} ${c.path}${c.query.size ? `?${c.query}` : ''}`)).toEqual([
            'POST /services/oauth2/token',
            'POST /services/data/v65.0/composite',
            `PATCH /services/data/v65.0/sobjects/Case/${caseId}`
        ]);
        expect(Object.fromEntries(new URLSearchParams(sf[0].body))).toEqual({
            grant_type: 'client_credentials',
            client_id: TEST_SF_CREDENTIALS.clientId,
            client_secret: TEST_SF_CREDENTIALS.clientSecret
        });
        expect(sf[1].headers.authorization).toBe('Bearer 00Dtest!session-1');
        expect(jsonOf(sf[1])).toEqual({
            allOrNone: true,
            compositeRequest: [
                {
                    method: 'PATCH',
                    url: `/services/data/v65.0/sobjects/Case/Sendbird_Ticket_Key__c/${key}`,
                    referenceId: 'ticketCase',
                    body: {
                        Subject: 'Printer on fire',
                        Description: 'It smells of toast.',
                        Origin: 'Web',
                        SuppliedName: 'Ada Lovelace',
                        SuppliedEmail: 'ada@example.test',
                        Sendbird_Channel_URL__c: channelUrl,
                        Sendbird_Channel_Missing__c: true
                    }
                },
                {
                    method: 'GET',
                    url: `/services/data/v65.0/sobjects/Case/Sendbird_Ticket_Key__c/${key}?fields=Id,CaseNumber`,
                    referenceId: 'caseNumber'
                }
            ]
        });

        // The user first (alongside the Case); then the channel and the token, side by side,
        // in either order.
        const [user, ...rest] = stack.sendbird.calls;
        const sb = [user, ...rest.sort((a, b) => a.path.localeCompare(b.path))];
        expect(sb.map((c) => `${c.method} ${c.path}`)).toEqual([
            'POST /v3/users',
            'POST /v3/group_channels',
            `POST /v3/users/${userId}/token`
        ]);
        expect(sb.every((c) => c.headers['api-token'] === 'test-api-token')).toBe(true);
        expect(jsonOf(sb[0])).toEqual({
            user_id: userId,
            nickname: 'Ada Lovelace',
            profile_url: ''
        });
        expect(jsonOf(sf[2])).toEqual({ Sendbird_Channel_Missing__c: false });
        expect(stack.salesforce.cases.get(caseId)).toMatchObject({
            Sendbird_Ticket_Key__c: key,
            Sendbird_Channel_URL__c: channelUrl,
            Sendbird_Channel_Missing__c: false
        });
        expect(jsonOf(sb[1])).toEqual({
            channel_url: channelUrl,
            name: 'Ticket 00001001: Printer on fire',
            custom_type: 'salesforce_case',
            data: JSON.stringify({ caseId, caseNumber: '00001001' }),
            user_ids: [userId],
            is_distinct: false
        });
        const expiresAt = jsonOf<{ expires_at: number }>(sb[2]).expires_at;
        expect(expiresAt).toBeGreaterThan(Date.now() + 23 * 3600_000);
        expect(stack.sendbird.channels.get(channelUrl)?.members).toEqual([userId]);
    });

    it('gives every guest a fresh user id', async () => {
        stack = await startTicketStack();
        const first = await postTicket(stack.url, { subject: 'One' });
        const second = await postTicket(stack.url, { subject: 'Two' });
        expect(first.body.userId).not.toEqual(second.body.userId);
        expect(stack.sendbird.users.size).toBe(2);
    });

    it("uses a verified identity token's sub, and accepts a user that already exists", async () => {
        stack = await startTicketStack();
        stack.sendbird.users.set('customer_c-42', { user_id: 'customer_c-42' });
        const identityToken = await signIdentityToken('c-42');
        const response = await postTicket(stack.url, { subject: 'Known customer', identityToken });

        expect(response.status).toBe(201);
        // Always prefixed: a `sub` equal to an agent's id (a Salesforce User Id) cannot reach it.
        expect(response.body.userId).toBe('customer_c-42');
        const channel = jsonOf(stack.sendbird.callsTo('POST', /group_channels/)[0]);
        expect(channel.user_ids).toEqual(['customer_c-42']);
    });

    it('logs in once and reuses the token across requests', async () => {
        stack = await startTicketStack();
        const results = await Promise.all(
            Array.from({ length: 5 }, (_, i) => postTicket(stack.url, { subject: `Ticket ${i}` }))
        );
        await postTicket(stack.url, { subject: 'Later' });

        expect(results.map((r) => r.status)).toEqual([201, 201, 201, 201, 201]);
        expect(stack.salesforce.logins()).toHaveLength(1);
        const bearer = new Set(
            stack.salesforce.callsTo('POST', /composite$/).map((c) => c.headers.authorization)
        );
        expect([...bearer]).toEqual(['Bearer 00Dtest!session-1']);
    });

    it('logs in again once after a 401 INVALID_SESSION_ID and retries the call', async () => {
        stack = await startTicketStack();
        await postTicket(stack.url, { subject: 'Before expiry' });
        await stack.settled();
        stack.salesforce.expireSessions();

        const results = await Promise.all([
            postTicket(stack.url, { subject: 'After expiry A' }),
            postTicket(stack.url, { subject: 'After expiry B' })
        ]);

        expect(results.map((r) => r.status)).toEqual([201, 201]);
        expect(stack.salesforce.logins()).toHaveLength(2);
        expect(stack.salesforce.cases.size).toBe(3);
        const creates = stack.salesforce.callsTo('POST', /composite$/);
        expect(creates.map((c) => c.headers.authorization)).toEqual([
            'Bearer 00Dtest!session-1',
            'Bearer 00Dtest!session-1',
            'Bearer 00Dtest!session-1',
            'Bearer 00Dtest!session-2',
            'Bearer 00Dtest!session-2'
        ]);
    });

    it('gives up after one refresh when the new session is rejected too', async () => {
        stack = await startTicketStack();
        stack.salesforce.inject(
            'POST',
            /composite$/,
            {
                status: 401,
                body: [{ message: 'Session expired or invalid', errorCode: 'INVALID_SESSION_ID' }]
            },
            2
        );

        const response = await postTicket(stack.url, { subject: 'Never authorised' });

        expect(response.status).toBe(502);
        expect(response.body).toEqual({
            error: { code: 'salesforce_unavailable', message: expect.any(String) }
        });
        expect(stack.salesforce.logins()).toHaveLength(2);
        expect(stack.salesforce.callsTo('POST', /composite$/)).toHaveLength(2);
        expect(stack.sendbird.callsTo('POST', /group_channels|token$/)).toHaveLength(0);
    });

    it('uses the username-password flow when SF_USERNAME and SF_PASSWORD are set', async () => {
        stack = await startTicketStack({
            env: {
                SF_USERNAME: TEST_SF_CREDENTIALS.username,
                SF_PASSWORD: TEST_SF_CREDENTIALS.password
            }
        });
        const response = await postTicket(stack.url, { subject: 'Password flow' });

        expect(response.status).toBe(201);
        const [login] = stack.salesforce.logins();
        expect(Object.fromEntries(new URLSearchParams(login.body))).toEqual({
            grant_type: 'password',
            username: TEST_SF_CREDENTIALS.username,
            password: TEST_SF_CREDENTIALS.password,
            client_id: TEST_SF_CREDENTIALS.clientId,
            client_secret: TEST_SF_CREDENTIALS.clientSecret
        });
    });

    it('answers 502 without calling Sendbird when the OAuth login is refused', async () => {
        stack = await startTicketStack({ env: { SF_CLIENT_SECRET: 'wrong-test-secret' } });
        const response = await postTicket(stack.url, { subject: 'Bad secret' });

        expect(response.status).toBe(502);
        expect(response.body.error).toMatchObject({ code: 'salesforce_unavailable' });
        expect(stack.sendbird.callsTo('POST', /group_channels|token$/)).toHaveLength(0);
    });

    it('serves /healthz', async () => {
        stack = await startTicketStack();
        const response = await fetch(`${stack.url}/healthz`);
        expect(response.status).toBe(200);
        await expect(response.json()).resolves.toEqual({
            status: 'ok',
            store: 'memory',
            warnings: []
        });
    });

    it("sends helmet's security headers on every response, pages and API alike", async () => {
        stack = await startTicketStack();
        const ticket = await fetch(`${stack.url}/createticket`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ subject: 'Headers' })
        });
        for (const response of [ticket, await fetch(`${stack.url}/`)]) {
            expect(response.headers.get('content-security-policy')).toContain(
                "connect-src 'self' https://api-test-app-id.sendbird.com wss://ws-test-app-id.sendbird.com"
            );
            expect(response.headers.get('content-security-policy')).toContain(
                "frame-ancestors 'self'"
            );
            expect(response.headers.get('x-content-type-options')).toBe('nosniff');
            expect(response.headers.get('strict-transport-security')).toMatch(/^max-age=/);
            expect(response.headers.get('x-frame-options')).toBeNull();
        }
    });
});
