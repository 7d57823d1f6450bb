import { postTicket, startTicketStack, type TicketStack } from '../test-support/stack';

const TOKEN = /^\/services\/oauth2\/token$/;
const COMPOSITE = /composite$/;

/** A hung Salesforce (no answer at all) costs one bounded wait, never a stalled server. */
describe('POST /createticket when Salesforce does not answer', () => {
    let stack: TicketStack;

    beforeEach(async () => {
        stack = await startTicketStack({ env: { SF_TIMEOUT_MS: '300' } });
    });

    afterEach(async () => {
        await stack.close();
    });

    it('gives up on a hung login after SF_TIMEOUT_MS, forgets it, and logs in afresh next time', async () => {
        stack.salesforce.inject('POST', TOKEN, 'timeout');
        const key = { 'idempotency-key': 'key-hung-login' };

        const started = Date.now();
        const [first, concurrent] = await Promise.all([
            postTicket(stack.url, { subject: 'Hung login' }, key),
            postTicket(stack.url, { subject: 'Another customer' })
        ]);
        const waited = Date.now() - started;

        // Both requests shared the one hung login and were let go when it timed out.
        expect(first.status).toBe(502);
        expect(first.body.error).toMatchObject({ code: 'salesforce_unavailable' });
        expect(concurrent.status).toBe(502);
        expect(waited).toBeGreaterThanOrEqual(250);
        // A hang would last until the test's own timeout (30 s); the margin is for loaded machines.
        expect(waited).toBeLessThan(10_000);
        expect(stack.salesforce.logins()).toHaveLength(1);
        expect(stack.sendbird.callsTo('POST', /group_channels|token$/)).toHaveLength(0);
        // The key was left to retry and the timed-out login forgotten: the retry logs in again.
        const retry = await postTicket(stack.url, { subject: 'Hung login' }, key);
        expect(retry.status).toBe(201);
        expect(stack.salesforce.logins()).toHaveLength(2);
        expect(stack.salesforce.cases.size).toBe(1);
    });

    it('gives up on a Case call that never answers after SF_TIMEOUT_MS (asked twice: an upsert may be)', async () => {
        stack.salesforce.inject('POST', COMPOSITE, 'timeout', 2);

        const started = Date.now();
        const response = await postTicket(stack.url, { subject: 'Hung Case' });

        expect(response.status).toBe(502);
        expect(response.body.error).toMatchObject({ code: 'salesforce_unavailable' });
        expect(Date.now() - started).toBeLessThan(10_000);
        expect(stack.sendbird.callsTo('POST', /group_channels|token$/)).toHaveLength(0);
        expect(stack.salesforce.callsTo('POST', COMPOSITE)).toHaveLength(2);
        expect(stack.logs.text()).toContain('could not upsert the Case');

        const next = await postTicket(stack.url, { subject: 'After the hang' });
        expect(next.status).toBe(201);
    });
});
