import { ConfigError, loadConfig } from './config';
import { buildServer } from './server';
import { drainAndClose } from './shutdown';

/**
 * `node dist/main.js` (`npm run ticket-server`): validate the environment, then listen on PORT.
 * SIGTERM or SIGINT drains within TICKET_SHUTDOWN_DEADLINE_MS and exits (1 if cut short).
 */
async function main(): Promise<void> {
    let config;
    try {
        config = loadConfig(process.env);
    } catch (error) {
        if (!(error instanceof ConfigError)) throw error;
        console.error(error.message);
        process.exitCode = 2;
        return;
    }
    const app = await buildServer(config);
    const stop = () => {
        void drainAndClose(app, config.shutdownDeadlineMs).then((outcome) =>
            process.exit(outcome === 'clean' ? 0 : 1)
        );
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    await app.listen({ port: config.port, host: process.env.HOST ?? '0.0.0.0' });
}

main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
});
