import type { FastifyInstance } from 'fastify';
import type { PageSession } from '../contract';
import { verifyIdentityToken, type IdentityOptions } from '../identity';
import { PAGE_SESSION_AUDIENCE, type ServerTokens } from '../server-tokens';

export interface SessionDeps {
    identity: IdentityOptions;
    tokens: ServerTokens;
    pageSessionMinutes: number;
    rateLimitPerMinute: number;
}

/**
 * POST /session: the page trades the host site's short-lived identity token (refused 10 minutes
 * after issue) for a page session that lasts TICKET_PAGE_SESSION_MINUTES, when it loads. The
 * customer can then take as long as they like to write. No upstream call.
 */
export function registerSession(app: FastifyInstance, deps: SessionDeps): void {
    app.post<{ Body: { identityToken: string } }>(
        '/session',
        {
            schema: {
                body: {
                    type: 'object',
                    additionalProperties: false,
                    required: ['identityToken'],
                    properties: { identityToken: { type: 'string', minLength: 1, maxLength: 4096 } }
                }
            },
            config: { rateLimit: { max: deps.rateLimitPerMinute, timeWindow: 60_000 } }
        },
        async (request): Promise<PageSession> => {
            const customer = await verifyIdentityToken(request.body.identityToken, deps.identity);
            const lifetime = deps.pageSessionMinutes * 60;
            return {
                sessionToken: await deps.tokens.sign(
                    PAGE_SESSION_AUDIENCE,
                    customer.subject,
                    lifetime
                ),
                expiresAt: Date.now() + lifetime * 1000
            };
        }
    );
}
