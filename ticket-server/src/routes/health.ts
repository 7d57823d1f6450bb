import type { FastifyInstance } from 'fastify';
import type { ServerStatus } from '../server-status';

/**
 * GET /healthz: the process is up and serving (200 `ok`), or shutting down (503 `draining`, so a
 * load balancer stops sending it work). `warnings` names configuration a human should look at.
 * It calls no upstream, so it stays cheap.
 */
export function registerHealth(app: FastifyInstance, status: ServerStatus): void {
    app.get('/healthz', { logLevel: 'warn' }, async (_request, reply) => {
        const body = {
            status: status.draining ? 'draining' : 'ok',
            store: status.store,
            warnings: status.warnings()
        };
        return reply.code(status.draining ? 503 : 200).send(body);
    });
}
