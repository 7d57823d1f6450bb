import type { FastifyBaseLogger } from 'fastify';
import type { SendbirdConfig } from './config';
import { HttpError } from './errors';
import type { TicketCreated } from './contract';
import type { StoredResponse } from './idempotency';
import type { CustomerIdentity } from './identity';
import type { CreatedCase, NewCase, SalesforceCases } from './salesforce/cases';
import type { SendbirdTickets } from './sendbird/tickets-api';

/** Sendbird channel URLs: letters, digits and underscore, 4–100 characters. Case Ids qualify. */
const CHANNEL_URL = /^[A-Za-z0-9_]{4,100}$/;
const CHANNEL_NAME_MAX = 100;

/**
 * The tutorial's step 1, made safe and short: the Case with the Sendbird user alongside, then
 * the channel (url = Case Id) alongside the session token: two round trips on the critical path.
 * If the Case fails, a guest user made for it is deleted again (compensation), so a failed
 * ticket leaves no orphan user; a signed-in customer's user is kept, as their next ticket
 * reuses it (and another of their requests may be using it right now).
 *
 * Once the Case exists every outcome is a response to keep (201, or 502 with the caseId); a
 * failure before that throws, so nothing is kept and a retry starts afresh. A 502 from the
 * session token alone keeps how far it got (`resume`), so a retry with the same
 * Idempotency-Key asks only for the token.
 */
export class TicketService {
    constructor(
        private readonly cases: SalesforceCases,
        private readonly sendbird: SendbirdTickets,
        private readonly config: SendbirdConfig
    ) {}

    /** `log` is the request's logger, so every line carries its request id. */
    async create(
        input: NewCase,
        identity: CustomerIdentity,
        log: FastifyBaseLogger
    ): Promise<StoredResponse> {
        // The user does not depend on the Case, so it is made while the Case is created.
        const userReady = this.sendbird.ensureUser(identity.userId, input.name ?? 'Customer').then(
            (created) => ({ created }),
            (error: unknown) => ({ error })
        );
        let created: CreatedCase;
        try {
            created = await this.cases.create(input);
        } catch (error) {
            log.error({ err: error }, 'Case creation failed');
            await this.undoUser(identity, await userReady, log);
            throw new HttpError(
                502,
                'salesforce_unavailable',
                'Your ticket could not be created right now. Please try again in a moment.'
            );
        }
        const ticket = { caseId: created.id, caseNumber: created.caseNumber };
        const user = await userReady;
        const blocker =
            'error' in user
                ? user.error
                : CHANNEL_URL.test(created.id)
                  ? undefined
                  : new Error(`the Case Id ${created.id} cannot be a channel URL`);
        if (blocker !== undefined) {
            const what = 'error' in user ? 'Sendbird user creation failed' : 'unusable Case Id';
            log.error({ err: blocker, caseId: created.id }, what);
            await this.markChannelMissing(created.id, log);
            return failed('channel_unavailable', ticket, 'chat is unavailable right now');
        }
        // Channel and session token both need only the user, so they run side by side.
        const [channel, token] = await Promise.allSettled([
            this.sendbird.createChannel({
                channelUrl: created.id,
                userId: identity.userId,
                name: input.subject.slice(0, CHANNEL_NAME_MAX),
                caseNumber: created.caseNumber
            }),
            this.sendbird.issueSessionToken(identity.userId)
        ]);
        if (channel.status === 'rejected') {
            log.error(
                { err: channel.reason, caseId: created.id },
                'Sendbird channel creation failed'
            );
            await this.markChannelMissing(created.id, log);
            return failed('channel_unavailable', ticket, 'chat is unavailable right now');
        }
        if (token.status === 'rejected') {
            return this.tokenFailed(ticket, identity, token.reason, log);
        }
        log.info({ caseId: created.id, userKind: identity.kind }, 'ticket created');
        return this.success(ticket, identity, token.value);
    }

    /** The last step again, for a retry after only the session token failed. */
    private async resumeAtToken(
        ticket: Ticket,
        identity: CustomerIdentity,
        log: FastifyBaseLogger
    ): Promise<StoredResponse> {
        let accessToken: string;
        try {
            accessToken = await this.sendbird.issueSessionToken(identity.userId);
        } catch (error) {
            return this.tokenFailed(ticket, identity, error, log);
        }
        log.info({ caseId: ticket.caseId, userKind: identity.kind }, 'ticket resumed');
        return this.success(ticket, identity, accessToken);
    }

    private tokenFailed(
        ticket: Ticket,
        identity: CustomerIdentity,
        error: unknown,
        log: FastifyBaseLogger
    ): StoredResponse {
        log.error({ err: error, caseId: ticket.caseId }, 'Sendbird session token failed');
        return {
            ...failed('session_unavailable', ticket, 'the chat could not be opened'),
            // The retry's own request logger is not known yet; this one keeps the request id.
            resume: () => this.resumeAtToken(ticket, identity, log)
        };
    }

    private success(
        ticket: Ticket,
        identity: CustomerIdentity,
        accessToken: string
    ): StoredResponse {
        const body: TicketCreated = {
            ...ticket,
            channelUrl: ticket.caseId,
            userId: identity.userId,
            accessToken,
            appId: this.config.appId,
            ...(this.config.chatApiHost ? { apiHost: this.config.chatApiHost } : {}),
            ...(this.config.chatWsHost ? { wsHost: this.config.chatWsHost } : {})
        };
        return { statusCode: 201, body };
    }

    /** Deletes a guest user made for a Case that failed; a signed-in customer's user stays. */
    private async undoUser(
        identity: CustomerIdentity,
        user: { created: boolean } | { error: unknown },
        log: FastifyBaseLogger
    ): Promise<void> {
        if (identity.kind !== 'guest' || !('created' in user) || !user.created) return;
        try {
            await this.sendbird.deleteUser(identity.userId);
        } catch (error) {
            log.error(
                { err: error, userId: identity.userId },
                'could not delete the Sendbird user of a failed ticket'
            );
        }
    }

    private async markChannelMissing(caseId: string, log: FastifyBaseLogger): Promise<void> {
        try {
            await this.cases.markChannelMissing(caseId);
        } catch (error) {
            // The 502 still carries the caseId; the log is the last place this shows.
            log.error({ err: error, caseId }, 'could not mark the Case as missing its channel');
        }
    }
}

interface Ticket {
    caseId: string;
    caseNumber: string;
}

function failed(code: string, ticket: Ticket, what: string): StoredResponse {
    const message = `Your ticket ${ticket.caseNumber} was created, but ${what}. An agent will follow up.`;
    return new HttpError(502, code, message, ticket).toResponse();
}
