import { ConfigError, loadConfig } from './config';
import { buildServer } from './server';

/** `npm run ticket-server`: validate the environment, then listen on PORT. */
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
    const close = () => {
        app.close().finally(() => process.exit(0));
    };
    process.once('SIGINT', close);
    process.once('SIGTERM', close);
    await app.listen({ port: config.port, host: process.env.HOST ?? '0.0.0.0' });
}

main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
});
