import type { FastifyInstance } from 'fastify';
import { parseIdempotencyKey, type IdempotencyStore } from '../idempotency';
import { resolveIdentity } from '../identity';
import type { TicketService } from '../ticket-service';

/** POST /createticket's body. Lengths are Salesforce's field sizes, so it never rejects them. */
export interface CreateTicketBody {
    subject: string;
    description?: string;
    name?: string;
    email?: string;
    identityToken?: string;
}

export const createTicketBodySchema = {
    type: 'object',
    additionalProperties: false,
    required: ['subject'],
    properties: {
        subject: { type: 'string', minLength: 1, maxLength: 255, pattern: '\\S' },
        description: { type: 'string', maxLength: 32000 },
        name: { type: 'string', minLength: 1, maxLength: 80 },
        email: { type: 'string', maxLength: 80, format: 'email' },
        identityToken: { type: 'string', minLength: 1, maxLength: 4096 }
    }
} as const;

export interface CreateTicketDeps {
    tickets: TicketService;
    idempotency: IdempotencyStore;
    identitySecret?: Uint8Array;
    rateLimitPerMinute: number;
}

/**
 * POST /createticket. Validation, the identity token and the Idempotency-Key are all checked
 * before any upstream call; the same key within 24 h replays the first response.
 *
 * Keys are scoped to the caller, because a replay carries the first caller's session token: a
 * signed-in customer's key lives under their identity token's `sub`, a guest's under the client
 * address (`request.ip`, which honours TRUST_PROXY_HOPS). So another caller who sends the same
 * key and body gets a ticket of their own, never someone else's. The identity token itself is
 * not part of the request fingerprint: a retry may carry a freshly signed one for the same `sub`.
 */
export function registerCreateTicket(app: FastifyInstance, deps: CreateTicketDeps): void {
    app.post<{ Body: CreateTicketBody }>(
        '/createticket',
        {
            schema: { body: createTicketBodySchema },
            config: { rateLimit: { max: deps.rateLimitPerMinute, timeWindow: 60_000 } }
        },
        async (request, reply) => {
            const key = parseIdempotencyKey(request.headers['idempotency-key']);
            const { identityToken, ...ticket } = request.body;
            const identity = await resolveIdentity(identityToken, deps.identitySecret);
            const work = () => deps.tickets.create(ticket, identity, request.log);
            const scope =
                identity.kind === 'verified' ? `user:${identity.userId}` : `ip:${request.ip}`;
            const { response, replayed } =
                key === undefined
                    ? { response: await work(), replayed: false }
                    : await deps.idempotency.run(`${scope} ${key}`, ticket, work);
            if (replayed) reply.header('Idempotent-Replayed', 'true');
            return reply.code(response.statusCode).send(response.body);
        }
    );
}
