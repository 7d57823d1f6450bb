import fastifyRateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyInstance, type FastifyError } from 'fastify';
import type { DestinationStream } from 'pino';
import type { TicketServerConfig } from './config';
import { HttpError } from './errors';
import { IdempotencyStore } from './idempotency';
import { loggerOptions } from './logger';
import { registerCreateTicket } from './routes/create-ticket';
import { registerHealth } from './routes/health';
import { DEFAULT_PAGE_DIR, registerPage } from './routes/page';
import { KeepAliveHttp } from './keep-alive-http';
import { SalesforceCases } from './salesforce/cases';
import {
    CachedSessionSource,
    oauthLogin,
    type SalesforceSessionSource
} from './salesforce/session';
import { KeepAliveTransport } from './salesforce/transport';
import { contentSecurityPolicy, helmetHeaders } from './security-headers';
import { describeValidation } from './validation-message';
import { SendbirdPlatformClient } from './sendbird/platform-client';
import type { RetryPolicy } from './sendbird/retry-policy';
import { SendbirdTickets } from './sendbird/tickets-api';
import { TicketService } from './ticket-service';

/** 64 KB: far above any real ticket, small enough that a flood of bodies costs little. */
export const BODY_LIMIT_BYTES = 64 * 1024;

/** What tests and the bench may swap; production uses the defaults. */
export interface ServerDeps {
    /** Default: one cached OAuth login (CachedSessionSource). */
    salesforceSessions?: SalesforceSessionSource;
    retryPolicy?: RetryPolicy;
    idempotency?: IdempotencyStore;
    /** Where log lines go (default stdout). */
    logStream?: DestinationStream;
    logLevel?: string;
    pageDir?: string;
}

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
    app.addHook('onRequest', (_request, reply, done) => {
        reply.headers(securityHeaders);
        done();
    });
    await app.register(fastifyRateLimit, {
        global: false,
        errorResponseBuilder: (_request, context) =>
            new HttpError(
                429,
                'rate_limited',
                `Too many requests from this address. Please try again in ${context.after}.`
            )
    });

    const timeoutMs = config.salesforce.timeoutMs;
    const sessions =
        deps.salesforceSessions ??
        new CachedSessionSource(() => oauthLogin(config.salesforce, timeoutMs), timeoutMs);
    const http = new KeepAliveHttp();
    app.addHook('onClose', async () => http.close());
    const platform = new SendbirdPlatformClient(config.sendbird, http, deps.retryPolicy);
    const tickets = new TicketService(
        new SalesforceCases(sessions, new KeepAliveTransport(http, timeoutMs)),
        new SendbirdTickets(platform),
        config.sendbird
    );
    registerHealth(app);
    registerCreateTicket(app, {
        tickets,
        idempotency: deps.idempotency ?? new IdempotencyStore(),
        identitySecret: config.identitySecret,
        rateLimitPerMinute: config.rateLimitPerMinute
    });
    await registerPage(app, deps.pageDir ?? DEFAULT_PAGE_DIR);
    return app;
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
