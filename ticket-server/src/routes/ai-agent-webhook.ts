import type { FastifyError, FastifyInstance } from 'fastify';
import { HttpError, UpstreamError } from '../errors';
import {
    CONVERSATION_CLOSED,
    HANDOFF,
    parseAiAgentEvent,
    type AiAgentEvent
} from '../webhooks/ai-agent-event';
import {
    closedBodyOf,
    handoffBodyOf,
    type ApexClosedBody,
    type ApexHandoffBody
} from '../webhooks/salesforce-requests';
import type { SeenEvents } from '../webhooks/seen-events';
import { hasValidSignature, SIGNATURE_HEADER } from '../webhooks/signature';

/** 256 KB: the AI agent's events are small; anything larger is refused with 413. */
export const WEBHOOK_BODY_LIMIT_BYTES = 256 * 1024;
export const AI_AGENT_WEBHOOK_PATH = '/webhooks/ai-agent';

/** Where the handled events go: our Apex REST endpoints, through the cached Salesforce session. */
export interface AiAgentSalesforce {
    handOff(body: ApexHandoffBody): Promise<void>;
    recordClosed(body: ApexClosedBody): Promise<void>;
}

export interface AiAgentWebhookDeps {
    salesforce: AiAgentSalesforce;
    seen: SeenEvents;
    /** The key Sendbird signs with: SENDBIRD_WEBHOOK_SECRET, or else the API token. */
    signingSecret: string;
}

/**
 * POST /webhooks/ai-agent: Sendbird's AI agent reports its events here. The signature is checked
 * on the raw bytes before anything else; then the event is parsed, de-duplicated by its `id`, and
 * `handoff` / `conversation:closed` are passed to Salesforce. A Salesforce failure answers 503, so
 * Sendbird retries; the handoff reuses the channel's open Case, so a retry is safe. Registered in
 * its own scope: the body stays raw bytes here, with its own size limit.
 */
export async function registerAiAgentWebhook(
    app: FastifyInstance,
    deps: AiAgentWebhookDeps
): Promise<void> {
    await app.register(async (scope) => {
        scope.removeAllContentTypeParsers();
        scope.addContentTypeParser(
            '*',
            { parseAs: 'buffer', bodyLimit: WEBHOOK_BODY_LIMIT_BYTES },
            (_request, body, done) => done(null, body)
        );
        scope.setErrorHandler((error: FastifyError | HttpError | UpstreamError, request, reply) => {
            const http = webhookError(error);
            if (http.statusCode >= 500) request.log.error({ err: error }, 'webhook failed');
            return reply.code(http.statusCode).send(http.toBody());
        });
        scope.post(AI_AGENT_WEBHOOK_PATH, async (request, reply) => {
            const raw = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
            if (!hasValidSignature(raw, request.headers[SIGNATURE_HEADER], deps.signingSecret)) {
                throw new HttpError(
                    401,
                    'invalid_signature',
                    `The ${SIGNATURE_HEADER} header is missing or does not match the body.`
                );
            }
            const event = parseAiAgentEvent(raw);
            const claim = await deps.seen.claim(event.id);
            if (claim === 'done') return reply.code(200).send({ ok: true, duplicate: true });
            if (claim === 'busy') {
                throw new HttpError(409, 'event_in_progress', 'This event is being handled.');
            }
            try {
                const handled = await handle(event, deps.salesforce);
                await deps.seen.done(event.id);
                // Categories not acted on are routine (message events, for one): debug only.
                request.log[handled ? 'info' : 'debug'](
                    { eventId: event.id, category: event.category, handled },
                    'AI agent webhook'
                );
                return reply.code(200).send({ ok: true, handled });
            } catch (error) {
                await deps.seen.release(event.id);
                throw error;
            }
        });
    });
}

/** Passes an event on; answers whether it was acted on (other categories are acknowledged). */
async function handle(event: AiAgentEvent, salesforce: AiAgentSalesforce): Promise<boolean> {
    switch (event.category) {
        case HANDOFF:
            await salesforce.handOff(handoffBodyOf(event));
            return true;
        case CONVERSATION_CLOSED: {
            const closed = closedBodyOf(event);
            if (closed === undefined) return false;
            await salesforce.recordClosed(closed);
            return true;
        }
        default:
            return false;
    }
}

// 401 is the session (re-logged in below us) and 429 a pause: both worth a redelivery.
function isRefusal(status: number | undefined): boolean {
    return (
        status !== undefined && status >= 400 && status < 500 && status !== 401 && status !== 429
    );
}

function webhookError(error: FastifyError | HttpError | UpstreamError): HttpError {
    if (error instanceof HttpError) return error;
    if (error instanceof UpstreamError) {
        if (isRefusal(error.status)) {
            // Salesforce refused the event itself (e.g. 400 from the Apex): a redelivery would be
            // refused again, so no 503; the Apex error stays in the log and in this answer.
            return new HttpError(
                422,
                'rejected_by_salesforce',
                `Salesforce refused the event: ${error.message}`
            );
        }
        return unavailable();
    }
    if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
        return new HttpError(
            413,
            'body_too_large',
            `The webhook body is over ${WEBHOOK_BODY_LIMIT_BYTES / 1024} KB.`
        );
    }
    if (error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500) {
        return new HttpError(400, 'malformed_request', `Malformed request: ${error.message}`);
    }
    return unavailable();
}

// Salesforce (or anything behind it) failed: 503 tells Sendbird to deliver the event again.
function unavailable(): HttpError {
    return new HttpError(503, 'salesforce_unavailable', 'Salesforce could not take the event now.');
}
