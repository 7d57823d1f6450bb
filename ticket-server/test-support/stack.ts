import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { loadConfig, type TicketServerConfig } from '../src/config';
import { buildServer, runtimeOf, type ServerDeps } from '../src/server';
import type { RetryPolicy } from '../src/sendbird/retry-policy';
import { SalesforceDouble, TEST_SF_CREDENTIALS } from './salesforce-double';
import { SendbirdDouble, TEST_SENDBIRD_API_TOKEN } from './sendbird-double';

/** The fake HS256 key tests sign identity tokens with (32 bytes, as the server requires). */
export const TEST_IDENTITY_SECRET = 'test-identity-secret-not-a-real-one';
export const TEST_APP_ID = 'test-app-id';

/**
 * Fast retries so failure tests take milliseconds, with the production policy's shape. The attempt
 * timeout is generous: at 300 ms a loaded CI machine timed out a healthy call, and its retry showed
 * up as a second POST /v3/users. No test relies on a Sendbird call timing out.
 */
export const FAST_RETRIES: RetryPolicy = {
    attempts: 3,
    baseDelayMs: 5,
    maxDelayMs: 20,
    timeoutMs: 3000,
    maxRetryAfterMs: 2000
};

/** Log lines the server wrote, kept to check what it says and what it never says. */
export class CapturedLogs {
    readonly lines: string[] = [];
    write(line: string): void {
        this.lines.push(line);
    }
    text(): string {
        return this.lines.join('');
    }
}

export interface TicketStack {
    /** The ticket server's base URL. */
    url: string;
    app: FastifyInstance;
    config: TicketServerConfig;
    salesforce: SalesforceDouble;
    sendbird: SendbirdDouble;
    logs: CapturedLogs;
    /** Waits until follow-up work of finished requests (clearing the channel flag) is done. */
    settled(): Promise<void>;
    close(): Promise<void>;
}

/** One more ticket server on the same doubles (a second instance behind a load balancer). */
export interface TicketInstance {
    url: string;
    app: FastifyInstance;
    config: TicketServerConfig;
    logs: CapturedLogs;
    settled(): Promise<void>;
    close(): Promise<void>;
}

export interface StackOptions {
    /** Extra or overriding environment variables. */
    env?: Record<string, string | undefined>;
    deps?: ServerDeps;
}

/** The environment pointing the server at the two doubles, with fake credentials. */
export function doubleEnv(
    salesforce: SalesforceDouble,
    sendbird: SendbirdDouble
): Record<string, string> {
    return {
        PORT: '0',
        SF_LOGIN_URL: salesforce.url,
        SF_CLIENT_ID: TEST_SF_CREDENTIALS.clientId,
        SF_CLIENT_SECRET: TEST_SF_CREDENTIALS.clientSecret,
        SENDBIRD_APP_ID: TEST_APP_ID,
        SENDBIRD_API_TOKEN: TEST_SENDBIRD_API_TOKEN,
        SENDBIRD_API_URL: sendbird.url,
        TICKET_IDENTITY_SECRET: TEST_IDENTITY_SECRET
    };
}

/** The two doubles and the ticket server, all on loopback ports. */
export async function startTicketStack(options: StackOptions = {}): Promise<TicketStack> {
    const salesforce = new SalesforceDouble();
    const sendbird = new SendbirdDouble();
    await Promise.all([salesforce.listen(), sendbird.listen()]);
    const instance = await startTicketInstance(salesforce, sendbird, options);
    return {
        ...instance,
        salesforce,
        sendbird,
        async close() {
            await instance.close();
            await Promise.all([salesforce.close(), sendbird.close()]);
        }
    };
}

/** A ticket server on loopback, pointed at doubles that are already listening. */
export async function startTicketInstance(
    salesforce: SalesforceDouble,
    sendbird: SendbirdDouble,
    options: StackOptions = {}
): Promise<TicketInstance> {
    const config = loadConfig({ ...doubleEnv(salesforce, sendbird), ...options.env });
    const logs = new CapturedLogs();
    const app = await buildServer(config, {
        retryPolicy: FAST_RETRIES,
        logStream: logs,
        logLevel: 'debug',
        ...options.deps
    });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    return {
        url,
        app,
        config,
        logs,
        settled: () => runtimeOf(app).idle(),
        close: () => app.close()
    };
}

/** POST /createticket with a JSON body (or raw text) and optional headers. */
export async function postTicket(
    url: string,
    body: unknown,
    headers: Record<string, string> = {}
): Promise<{ status: number; body: Record<string, unknown>; headers: Headers }> {
    const response = await fetch(`${url}/createticket`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: typeof body === 'string' ? body : JSON.stringify(body)
    });
    const text = await response.text();
    return {
        status: response.status,
        body: text ? JSON.parse(text) : {},
        headers: response.headers
    };
}
