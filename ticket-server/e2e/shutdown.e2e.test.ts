import { drainAndClose } from '../src/shutdown';
import { postTicket, startTicketStack, type TicketStack } from '../test-support/stack';

/** SIGTERM's drain: /healthz says draining, in-flight requests finish, a deadline bounds it. */
describe('ticket server shutdown', () => {
    let stack: TicketStack;

    afterEach(async () => {
        await Promise.all([stack.salesforce.close(), stack.sendbird.close()]);
    });

    it('reports draining on /healthz and lets an in-flight ticket finish', async () => {
        stack = await startTicketStack();
        // Below FAST_RETRIES' 3 s attempt timeout, so the ticket is slow, not failing.
        stack.sendbird.latencyMs = 200;
        // A kept-alive connection, as a load balancer's health check holds one.
        const inFlight = postTicket(stack.url, { subject: 'In flight' });
        await new Promise((r) => setTimeout(r, 100));

        const closing = drainAndClose(stack.app, 10_000);
        const health = await fetch(`${stack.url}/healthz`).then(
            async (r) => ({ status: r.status, body: await r.json() }),
            () => undefined
        );

        const finished = await inFlight;
        expect(finished.status).toBe(201);
        expect(await closing).toBe('clean');
        // Either it answered "draining" on a kept-alive connection, or it no longer listens.
        if (health)
            expect(health).toEqual({
                status: 503,
                body: expect.objectContaining({ status: 'draining' })
            });
        await expect(fetch(`${stack.url}/healthz`)).rejects.toThrow();
    });

    it('gives up on a hung request at the deadline', async () => {
        stack = await startTicketStack();
        stack.sendbird.inject('POST', /^\/v3\/users$/, 'timeout', 10);
        const hung = postTicket(stack.url, { subject: 'Hung' }).catch((error: Error) => error);
        await new Promise((r) => setTimeout(r, 150));

        const started = Date.now();
        expect(await drainAndClose(stack.app, 300)).toBe('deadline');
        expect(Date.now() - started).toBeLessThan(2_000);
        expect(String(await hung)).toMatch(/fetch failed/);
    });
});
