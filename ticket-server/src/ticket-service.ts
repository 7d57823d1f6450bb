import type { FastifyBaseLogger } from 'fastify';
import type { SendbirdConfig } from './config';
import { HttpError } from './errors';
import type { TicketCreated } from './contract';
import type { StoredResponse } from './idempotency';
import type { NewCase, SalesforceCases, TicketCase } from './salesforce/cases';
import type { SendbirdTickets } from './sendbird/tickets-api';
import type { ServerTokens } from './server-tokens';
import { CHAT_REFRESH_AUDIENCE } from './server-tokens';
import { channelUrlFor } from './ticket-key';

/** Sendbird allows long names; a chat header shows far less. */
const CHANNEL_NAME_MAX = 100;
/** How long the page may refresh its ticket's chat token. */
export const CHAT_REFRESH_LIFETIME_S = 30 * 24 * 60 * 60;

/** Whose ticket it is, and the key every record of it derives from. */
export interface TicketRequestContext {
    /** From ticketKey(): the Case's External ID, and (via channelUrlFor) its channel. */
    key: string;
    /** The customer's Sendbird user id (already prefixed). */
    userId: string;
    kind: 'verified' | 'guest';
}

/**
 * The tutorial's step 1, made exactly-once: every record of a ticket is named by its key, so
 * the whole sequence is safe to repeat and a repeat converges on the same records.
 *   1. the Case, upserted on the key (born flagged "channel missing"), beside the Sendbird user;
 *   2. the channel (url from the key, named "Ticket <number>: <subject>") beside the token;
 *   3. the flag cleared, after the answer, since the customer need not wait for it.
 * "Already exists" counts as success at every step. A failure after the Case answers 502 with
 * the caseNumber; the Case stays flagged until a retry with the same key completes it.
 */
export class TicketService {
    private readonly followUps = new Set<Promise<void>>();

    constructor(
        private readonly cases: SalesforceCases,
        private readonly sendbird: SendbirdTickets,
        private readonly config: SendbirdConfig,
        private readonly tokens: ServerTokens
    ) {}

    /** `log` is the request's logger, so every line carries its request id. */
    async create(
        input: NewCase,
        ticket: TicketRequestContext,
        log: FastifyBaseLogger
    ): Promise<StoredResponse> {
        const channelUrl = channelUrlFor(ticket.key);
        // The user does not depend on the Case, so it is made while the Case is upserted.
        const userReady = this.sendbird.ensureUser(ticket.userId, input.name ?? 'Customer').then(
            () => undefined,
            (error: unknown) => ({ error })
        );
        let saved: TicketCase;
        try {
            saved = await this.cases.upsert(ticket.key, channelUrl, input);
        } catch (error) {
            log.error({ err: error }, 'Case upsert failed');
            await userReady;
            throw new HttpError(
                502,
                'salesforce_unavailable',
                'Your ticket could not be created right now. Please try again in a moment.'
            );
        }
        const found = { caseId: saved.id, caseNumber: saved.caseNumber };
        const user = await userReady;
        if (user !== undefined) {
            log.error({ err: user.error, caseId: saved.id }, 'Sendbird user creation failed');
            return failed('channel_unavailable', found, 'chat is unavailable right now');
        }
        // Channel and session token both need only the user, so they run side by side.
        const [channel, token] = await Promise.allSettled([
            this.sendbird.createChannel({
                channelUrl,
                userId: ticket.userId,
                name: `Ticket ${saved.caseNumber}: ${input.subject}`.slice(0, CHANNEL_NAME_MAX),
                caseId: saved.id,
                caseNumber: saved.caseNumber
            }),
            this.sendbird.issueSessionToken(ticket.userId)
        ]);
        if (channel.status === 'rejected') {
            log.error(
                { err: channel.reason, caseId: saved.id },
                'Sendbird channel creation failed'
            );
            return failed('channel_unavailable', found, 'chat is unavailable right now');
        }
        this.clearMissingFlag(saved.id, log);
        if (token.status === 'rejected') {
            log.error({ err: token.reason, caseId: saved.id }, 'Sendbird session token failed');
            return failed('session_unavailable', found, 'the chat could not be opened');
        }
        log.info(
            { caseId: saved.id, created: saved.created, userKind: ticket.kind },
            saved.created ? 'ticket created' : 'ticket completed on retry'
        );
        const body: TicketCreated = {
            ...found,
            channelUrl,
            userId: ticket.userId,
            accessToken: token.value,
            chatRefreshToken: await this.tokens.sign(
                CHAT_REFRESH_AUDIENCE,
                ticket.userId,
                CHAT_REFRESH_LIFETIME_S,
                { channelUrl }
            ),
            appId: this.config.appId,
            ...(this.config.chatApiHost ? { apiHost: this.config.chatApiHost } : {}),
            ...(this.config.chatWsHost ? { wsHost: this.config.chatWsHost } : {})
        };
        return { statusCode: 201, body };
    }

    /** A new Sendbird session token for a ticket's customer (POST /chat-token). */
    async refreshChatToken(userId: string): Promise<string> {
        return this.sendbird.issueSessionToken(userId);
    }

    /** Resolves once every follow-up (flag clearing) started so far has finished. */
    async idle(): Promise<void> {
        while (this.followUps.size > 0) await Promise.allSettled([...this.followUps]);
    }

    private clearMissingFlag(caseId: string, log: FastifyBaseLogger): void {
        const followUp = this.cases.flagChannelMissing(caseId, false).catch((error: unknown) => {
            // The channel exists; a flag left set only makes an agent look twice.
            log.warn({ err: error, caseId }, 'could not clear the channel-missing flag');
        });
        this.followUps.add(followUp);
        void followUp.finally(() => this.followUps.delete(followUp));
    }
}

interface FoundCase {
    caseId: string;
    caseNumber: string;
}

function failed(code: string, found: FoundCase, what: string): StoredResponse {
    const message = `Your ticket ${found.caseNumber} was created, but ${what}. Please try again; an agent will follow up either way.`;
    return new HttpError(502, code, message, found).toResponse();
}
