import type { FastifyInstance, FastifyRequest } from 'fastify';
import { clientBucket } from '../client-address';
import { HttpError } from '../errors';
import type { GuestCap } from '../guest-cap';
import { parseIdempotencyKey, type IdempotencyStore } from '../idempotency';
import {
    customerFor,
    verifyIdentityToken,
    type CustomerIdentity,
    type IdentityOptions
} from '../identity';
import { PAGE_SESSION_AUDIENCE, type ServerTokens } from '../server-tokens';
import { guestUserIdFor, ticketKey } from '../ticket-key';
import type { TicketService } from '../ticket-service';

/** POST /createticket's body. Lengths are Salesforce's field sizes, so it never rejects them. */
export interface CreateTicketBody {
    subject: string;
    description?: string;
    name?: string;
    email?: string;
    /** The host site's short-lived proof of who the customer is… */
    identityToken?: string;
    /** …or the page session the page exchanged it for (POST /session). */
    sessionToken?: string;
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
        identityToken: { type: 'string', minLength: 1, maxLength: 4096 },
        sessionToken: { type: 'string', minLength: 1, maxLength: 4096 }
    }
} as const;

export interface CreateTicketDeps {
    tickets: TicketService;
    idempotency: IdempotencyStore;
    identity: IdentityOptions;
    tokens: ServerTokens;
    requireIdentity: boolean;
    guestCap: GuestCap;
    rateLimitPerMinute: number;
}

/**
 * POST /createticket. Validation, identity and the Idempotency-Key are all checked before any
 * upstream call.
 *
 * The ticket key hashes the caller's scope with their Idempotency-Key, because a replay carries
 * the first caller's session token: a signed-in customer's scope is their `sub`, a guest's is
 * their address (`request.ip`, which honours TRUST_PROXY_HOPS; IPv6 by /64). So another caller
 * who sends the same key and body gets a ticket of their own. Tokens are not part of the request
 * fingerprint: a retry may carry a freshly signed one for the same `sub`.
 */
export function registerCreateTicket(app: FastifyInstance, deps: CreateTicketDeps): void {
    app.post<{ Body: CreateTicketBody }>(
        '/createticket',
        {
            schema: { body: createTicketBodySchema },
            config: { rateLimit: { max: deps.rateLimitPerMinute, timeWindow: 60_000 } }
        },
        async (request, reply) => {
            const idempotencyKey = parseIdempotencyKey(request.headers['idempotency-key']);
            const { identityToken, sessionToken, ...ticket } = request.body;
            const identity = await identify(request, identityToken, sessionToken, deps);
            if (identity.kind === 'guest' && deps.requireIdentity) {
                throw new HttpError(
                    401,
                    'identity_required',
                    'Please sign in on our website to open a support chat.'
                );
            }
            const scope =
                identity.kind === 'verified'
                    ? `user:${identity.subject}`
                    : `ip:${clientBucket(request.ip)}`;
            const key = ticketKey(scope, idempotencyKey);
            const userId =
                identity.kind === 'verified'
                    ? identity.userId
                    : guestUserIdFor(key, deps.identity.customerPrefix);
            const work = async () => {
                // Counted when a guest ticket really runs, so replays cost nothing.
                if (identity.kind === 'guest') await deps.guestCap.take(request.log);
                return deps.tickets.create(
                    ticket,
                    { key, userId, kind: identity.kind },
                    request.log
                );
            };
            const { response, replayed } = await deps.idempotency.run(key, ticket, work);
            if (replayed) reply.header('Idempotent-Replayed', 'true');
            return reply.code(response.statusCode).send(response.body);
        }
    );
}

async function identify(
    request: FastifyRequest,
    identityToken: string | undefined,
    sessionToken: string | undefined,
    deps: CreateTicketDeps
): Promise<CustomerIdentity> {
    if (sessionToken !== undefined) {
        const session = await deps.tokens.verify(
            sessionToken,
            PAGE_SESSION_AUDIENCE,
            'page session'
        );
        return customerFor(session.sub, deps.identity.customerPrefix);
    }
    if (identityToken !== undefined) return verifyIdentityToken(identityToken, deps.identity);
    request.log.debug('guest ticket');
    return { kind: 'guest' };
}
