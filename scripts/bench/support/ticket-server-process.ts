import type { AddressInfo } from 'node:net';
import { loadConfig } from '../../../ticket-server/src/config';
import {
    oauthLogin,
    type SalesforceSessionSource
} from '../../../ticket-server/src/salesforce/session';
import { buildServer } from '../../../ticket-server/src/server';
import { UpstreamHttp } from '../../../ticket-server/src/http/upstream-http';

/** The tutorial's design: an OAuth login before every request, nothing cached. */
class LoginPerRequest implements SalesforceSessionSource {
    constructor(private readonly login: () => ReturnType<typeof oauthLogin>) {}
    current() {
        return this.login();
    }
    renew() {
        return this.login();
    }
}

/**
 * The ticket server in its own process for the bench, so it has a core of its own as it would
 * in production, instead of sharing one event loop with the load and the doubles. Configured
 * from the environment; BENCH_LOGIN_PER_REQUEST=1 selects the tutorial's design. Sends its
 * port over IPC and exits when the parent disconnects.
 */
async function main(): Promise<void> {
    const config = loadConfig(process.env);
    const loginHttp = new UpstreamHttp();
    const app = await buildServer(config, {
        logLevel: 'warn',
        ...(process.env.BENCH_LOGIN_PER_REQUEST === '1'
            ? {
                  salesforceSessions: new LoginPerRequest(() =>
                      oauthLogin(config.salesforce, loginHttp)
                  )
              }
            : {})
    });
    await app.listen({ port: 0, host: '127.0.0.1' });
    process.send?.({ port: (app.server.address() as AddressInfo).port });
    // The bench asks how much CPU the server used, to tell a busy server from a waiting one.
    process.on('message', () => process.send?.({ cpu: process.cpuUsage() }));
    process.on('disconnect', () => {
        void app.close().finally(() => process.exit(0));
    });
}

main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
});
