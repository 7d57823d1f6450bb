import { Connection } from '@jsforce/jsforce-node';
import { UpstreamError } from '../errors';
import type { SalesforceSession, SalesforceSessionSource } from './session';
import type { KeepAliveTransport } from './transport';

/** The REST API version the server speaks (the project's sourceApiVersion). */
export const SALESFORCE_API_VERSION = '65.0';

/** The checkbox an agent sees when a ticket's Sendbird channel could not be created. */
export const CHANNEL_MISSING_FIELD = 'Sendbird_Channel_Missing__c';

export interface NewCase {
    subject: string;
    description?: string;
    name?: string;
    email?: string;
}

export interface CreatedCase {
    id: string;
    caseNumber: string;
}

interface JsforceError extends Error {
    errorCode?: string;
}

/** The composite API's answer: one entry per subrequest, in order. */
interface CompositeResponse {
    compositeResponse: Array<{ body: unknown; httpStatusCode: number; referenceId: string }>;
}

/**
 * Case records through the standard REST API (`sobjects/Case`), with one retry after a 401.
 * Every call goes through `transport`, which bounds it in time.
 */
export class SalesforceCases {
    private readonly connections = new WeakMap<SalesforceSession, Connection>();

    constructor(
        private readonly sessions: SalesforceSessionSource,
        private readonly transport: KeepAliveTransport
    ) {}

    /**
     * Creates a web Case and reads back its number in one round trip: a composite request of
     * two `sobjects/Case` subrequests, all-or-none, so a Case whose number cannot be read is
     * rolled back rather than left behind.
     */
    async create(input: NewCase): Promise<CreatedCase> {
        const base = `/services/data/v${SALESFORCE_API_VERSION}/sobjects/Case`;
        const request = {
            allOrNone: true,
            compositeRequest: [
                {
                    method: 'POST',
                    url: base,
                    referenceId: 'newCase',
                    body: {
                        Subject: input.subject,
                        Description: input.description,
                        Origin: 'Web',
                        SuppliedName: input.name,
                        SuppliedEmail: input.email
                    }
                },
                {
                    method: 'GET',
                    url: `${base}/@{newCase.id}?fields=CaseNumber`,
                    referenceId: 'caseNumber'
                }
            ]
        };
        const response = await this.call('create the Case', (conn) =>
            conn.requestPost<CompositeResponse>('/composite', request)
        );
        const [saved, read] = response.compositeResponse;
        const id = (saved?.body as { id?: string } | undefined)?.id;
        const caseNumber = (read?.body as { CaseNumber?: string } | undefined)?.CaseNumber;
        if (saved?.httpStatusCode !== 201 || read?.httpStatusCode !== 200 || !id || !caseNumber) {
            throw new UpstreamError(
                'salesforce',
                `the Case was not created: ${describe(response)}`
            );
        }
        return { id, caseNumber };
    }

    /** Flags a Case whose channel could not be created, so an agent sees it. */
    async markChannelMissing(caseId: string): Promise<void> {
        await this.call('mark the Case', (conn) =>
            conn.requestPatch(`/sobjects/Case/${encodeURIComponent(caseId)}`, {
                [CHANNEL_MISSING_FIELD]: true
            })
        );
    }

    private async call<T>(what: string, operation: (conn: Connection) => Promise<T>): Promise<T> {
        const session = await this.sessions.current();
        try {
            return await operation(this.connection(session));
        } catch (error) {
            if ((error as JsforceError).errorCode !== 'INVALID_SESSION_ID') {
                throw asUpstream(what, error);
            }
            const renewed = await this.sessions.renew(session);
            try {
                return await operation(this.connection(renewed));
            } catch (retryError) {
                throw asUpstream(what, retryError);
            }
        }
    }

    /** No oauth2 options and no refreshFn: jsforce must not refresh on its own (we do it once). */
    private connection(session: SalesforceSession): Connection {
        let conn = this.connections.get(session);
        if (!conn) {
            conn = new Connection({
                instanceUrl: session.instanceUrl,
                accessToken: session.accessToken,
                version: SALESFORCE_API_VERSION
            });
            conn._transport = this.transport;
            this.connections.set(session, conn);
        }
        return conn;
    }
}

function asUpstream(what: string, error: unknown): UpstreamError {
    if (error instanceof UpstreamError) return error;
    const { errorCode, message, name } = error as JsforceError;
    if (name === 'TimeoutError') {
        return new UpstreamError(
            'salesforce',
            `could not ${what}: ${message}`,
            undefined,
            'TIMEOUT'
        );
    }
    return new UpstreamError(
        'salesforce',
        `could not ${what}: ${errorCode ?? 'error'}: ${message}`,
        undefined,
        errorCode
    );
}

/** The first subrequest error, e.g. `REQUIRED_FIELD_MISSING: Required fields are missing`. */
function describe(response: CompositeResponse): string {
    for (const sub of response.compositeResponse ?? []) {
        const [error] = Array.isArray(sub.body) ? (sub.body as JsforceError[]) : [];
        if (error?.errorCode && error.errorCode !== 'PROCESSING_HALTED') {
            return `${error.errorCode}: ${error.message}`;
        }
    }
    return 'unexpected composite response';
}
