import type { FastifyInstance } from 'fastify';
import type { ChatToken } from '../contract';
import { CHAT_REFRESH_AUDIENCE, type ServerTokens } from '../server-tokens';
import type { TicketService } from '../ticket-service';

export interface ChatTokenDeps {
    tickets: TicketService;
    tokens: ServerTokens;
    rateLimitPerMinute: number;
}

/**
 * POST /chat-token: a new Sendbird session token for the customer of one ticket, when the
 * page's SDK asks for one (UIKit's configureSession). The ticket's chat refresh token, signed by
 * this server at creation, names the user; nothing else can obtain a token.
 */
export function registerChatToken(app: FastifyInstance, deps: ChatTokenDeps): void {
    app.post<{ Body: { chatRefreshToken: string } }>(
        '/chat-token',
        {
            schema: {
                body: {
                    type: 'object',
                    additionalProperties: false,
                    required: ['chatRefreshToken'],
                    properties: {
                        chatRefreshToken: { type: 'string', minLength: 1, maxLength: 4096 }
                    }
                }
            },
            config: { rateLimit: { max: deps.rateLimitPerMinute, timeWindow: 60_000 } }
        },
        async (request): Promise<ChatToken> => {
            const refresh = await deps.tokens.verify(
                request.body.chatRefreshToken,
                CHAT_REFRESH_AUDIENCE,
                'chat refresh token'
            );
            return { accessToken: await deps.tickets.refreshChatToken(refresh.sub) };
        }
    );
}
