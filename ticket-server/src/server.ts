import fastifyRateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyInstance, type FastifyError } from 'fastify';
import type { Redis } from 'ioredis';
import type { DestinationStream } from 'pino';
import { clientBucket } from './client-address';
import type { TicketServerConfig } from './config';
import { HttpError } from './errors';
import { GuestCap } from './guest-cap';
import { UpstreamHttp } from './http/upstream-http';
import { DEFAULT_IDEMPOTENCY, IdempotencyStore, type IdempotencyOptions } from './idempotency';
import { loggerOptions } from './logger';
import { registerAiAgentWebhook } from './routes/ai-agent-webhook';
import { registerChatToken } from './routes/chat-token';
import { registerCreateTicket } from './routes/create-ticket';
import { registerHealth } from './routes/health';
import { DEFAULT_PAGE_DIR, registerPage } from './routes/page';
import { registerSession } from './routes/session';
import { SalesforceCases } from './salesforce/cases';
import { SalesforceRestClient } from './salesforce/rest-client';
import {
    CachedSessionSource,
    oauthLogin,
    type SalesforceSessionSource
} from './salesforce/session';
import { contentSecurityPolicy, helmetHeaders } from './security-headers';
import { SendbirdPlatformClient } from './sendbird/platform-client';
import type { RetryPolicy } from './sendbird/retry-policy';
import { SendbirdTickets } from './sendbird/tickets-api';
import { ServerStatus } from './server-status';
import { ServerTokens } from './server-tokens';
import { MemoryStore } from './store/memory-store';
import { createRedisClient, redactRedisUrl, RedisStore } from './store/redis-store';
import type { SharedStore } from './store/shared-store';
import { TicketService } from './ticket-service';
import { ApexAiAgent } from './webhooks/apex-ai-agent';
import { StoreSeenEvents } from './webhooks/seen-events';
import { describeValidation } from './validation-message';

/** 64 KB: far above any real ticket, small enough that a flood of bodies costs little. */
export const BODY_LIMIT_BYTES = 64 * 1024;

/** What tests and the bench may swap; production uses the defaults. */
export interface ServerDeps {
    /** Default: one cached OAuth login (CachedSessionSource). */
    salesforceSessions?: SalesforceSessionSource;
    retryPolicy?: RetryPolicy;
    idempotency?: Partial<IdempotencyOptions>;
    /** Where log lines go (default stdout). */
    logStream?: DestinationStream;
    logLevel?: string;
    pageDir?: string;
}

/** What a running server knows about itself, for shutdown (see shutdown.ts). */
export interface ServerRuntime {
    status: ServerStatus;
    /** Resolves when follow-up work started by requests (flag clearing) has finished. */
    idle(): Promise<void>;
}

const runtimes = new WeakMap<FastifyInstance, ServerRuntime>();

/** The runtime of a server built by buildServer. */
export function runtimeOf(app: FastifyInstance): ServerRuntime {
    const runtime = runtimes.get(app);
    if (!runtime) throw new Error('not a ticket server built by buildServer');
    return runtime;
}

export const XFF_UNTRUSTED_WARNING =
    'Requests carry X-Forwarded-For but TRUST_PROXY_HOPS is 0: every client behind the proxy shares one rate-limit bucket and one guest scope. Set TRUST_PROXY_HOPS to the number of proxies in front of the server.';

/** Builds the ticket server without listening, so tests can start it on a loopback port. */
export async function buildServer(
    config: TicketServerConfig,
    deps: ServerDeps = {}
): Promise<FastifyInstance> {
    const app = Fastify({
        logger: {
            ...loggerOptions(deps.logLevel),
            ...(deps.logStream ? { stream: deps.logStream } : {})
        },
        bodyLimit: BODY_LIMIT_BYTES,
        // Believe X-Forwarded-For from exactly this many proxy hops (0: the socket address).
        trustProxy: (_address: string, hop: number) => hop < config.trustProxyHops,
        // While draining, /healthz itself answers "draining" (Fastify's own 503 would not say so).
        return503OnClosing: false,
        // Reject what the schema does not name, rather than silently dropping or coercing it.
        ajv: { customOptions: { removeAdditional: false, coerceTypes: false, allErrors: false } }
    });
    // Tickets are JSON only: Fastify's built-in text/plain parser would let a string through.
    app.removeContentTypeParser('text/plain');
    app.setErrorHandler(errorHandler);
    app.setNotFoundHandler((_request, reply) => {
        reply.code(404).send(new HttpError(404, 'not_found', 'No such page.').toBody());
    });
    const securityHeaders = await helmetHeaders({
        contentSecurityPolicy: {
            useDefaults: false,
            directives: contentSecurityPolicy(config.sendbird, config.frameAncestors)
        },
        // frame-ancestors decides who may embed the page; X-Frame-Options would forbid it.
        frameguard: false
    });

    const redis = config.redisUrl === undefined ? undefined : createRedisClient(config.redisUrl);
    const store: SharedStore = redis
        ? new RedisStore(redis, config.redisUrl!)
        : new MemoryStore({ maxKeys: 100_000 });
    const status = new ServerStatus(store.description);
    if (redis) await connectRedis(app, redis, config.redisUrl!, status);
    if (config.trustProxyHops === 0) {
        app.log.info(
            'TRUST_PROXY_HOPS is 0: X-Forwarded-For is ignored, clients are told apart by socket address'
        );
    }
    const requests = new InFlight();
    app.addHook('onRequest', (request, reply, done) => {
        requests.track(reply.raw);
        reply.headers(securityHeaders);
        // Draining: tell keep-alive clients (and load balancers) to take the next request elsewhere.
        if (status.draining) reply.header('connection', 'close');
        if (config.trustProxyHops === 0 && request.headers['x-forwarded-for'] !== undefined) {
            if (status.warn(XFF_UNTRUSTED_WARNING)) app.log.warn(XFF_UNTRUSTED_WARNING);
        }
        done();
    });
    await app.register(fastifyRateLimit, {
        global: false,
        // IPv6 clients count per /64; request.ip honours TRUST_PROXY_HOPS.
        keyGenerator: (request) => clientBucket(request.ip),
        ...(redis
            ? {
                  redis,
                  nameSpace: 'sendbird-ticket-server:rate-limit:',
                  // Redis down: let requests through (the guest cap still counts in memory).
                  skipOnError: true
              }
            : {}),
        errorResponseBuilder: (_request, context) =>
            new HttpError(
                429,
                'rate_limited',
                `Too many requests from this address. Please try again in ${context.after}.`
            )
    });

    const timeoutMs = config.salesforce.timeoutMs;
    const http = new UpstreamHttp();
    const sessions =
        deps.salesforceSessions ??
        new CachedSessionSource(() => oauthLogin(config.salesforce, http, timeoutMs), timeoutMs);
    const tokens = new ServerTokens(config.sessionSecret, config.identitySecret);
    if (!tokens.shared) {
        app.log.warn(
            'Neither TICKET_SESSION_SECRET nor TICKET_IDENTITY_SECRET is set: chat refresh tokens are signed with a per-process key, so with several instances only the instance that created a ticket can refresh its chat. Set TICKET_SESSION_SECRET on every instance.'
        );
    }
    const platform = new SendbirdPlatformClient(config.sendbird, http, deps.retryPolicy);
    const salesforceRest = new SalesforceRestClient(sessions, http, timeoutMs);
    const tickets = new TicketService(
        new SalesforceCases(salesforceRest),
        new SendbirdTickets(platform),
        config.sendbird,
        tokens
    );
    const idempotency = new IdempotencyStore(
        store,
        { ...DEFAULT_IDEMPOTENCY, ...deps.idempotency },
        (error) =>
            app.log.warn({ err: error }, 'replay cache skipped: the shared store is unavailable')
    );
    const identity = {
        secret: config.identitySecret,
        issuer: config.identityIssuer,
        audience: config.identityAudience,
        customerPrefix: config.customerPrefix
    };
    runtimes.set(app, { status, idle: () => tickets.idle() });
    // Runs before Fastify's own server close has let in-flight requests finish, so it waits for
    // them first: closing the upstream pools earlier would fail them.
    app.addHook('onClose', async () => {
        await requests.none();
        await tickets.idle();
        await Promise.all([http.close(), store.close()]);
    });
    registerHealth(app, status);
    registerCreateTicket(app, {
        tickets,
        idempotency,
        identity,
        tokens,
        requireIdentity: config.requireIdentity,
        guestCap: new GuestCap(store, config.guestTicketsPerMinute),
        rateLimitPerMinute: config.rateLimitPerMinute
    });
    registerSession(app, {
        identity,
        tokens,
        pageSessionMinutes: config.pageSessionMinutes,
        rateLimitPerMinute: config.rateLimitPerMinute
    });
    registerChatToken(app, { tickets, tokens, rateLimitPerMinute: config.rateLimitPerMinute });
    await registerAiAgentWebhook(app, {
        salesforce: new ApexAiAgent(salesforceRest),
        seen: new StoreSeenEvents(store, (error) =>
            app.log.warn(
                { err: error },
                'webhook de-duplication skipped: the shared store is unavailable'
            )
        ),
        signingSecret: config.webhookSecret
    });
    await registerPage(
        app,
        deps.pageDir ?? DEFAULT_PAGE_DIR,
        config.pageNotice === undefined ? {} : { notice: config.pageNotice }
    );
    return app;
}

/** Counts requests whose responses are not closed yet (finished or cut). */
class InFlight {
    private count = 0;
    private waiting: Array<() => void> = [];

    track(response: { once(event: 'close', listener: () => void): unknown }): void {
        this.count++;
        response.once('close', () => {
            this.count--;
            if (this.count === 0) this.waiting.splice(0).forEach((resolve) => resolve());
        });
    }

    none(): Promise<void> {
        if (this.count === 0) return Promise.resolve();
        return new Promise((resolve) => this.waiting.push(resolve));
    }
}

/**
 * Connects at start-up. A Redis that is down does not stop the server: it says so (log and
 * /healthz), runs without the shared store, and ioredis keeps reconnecting in the background.
 */
async function connectRedis(
    app: FastifyInstance,
    redis: Redis,
    url: string,
    status: ServerStatus
): Promise<void> {
    redis.on('error', () => {
        // Reported below and by each failed command; ioredis reconnects by itself.
    });
    try {
        await redis.connect();
        app.log.info({ redis: redactRedisUrl(url) }, 'connected to Redis');
    } catch (error) {
        const message = `Redis at ${redactRedisUrl(url)} (REDIS_URL) is unreachable at start-up: ${(error as Error).message}. Serving without the shared store (tickets stay exactly-once through the Salesforce upsert); reconnecting in the background.`;
        status.warn(message);
        app.log.warn(message);
    }
}

/** Every error leaves as `{error:{code,message}}`; unexpected ones say nothing internal. */
function errorHandler(
    error: FastifyError | HttpError,
    request: { log: FastifyInstance['log'] },
    reply: { code(status: number): { send(body: unknown): unknown } }
): unknown {
    const http = toHttpError(error);
    if (http.statusCode >= 500) request.log.error({ err: error }, 'request failed');
    return reply.code(http.statusCode).send(http.toBody());
}

function toHttpError(error: FastifyError | HttpError): HttpError {
    if (error instanceof HttpError) return error;
    if (error.validation) {
        return new HttpError(
            400,
            'invalid_request',
            `${capitalize(describeValidation(error.validation))}.`
        );
    }
    switch (error.code) {
        case 'FST_ERR_CTP_BODY_TOO_LARGE':
            return new HttpError(
                400,
                'body_too_large',
                `The request body is over ${BODY_LIMIT_BYTES / 1024} KB.`
            );
        // A body that is not JSON is bad input like any other (400, the contract), with
        // its own code so a client can tell what to change.
        case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
            return new HttpError(
                400,
                'unsupported_media_type',
                'Send the ticket as application/json.'
            );
        default:
            break;
    }
    const status = error.statusCode ?? 500;
    if (status >= 400 && status < 500) {
        return new HttpError(400, 'malformed_request', `Malformed request: ${error.message}`);
    }
    return new HttpError(500, 'internal_error', 'Something went wrong on our side.');
}

function capitalize(text: string): string {
    return text.charAt(0).toUpperCase() + text.slice(1);
}
