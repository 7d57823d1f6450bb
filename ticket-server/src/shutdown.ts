import type { FastifyInstance } from 'fastify';
import { runtimeOf } from './server';

/**
 * SIGTERM's work: report draining on /healthz, stop accepting connections, let in-flight
 * requests (and their follow-ups) finish, then close. If that takes longer than `deadlineMs`,
 * the remaining connections are cut and it resolves `deadline`, so the process never waits for
 * ever on a hung upstream.
 */
export async function drainAndClose(
    app: FastifyInstance,
    deadlineMs: number
): Promise<'clean' | 'deadline'> {
    runtimeOf(app).status.draining = true;
    app.log.info({ deadlineMs }, 'draining: no new connections, in-flight requests may finish');
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<'deadline'>((resolve) => {
        timer = setTimeout(() => resolve('deadline'), deadlineMs);
    });
    const closed = app.close().then(() => 'clean' as const);
    // Connections that go idle once their last response is sent are closed at once, instead of
    // waiting out their keep-alive (Node closes only the ones idle when close() began).
    const sweeper = setInterval(() => app.server.closeIdleConnections(), 50);
    const outcome = await Promise.race([closed, deadline]);
    clearTimeout(timer);
    clearInterval(sweeper);
    if (outcome === 'deadline') {
        app.log.warn({ deadlineMs }, 'shutdown deadline passed: cutting the remaining requests');
        app.server.closeAllConnections();
    } else {
        app.log.info('drained and closed');
    }
    return outcome;
}
