import { once } from 'node:events';
import net from 'node:net';
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
        const inFlight = postTicket(stack.url, { subject: 'In flight' });
        // A health check already on the wire when the drain starts, as a load balancer's is:
        // half its request is sent, so the connection is busy and close() keeps it open.
        const health = await startHealthCheck(stack.url);
        await new Promise((r) => setTimeout(r, 100));

        const closing = drainAndClose(stack.app, 10_000);
        const answer = await health.finish();

        expect(answer.status).toBe(503);
        expect(JSON.parse(answer.body)).toMatchObject({ status: 'draining' });
        const finished = await inFlight;
        expect(finished.status).toBe(201);
        expect(await closing).toBe('clean');
        // No new connections once draining.
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

/**
 * GET /healthz over a raw socket, sent in two parts: the request line now, the blank line that
 * ends the headers on finish(). Returns the status and body of the answer.
 */
async function startHealthCheck(
    url: string
): Promise<{ finish(): Promise<{ status: number; body: string }> }> {
    const { hostname, port } = new URL(url);
    const socket = net.connect(Number(port), hostname);
    await once(socket, 'connect');
    socket.write(`GET /healthz HTTP/1.1\r\nHost: ${hostname}\r\n`);
    let raw = '';
    socket.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
    return {
        async finish() {
            socket.write('\r\n');
            // Draining answers with Connection: close, so the server ends the socket.
            await once(socket, 'end');
            const [head, body = ''] = raw.split('\r\n\r\n');
            return { status: Number(head.split(' ')[1]), body };
        }
    };
}
