import type { FastifyBaseLogger } from 'fastify';
import type { SendbirdConfig } from './config';
import { HttpError } from './errors';
import type { TicketCreated } from './contract';
import type { StoredResponse } from './idempotency';
import type { CustomerIdentity } from './identity';
import type { NewCase, SalesforceCases } from './salesforce/cases';
import type { SendbirdTickets } from './sendbird/tickets-api';

/** Sendbird channel URLs: letters, digits and underscore, 4–100 characters. Case Ids qualify. */
const CHANNEL_URL = /^[A-Za-z0-9_]{4,100}$/;
const CHANNEL_NAME_MAX = 100;

/**
 * The tutorial's step 1, made safe and short: the Case (with the Sendbird user alongside), then
 * the channel (url = Case Id) alongside the session token: two round trips on the critical path.
 * Once the Case exists every outcome is a response to keep (201, or 502 with the caseId); a
 * failure before that throws, so nothing is kept and a retry starts afresh.
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
        // The Sendbird user does not depend on the Case: create it while the Case is created.
        const userReady = this.sendbird.ensureUser(identity.userId, input.name ?? 'Customer').then(
            () => undefined,
            (error: unknown) => error
        );
        const created = await this.cases.create(input).catch((error: unknown) => {
            log.error({ err: error }, 'Case creation failed');
            throw new HttpError(
                502,
                'salesforce_unavailable',
                'Your ticket could not be created right now. Please try again in a moment.'
            );
        });
        const ticket = { caseId: created.id, caseNumber: created.caseNumber };
        // Channel and session token both need only the user, so they run side by side.
        const blocker = CHANNEL_URL.test(created.id)
            ? await userReady
            : new Error(`the Case Id ${created.id} cannot be a channel URL`);
        const step = <T>(run: () => Promise<T>): Promise<T> =>
            blocker === undefined ? run() : Promise.reject(blocker);
        const [channel, token] = await Promise.allSettled([
            step(() =>
                this.sendbird.createChannel({
                    channelUrl: created.id,
                    userId: identity.userId,
                    name: input.subject.slice(0, CHANNEL_NAME_MAX),
                    caseNumber: created.caseNumber
                })
            ),
            step(() => this.sendbird.issueSessionToken(identity.userId))
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
            log.error({ err: token.reason, caseId: created.id }, 'Sendbird session token failed');
            return failed('session_unavailable', ticket, 'the chat could not be opened');
        }
        const accessToken = token.value;
        const body: TicketCreated = {
            ...ticket,
            channelUrl: created.id,
            userId: identity.userId,
            accessToken,
            appId: this.config.appId,
            ...(this.config.chatApiHost ? { apiHost: this.config.chatApiHost } : {}),
            ...(this.config.chatWsHost ? { wsHost: this.config.chatWsHost } : {})
        };
        log.info({ caseId: created.id, userKind: identity.kind }, 'ticket created');
        return { statusCode: 201, body };
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

function failed(
    code: string,
    ticket: { caseId: string; caseNumber: string },
    what: string
): StoredResponse {
    const message = `Your ticket ${ticket.caseNumber} was created, but ${what}. An agent will follow up.`;
    return new HttpError(502, code, message, ticket).toResponse();
}
