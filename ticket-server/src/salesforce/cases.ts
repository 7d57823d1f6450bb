import { Connection } from '@jsforce/jsforce-node';
import { UpstreamError } from '../errors';
import type { SalesforceSession, SalesforceSessionSource } from './session';

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

/** Case records through the standard REST API (`sobjects/Case`), with one retry after a 401. */
export class SalesforceCases {
    private readonly connections = new WeakMap<SalesforceSession, Connection>();

    constructor(private readonly sessions: SalesforceSessionSource) {}

    /** Creates a web Case and reads back its number. */
    async create(input: NewCase): Promise<CreatedCase> {
        const record = {
            Subject: input.subject,
            Description: input.description,
            Origin: 'Web',
            SuppliedName: input.name,
            SuppliedEmail: input.email
        };
        const saved = await this.call('create the Case', (conn) =>
            conn.sobject('Case').create(record)
        );
        if (!saved.success) {
            throw new UpstreamError('salesforce', 'the Case was not created');
        }
        const read = await this.call('read the Case number', (conn) =>
            conn.sobject('Case').retrieve(saved.id, { fields: ['CaseNumber'] })
        );
        return { id: saved.id, caseNumber: String(read.CaseNumber) };
    }

    /** Flags a Case whose channel could not be created, so an agent sees it. */
    async markChannelMissing(caseId: string): Promise<void> {
        await this.call('mark the Case', (conn) =>
            conn.sobject('Case').update({ Id: caseId, [CHANNEL_MISSING_FIELD]: true })
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
            this.connections.set(session, conn);
        }
        return conn;
    }
}

function asUpstream(what: string, error: unknown): UpstreamError {
    if (error instanceof UpstreamError) return error;
    const { errorCode, message } = error as JsforceError;
    return new UpstreamError(
        'salesforce',
        `could not ${what}: ${errorCode ?? 'error'}: ${message}`,
        undefined,
        errorCode
    );
}
