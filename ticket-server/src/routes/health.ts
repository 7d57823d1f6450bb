import type { FastifyInstance } from 'fastify';

/** GET /healthz: the process is up and serving. It calls no upstream, so it stays cheap. */
export function registerHealth(app: FastifyInstance): void {
    app.get('/healthz', { logLevel: 'warn' }, async () => ({ status: 'ok' }));
}
