import { jsonOf } from '../test-support/http-double';
import { signIdentityToken } from '../test-support/identity-token';
import { sendbirdError } from '../test-support/sendbird-double';
import { postTicket, startTicketStack, type TicketStack } from '../test-support/stack';

const CHANNELS = /^\/v3\/group_channels$/;
const CASE_ID = '500000000000001AAA';

/** Sendbird failing after the Case exists: retried with backoff, else 502 and the Case marked. */
describe('POST /createticket when the channel step fails', () => {
    let stack: TicketStack;

    beforeEach(async () => {
        stack = await startTicketStack();
    });

    afterEach(async () => {
        await stack.close();
    });

    it('retries a 5xx and a timeout, then succeeds', async () => {
        stack.sendbird.inject('POST', CHANNELS, {
            status: 503,
            body: { error: true, code: 500901, message: 'busy' }
        });
        stack.sendbird.inject('POST', CHANNELS, 'timeout');

        const response = await postTicket(stack.url, { subject: 'Flaky' });

        expect(response.status).toBe(201);
        expect(stack.sendbird.callsTo('POST', CHANNELS)).toHaveLength(3);
        expect(stack.sendbird.channels.has(CASE_ID)).toBe(true);
        expect(stack.salesforce.callsTo('PATCH')).toHaveLength(0);
    });

    it('waits as long as a 429 X-RateLimit-RetryAfter says before retrying', async () => {
        stack.sendbird.inject('POST', CHANNELS, {
            ...sendbirdError(429, 500910, 'Too many requests.'),
            headers: { 'X-RateLimit-RetryAfter': '1' }
        });

        const response = await postTicket(stack.url, { subject: 'Rate limited' });

        expect(response.status).toBe(201);
        const [first, second] = stack.sendbird.callsTo('POST', CHANNELS).map((c) => c.receivedAt);
        expect(second - first).toBeGreaterThanOrEqual(950);
    });

    it('counts "already exists" (400202) on a retried create as success', async () => {
        // The first attempt creates the channel, but its answer is lost on the way back.
        stack.sendbird.inject('POST', CHANNELS, 'lose-answer');

        const response = await postTicket(stack.url, { subject: 'Lost answer' });

        expect(response.status).toBe(201);
        expect(stack.sendbird.callsTo('POST', CHANNELS)).toHaveLength(2);
        expect(stack.sendbird.channels.size).toBe(1);
        expect(stack.salesforce.callsTo('PATCH')).toHaveLength(0);
    });

    it('answers 502 with the caseId and marks the Case when the channel keeps failing', async () => {
        stack.sendbird.inject(
            'POST',
            CHANNELS,
            { status: 500, body: { error: true, code: 500901, message: 'down' } },
            10
        );

        const response = await postTicket(stack.url, { subject: 'Sendbird down' });

        expect(response.status).toBe(502);
        expect(response.body).toEqual({
            error: {
                code: 'channel_unavailable',
                message: expect.stringContaining('00001001'),
                caseId: CASE_ID,
                caseNumber: '00001001'
            }
        });
        expect(stack.sendbird.callsTo('POST', CHANNELS)).toHaveLength(3);
        expect(stack.salesforce.cases.get(CASE_ID)?.Sendbird_Channel_Missing__c).toBe(true);
        const [mark] = stack.salesforce.callsTo('PATCH');
        expect(mark.path).toBe(`/services/data/v65.0/sobjects/Case/${CASE_ID}`);
        expect(JSON.parse(mark.body)).toEqual({ Sendbird_Channel_Missing__c: true });
    });

    it('marks the Case when the Sendbird user cannot be created, and tries no channel', async () => {
        stack.sendbird.inject('POST', /^\/v3\/users$/, { status: 503 }, 10);

        const response = await postTicket(stack.url, { subject: 'No user' });

        expect(response.status).toBe(502);
        expect(response.body.error).toMatchObject({ code: 'channel_unavailable', caseId: CASE_ID });
        expect(stack.sendbird.callsTo('POST', /^\/v3\/users$/)).toHaveLength(3);
        expect(stack.sendbird.callsTo('POST', /group_channels|token$/)).toHaveLength(0);
        expect(stack.salesforce.cases.get(CASE_ID)?.Sendbird_Channel_Missing__c).toBe(true);
    });

    it('does not retry a 4xx that would fail again, and marks the Case', async () => {
        stack.sendbird.inject(
            'POST',
            CHANNELS,
            sendbirdError(400, 400111, '"channel_url" is invalid.')
        );

        const response = await postTicket(stack.url, { subject: 'Rejected' });

        expect(response.status).toBe(502);
        expect(stack.sendbird.callsTo('POST', CHANNELS)).toHaveLength(1);
        expect(stack.salesforce.cases.get(CASE_ID)?.Sendbird_Channel_Missing__c).toBe(true);
    });

    it('gives up at once when a 429 asks for a longer wait than a request can hold', async () => {
        stack.sendbird.inject('POST', CHANNELS, {
            ...sendbirdError(429, 500910, 'Too many requests.'),
            headers: { 'X-RateLimit-RetryAfter': '60' }
        });

        const started = Date.now();
        const response = await postTicket(stack.url, { subject: 'Long wait' });

        expect(response.status).toBe(502);
        // Far below the 60 s asked for, with room for a loaded CI machine.
        expect(Date.now() - started).toBeLessThan(20_000);
        expect(stack.sendbird.callsTo('POST', CHANNELS)).toHaveLength(1);
    });

    it('answers 502 without marking when only the session token fails (the channel exists)', async () => {
        stack.sendbird.inject('POST', /token$/, { status: 503 }, 10);

        const response = await postTicket(stack.url, { subject: 'No token' });

        expect(response.status).toBe(502);
        expect(response.body.error).toMatchObject({ code: 'session_unavailable', caseId: CASE_ID });
        expect(stack.sendbird.channels.has(CASE_ID)).toBe(true);
        expect(stack.salesforce.callsTo('PATCH')).toHaveLength(0);
    });

    it('resumes at the session token when a token-only failure is retried with its key', async () => {
        // Three attempts fail the first request; the fourth, the retry's, gets through.
        stack.sendbird.inject('POST', /token$/, { status: 503 }, 3);
        const key = { 'idempotency-key': 'key-token-only' };

        const first = await postTicket(stack.url, { subject: 'Token later' }, key);
        const retry = await postTicket(stack.url, { subject: 'Token later' }, key);
        const replay = await postTicket(stack.url, { subject: 'Token later' }, key);

        expect(first.status).toBe(502);
        expect(first.body.error).toMatchObject({ code: 'session_unavailable', caseId: CASE_ID });
        expect(retry.status).toBe(201);
        expect(retry.headers.get('idempotent-replayed')).toBeNull();
        expect(retry.body).toMatchObject({
            caseId: CASE_ID,
            channelUrl: CASE_ID,
            accessToken: 'test-session-token-1'
        });
        // The same guest as the first attempt: the one member of the channel.
        expect(stack.sendbird.channels.get(CASE_ID)?.members).toEqual([retry.body.userId]);
        expect(replay.status).toBe(201);
        expect(replay.body).toEqual(retry.body);
        expect(replay.headers.get('idempotent-replayed')).toBe('true');
        // Nothing before the token ran again.
        expect(stack.salesforce.cases.size).toBe(1);
        expect(stack.salesforce.callsTo('POST', /composite$/)).toHaveLength(1);
        expect(stack.sendbird.callsTo('POST', /^\/v3\/users$/)).toHaveLength(1);
        expect(stack.sendbird.callsTo('POST', CHANNELS)).toHaveLength(1);
        expect(stack.sendbird.callsTo('POST', /token$/)).toHaveLength(4);
    });

    it('creates no channel and no token when the Case cannot be created', async () => {
        stack.salesforce.inject('POST', /composite$/, {
            status: 500,
            body: [{ errorCode: 'UNKNOWN_EXCEPTION', message: 'An unexpected error occurred' }]
        });

        const response = await postTicket(stack.url, { subject: 'Salesforce down' });

        expect(response.status).toBe(502);
        expect(response.body.error).toMatchObject({ code: 'salesforce_unavailable' });
        expect(response.body.error).not.toHaveProperty('caseId');
        // The guest user made alongside the Case is deleted again: no orphan Sendbird user.
        const userId = jsonOf<{ user_id: string }>(stack.sendbird.calls[0]).user_id;
        expect(stack.sendbird.calls.map((c) => `${c.method} ${c.path}`)).toEqual([
            'POST /v3/users',
            `DELETE /v3/users/${userId}`
        ]);
        expect(stack.sendbird.users.size).toBe(0);
    });

    it("keeps a signed-in customer's user when the Case fails (their next ticket reuses it)", async () => {
        stack.salesforce.inject('POST', /composite$/, { status: 503, body: [] });
        const identityToken = await signIdentityToken('customer-42');

        const response = await postTicket(stack.url, { subject: 'Down', identityToken });

        expect(response.status).toBe(502);
        expect(stack.sendbird.callsTo('DELETE')).toHaveLength(0);
        expect(stack.sendbird.users.has('customer-42')).toBe(true);
    });

    it('still answers 502 when the orphan guest cannot be deleted, and logs it', async () => {
        stack.salesforce.inject('POST', /composite$/, { status: 503, body: [] });
        stack.sendbird.inject('DELETE', /^\/v3\/users\//, { status: 503 }, 10);

        const response = await postTicket(stack.url, { subject: 'Both down' });

        expect(response.status).toBe(502);
        expect(response.body.error).toMatchObject({ code: 'salesforce_unavailable' });
        expect(stack.sendbird.callsTo('DELETE')).toHaveLength(3);
        expect(stack.logs.text()).toContain(
            'could not delete the Sendbird user of a failed ticket'
        );
    });

    it('treats a failed composite subrequest (rolled back by Salesforce) as no Case', async () => {
        const halted = [
            { errorCode: 'PROCESSING_HALTED', message: 'The transaction was rolled back.' }
        ];
        stack.salesforce.inject('POST', /composite$/, {
            status: 200,
            body: {
                compositeResponse: [
                    { body: halted, httpStatusCode: 400, referenceId: 'newCase' },
                    {
                        body: [
                            {
                                errorCode: 'INSUFFICIENT_ACCESS',
                                message: 'insufficient access rights on object id'
                            }
                        ],
                        httpStatusCode: 403,
                        referenceId: 'caseNumber'
                    }
                ]
            }
        });

        const response = await postTicket(stack.url, { subject: 'Cannot read back' });

        expect(response.status).toBe(502);
        expect(response.body.error).toMatchObject({ code: 'salesforce_unavailable' });
        expect(stack.sendbird.callsTo('POST', /group_channels|token$/)).toHaveLength(0);
        expect(stack.sendbird.users.size).toBe(0);
        expect(stack.logs.text()).toContain('INSUFFICIENT_ACCESS');
    });
});
