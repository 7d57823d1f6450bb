import { UpstreamError } from '../errors';
import { SALESFORCE_API_VERSION, type SalesforceRestClient } from './rest-client';

/** The checkbox an agent sees while (or because) a ticket's Sendbird channel does not exist. */
export const CHANNEL_MISSING_FIELD = 'Sendbird_Channel_Missing__c';
/** The unique External ID the ticket server upserts Cases on (force-app/main Case field). */
export const TICKET_KEY_FIELD = 'Sendbird_Ticket_Key__c';
/** The Case's channel, which the Apex reads instead of the Case Id when set. */
export const CHANNEL_URL_FIELD = 'Sendbird_Channel_URL__c';

/** Attempts of the Case upsert in one request: safe to repeat, so a lost answer is asked again. */
export const CASE_UPSERT_ATTEMPTS = 2;

export interface NewCase {
    subject: string;
    description?: string;
    name?: string;
    email?: string;
}

export interface TicketCase {
    id: string;
    caseNumber: string;
    /** False when the key's Case already existed (a retry, or another instance was first). */
    created: boolean;
}

/** The composite API's answer: one entry per subrequest, in order. */
interface CompositeResponse {
    compositeResponse: Array<{ body: unknown; httpStatusCode: number; referenceId: string }>;
}

/** Worth asking again (as is any 5xx): no answer, a row lock, or a concurrent insert of the key won. */
const REPEATABLE = new Set(['TIMEOUT', 'NETWORK', 'DUPLICATE_VALUE', 'UNABLE_TO_LOCK_ROW']);

/**
 * Ticket Cases through the REST API. A ticket's Case is upserted on its ticket key (`PATCH
 * /sobjects/Case/Sendbird_Ticket_Key__c/<key>`), Salesforce's own idempotent write: asking
 * again, after a timeout, a restart or on another instance, finds the Case instead of making a
 * second one.
 */
export class SalesforceCases {
    constructor(private readonly rest: SalesforceRestClient) {}

    /**
     * Upserts the ticket's Case and reads back its Id and number in one round trip (a composite
     * of the upsert and a GET by the same External ID, all-or-none). The Case is written with
     * the channel flagged missing: the flag is cleared once the channel exists, so a Case left
     * behind by any failure, even a crash, is flagged for an agent.
     */
    async upsert(key: string, channelUrl: string, input: NewCase): Promise<TicketCase> {
        const byKey = `/services/data/v${SALESFORCE_API_VERSION}/sobjects/Case/${TICKET_KEY_FIELD}/${encodeURIComponent(key)}`;
        const request = {
            allOrNone: true,
            compositeRequest: [
                {
                    method: 'PATCH',
                    url: byKey,
                    referenceId: 'ticketCase',
                    body: {
                        Subject: input.subject,
                        Description: input.description,
                        Origin: 'Web',
                        SuppliedName: input.name,
                        SuppliedEmail: input.email,
                        [CHANNEL_URL_FIELD]: channelUrl,
                        [CHANNEL_MISSING_FIELD]: true
                    }
                },
                { method: 'GET', url: `${byKey}?fields=Id,CaseNumber`, referenceId: 'caseNumber' }
            ]
        };
        let lastError: unknown;
        for (let attempt = 0; attempt < CASE_UPSERT_ATTEMPTS; attempt++) {
            try {
                return await this.upsertOnce(request);
            } catch (error) {
                lastError = error;
                const code = error instanceof UpstreamError ? String(error.code) : '';
                const busy = error instanceof UpstreamError && (error.status ?? 0) >= 500;
                if (!busy && !REPEATABLE.has(code)) break;
            }
        }
        throw lastError;
    }

    /** Sets or clears the channel-missing flag. */
    async flagChannelMissing(caseId: string, missing: boolean): Promise<void> {
        await this.rest.request(
            'flag the Case',
            'PATCH',
            `/sobjects/Case/${encodeURIComponent(caseId)}`,
            {
                [CHANNEL_MISSING_FIELD]: missing
            }
        );
    }

    private async upsertOnce(request: object): Promise<TicketCase> {
        const { body } = await this.rest.request<CompositeResponse>(
            'upsert the Case',
            'POST',
            '/composite',
            request
        );
        const [saved, read] = body?.compositeResponse ?? [];
        const id = (read?.body as { Id?: string } | undefined)?.Id;
        const caseNumber = (read?.body as { CaseNumber?: string } | undefined)?.CaseNumber;
        // 201: created; 200 (API 46.0+) or 204: an existing record was updated.
        const upserted = saved !== undefined && [200, 201, 204].includes(saved.httpStatusCode);
        if (!upserted || read?.httpStatusCode !== 200 || !id || !caseNumber) {
            const failure = firstError(body);
            throw new UpstreamError(
                'salesforce',
                `the Case was not saved: ${failure ? `${failure.errorCode}: ${failure.message}` : 'unexpected composite response'}`,
                undefined,
                failure?.errorCode
            );
        }
        return { id, caseNumber, created: saved.httpStatusCode === 201 };
    }
}

/** The first subrequest error, e.g. `REQUIRED_FIELD_MISSING: Required fields are missing`. */
function firstError(
    response: CompositeResponse | undefined
): { errorCode: string; message?: string } | undefined {
    for (const sub of response?.compositeResponse ?? []) {
        const [error] = Array.isArray(sub.body)
            ? (sub.body as Array<{ errorCode?: string; message?: string }>)
            : [];
        if (error?.errorCode && error.errorCode !== 'PROCESSING_HALTED') {
            return { errorCode: error.errorCode, message: error.message };
        }
    }
    return undefined;
}
