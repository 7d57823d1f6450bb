import { jsonOf } from '../test-support/http-double';
import { signIdentityToken } from '../test-support/identity-token';
import { sendbirdError } from '../test-support/sendbird-double';
import { postTicket, startTicketStack, type TicketStack } from '../test-support/stack';

const CHANNELS = /^\/v3\/group_channels$/;
const CASE_ID = '500000000000001AAA';

/** Sendbird failing after the Case exists: retried with backoff, else 502 and the Case flagged. */
describe('POST /createticket when the channel step fails', () => {
    let stack: TicketStack;

    beforeEach(async () => {
        stack = await startTicketStack();
    });

    afterEach(async () => {
        await stack.close();
    });

    const missingFlag = () => stack.salesforce.cases.get(CASE_ID)?.Sendbird_Channel_Missing__c;

    it('retries a 5xx and a timeout, then succeeds and clears the flag the Case was born with', async () => {
        stack.sendbird.inject('POST', CHANNELS, {
            status: 503,
            body: { error: true, code: 500901, message: 'busy' }
        });
        stack.sendbird.inject('POST', CHANNELS, 'timeout');

        const response = await postTicket(stack.url, { subject: 'Flaky' });
        await stack.settled();

        expect(response.status).toBe(201);
        expect(stack.sendbird.callsTo('POST', CHANNELS)).toHaveLength(3);
        expect(stack.sendbird.channels.has(response.body.channelUrl as string)).toBe(true);
        expect(missingFlag()).toBe(false);
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
    });

    it('answers 502 with the caseId, leaving the Case flagged, when the channel keeps failing', async () => {
        stack.sendbird.inject(
            'POST',
            CHANNELS,
            { status: 500, body: { error: true, code: 500901, message: 'down' } },
            10
        );

        const response = await postTicket(stack.url, { subject: 'Sendbird down' });
        await stack.settled();

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
        // Flagged in the same write that made the Case: no second call was needed (or possible).
        expect(missingFlag()).toBe(true);
        expect(stack.salesforce.callsTo('PATCH')).toHaveLength(0);
    });

    it('leaves the Case flagged when the Sendbird user cannot be created, and tries no channel', async () => {
        stack.sendbird.inject('POST', /^\/v3\/users$/, { status: 503 }, 10);

        const response = await postTicket(stack.url, { subject: 'No user' });

        expect(response.status).toBe(502);
        expect(response.body.error).toMatchObject({ code: 'channel_unavailable', caseId: CASE_ID });
        expect(stack.sendbird.callsTo('POST', /^\/v3\/users$/)).toHaveLength(3);
        expect(stack.sendbird.callsTo('POST', /group_channels|token$/)).toHaveLength(0);
        expect(missingFlag()).toBe(true);
    });

    it('does not retry a 4xx that would fail again', async () => {
        stack.sendbird.inject(
            'POST',
            CHANNELS,
            sendbirdError(400, 400111, '"channel_url" is invalid.'),
            10
        );

        const response = await postTicket(stack.url, { subject: 'Bad request' });

        expect(response.status).toBe(502);
        expect(stack.sendbird.callsTo('POST', CHANNELS)).toHaveLength(1);
        expect(missingFlag()).toBe(true);
    });

    it('gives up at once when a 429 asks for a longer wait than a request can hold', async () => {
        stack.sendbird.inject('POST', CHANNELS, {
            ...sendbirdError(429, 500910, 'Too many requests.'),
            headers: { 'X-RateLimit-RetryAfter': '60' }
        });

        const started = Date.now();
        const response = await postTicket(stack.url, { subject: 'Long wait' });

        expect(response.status).toBe(502);
        expect(Date.now() - started).toBeLessThan(2000);
        expect(stack.sendbird.callsTo('POST', CHANNELS)).toHaveLength(1);
    });

    it('answers 502 and clears the flag when only the session token fails (the channel exists)', async () => {
        stack.sendbird.inject('POST', /token$/, { status: 503 }, 10);

        const response = await postTicket(stack.url, { subject: 'No token' });
        await stack.settled();

        expect(response.status).toBe(502);
        expect(response.body.error).toMatchObject({ code: 'session_unavailable', caseId: CASE_ID });
        expect(stack.sendbird.channels.size).toBe(1);
        expect(missingFlag()).toBe(false);
    });

    it('completes a failed ticket when it is retried with its key: same Case, same channel, same user', async () => {
        stack.sendbird.inject('POST', CHANNELS, { status: 503 }, 3);
        const key = { 'idempotency-key': 'key-channel-later' };

        const first = await postTicket(stack.url, { subject: 'Channel later' }, key);
        const retry = await postTicket(stack.url, { subject: 'Channel later' }, key);
        const replay = await postTicket(stack.url, { subject: 'Channel later' }, key);
        await stack.settled();

        expect(first.status).toBe(502);
        expect(first.body.error).toMatchObject({ code: 'channel_unavailable', caseId: CASE_ID });
        expect(retry.status).toBe(201);
        expect(retry.headers.get('idempotent-replayed')).toBeNull();
        expect(retry.body).toMatchObject({ caseId: CASE_ID, caseNumber: '00001001' });
        expect(stack.sendbird.channels.get(retry.body.channelUrl as string)?.members).toEqual([
            retry.body.userId
        ]);
        expect(replay.body).toEqual(retry.body);
        expect(replay.headers.get('idempotent-replayed')).toBe('true');
        expect(stack.salesforce.cases.size).toBe(1);
        expect(stack.sendbird.users.size).toBe(1);
        expect(missingFlag()).toBe(false);
    });

    it('creates no channel and no token when the Case cannot be saved', async () => {
        // Twice: the server itself repeats a 5xx of the Case upsert once.
        stack.salesforce.inject(
            'POST',
            /composite$/,
            {
                status: 500,
                body: [{ errorCode: 'UNKNOWN_EXCEPTION', message: 'An unexpected error occurred' }]
            },
            2
        );

        const response = await postTicket(stack.url, { subject: 'Salesforce down' });

        expect(response.status).toBe(502);
        expect(response.body.error).toMatchObject({ code: 'salesforce_unavailable' });
        expect(response.body.error).not.toHaveProperty('caseId');
        expect(stack.salesforce.cases.size).toBe(0);
        // The user made alongside stays: its id is the ticket's, so a retry reuses it.
        expect(stack.sendbird.calls.map((c) => `${c.method} ${c.path}`)).toEqual([
            'POST /v3/users'
        ]);
    });

    it("keeps a signed-in customer's user when the Case fails (their next ticket reuses it)", async () => {
        stack.salesforce.inject('POST', /composite$/, { status: 500 }, 2);
        const identityToken = await signIdentityToken('c-7');

        const response = await postTicket(stack.url, { subject: 'Known', identityToken });

        expect(response.status).toBe(502);
        expect(stack.sendbird.users.has('customer_c-7')).toBe(true);
    });

    it('treats a failed composite subrequest (rolled back by Salesforce) as no Case', async () => {
        // As Salesforce answers an all-or-none composite whose second subrequest failed.
        const halted = [{ errorCode: 'PROCESSING_HALTED', message: 'rolled back' }];
        stack.salesforce.inject('POST', /composite$/, {
            status: 200,
            body: {
                compositeResponse: [
                    { body: halted, httpStatusCode: 400, referenceId: 'ticketCase' },
                    {
                        body: [{ errorCode: 'INVALID_FIELD', message: 'No such column' }],
                        httpStatusCode: 400,
                        referenceId: 'caseNumber'
                    }
                ]
            }
        });

        const response = await postTicket(stack.url, { subject: 'Rolled back' });

        expect(response.status).toBe(502);
        expect(response.body.error).toMatchObject({ code: 'salesforce_unavailable' });
        expect(stack.salesforce.cases.size).toBe(0);
        expect(stack.logs.text()).toContain('INVALID_FIELD: No such column');
        const composite = jsonOf<{ allOrNone: boolean }>(
            stack.salesforce.callsTo('POST', /composite$/)[0]
        );
        expect(composite.allOrNone).toBe(true);
    });
});
