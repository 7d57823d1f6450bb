import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { HttpError } from '../errors';

/** Where `npm run build` writes the customer page (see scripts/build/ticket-page.ts). */
export const DEFAULT_PAGE_DIR = path.resolve(__dirname, '../../../dist/ticket-page');

/** What the customer page asks for on load: `notice` is PAGE_NOTICE, shown as plain text. */
export interface PageConfig {
    notice?: string;
}

/** Serves the built customer page at /, or says how to build it, and its settings. */
export async function registerPage(
    app: FastifyInstance,
    pageDir: string,
    pageConfig: PageConfig = {}
): Promise<void> {
    app.get('/page-config', async (_request, reply) =>
        reply.header('cache-control', 'no-store').send(pageConfig)
    );
    if (!existsSync(path.join(pageDir, 'index.html'))) {
        app.log.warn({ pageDir }, 'customer page not built: run npm run build');
        app.get('/', async () => {
            throw new HttpError(
                503,
                'page_not_built',
                'The customer page is not built: run npm run build.'
            );
        });
        return;
    }
    await app.register(fastifyStatic, {
        root: pageDir,
        prefix: '/',
        // The build writes .br and .gz beside each file: 1.8 MB of UIKit becomes about 0.4 MB.
        preCompressed: true,
        // With preCompressed, the plugin's own index lookup answers 404 at "/", so route it here.
        index: false
    });
    app.get('/', (_request, reply) => reply.sendFile('index.html'));
}
