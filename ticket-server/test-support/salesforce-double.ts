import { HttpDouble, jsonOf, type DoubleResponse, type RecordedCall } from './http-double';

/** The fake credentials the double accepts: obviously not real ones. */
export const TEST_SF_CREDENTIALS = {
    clientId: 'test-client-id',
    clientSecret: 'test-client-secret',
    username: 'integration@example.test',
    password: 'test-password-and-token'
};

const API = '/services/data/v65\\.0';
const CASE_FIELDS = new Set([
    'Subject',
    'Description',
    'Origin',
    'SuppliedName',
    'SuppliedEmail',
    'Sendbird_Channel_Missing__c',
    'Sendbird_Channel_URL__c',
    'Sendbird_Ticket_Key__c'
]);
/** Case fields that are unique External IDs in force-app/main (upsert keys). */
const EXTERNAL_IDS = new Set(['Sendbird_Ticket_Key__c', 'Sendbird_Channel_URL__c']);

export interface StoredCase extends Record<string, unknown> {
    Id: string;
    CaseNumber: string;
}

/**
 * A test double of the Salesforce REST API, following its documented wire format: the OAuth 2.0
 * token endpoint (client_credentials and password grants, form-encoded), `sobjects/Case` create
 * (201 `{id,success,errors}`), retrieve with `?fields=` and update (PATCH, 204), upsert by
 * External ID (`PATCH sobjects/Case/<field>/<value>`: 201 `{id,success,errors,created:true}`
 * when created, 200 `{…,created:false}` when updated, as API 46.0+ answers; 404 NOT_FOUND for a
 * field that is no External ID), retrieve by External ID (`GET …/<field>/<value>?fields=`),
 * unique fields (400 DUPLICATE_VALUE), and the composite API (`/composite`, `compositeRequest`
 * with `@{ref.field}`, allOrNone). Data calls need a bearer token it issued; otherwise 401 with
 * `INVALID_SESSION_ID`, as Salesforce answers an expired session. A stand-in, not Salesforce.
 */
export class SalesforceDouble extends HttpDouble {
    readonly cases = new Map<string, StoredCase>();
    private readonly liveTokens = new Set<string>();
    private issued = 0;
    private raceNext = false;
    private sequence = 0;

    constructor() {
        super('Salesforce');
        this.apexRest();
        this.route('POST', /^\/services\/oauth2\/token$/, (call) => this.token(call));
        this.route('POST', new RegExp(`^${API}/composite$`), (call) =>
            this.authorized(call, () => this.composite(call))
        );
        this.route('POST', new RegExp(`^${API}/sobjects/Case$`), (call) =>
            this.authorized(call, () => this.createCase(call))
        );
        this.route(
            'PATCH',
            new RegExp(`^${API}/sobjects/Case/(\\w+__c)/([^/]+)$`),
            (call, [field, value]) =>
                this.authorized(call, () => this.upsertCase(call, field, value))
        );
        this.route(
            'GET',
            new RegExp(`^${API}/sobjects/Case/(\\w+__c)/([^/]+)$`),
            (call, [field, value]) =>
                this.authorized(call, () => this.readCaseBy(call, field, value))
        );
        this.route('GET', new RegExp(`^${API}/sobjects/Case/(\\w+)$`), (call, [id]) =>
            this.authorized(call, () => this.readCase(call, id))
        );
        this.route('PATCH', new RegExp(`^${API}/sobjects/Case/(\\w+)$`), (call, [id]) =>
            this.authorized(call, () => this.updateCase(call, id))
        );
    }

    /** Handoffs our Apex REST `/sendbird/v1/handoff` took, as their bodies arrived. */
    readonly handoffs: Array<Record<string, unknown>> = [];
    /** Close notices our Apex REST `/sendbird/v1/conversation/closed` took. */
    readonly closedNotices: Array<Record<string, unknown>> = [];

    /**
     * Our own Apex REST endpoints, as SendbirdHandoffResource and SendbirdConversationClosedResource
     * answer: a handoff creates a Case for its channel (201) or finds the open one (200); a close
     * notice is noted on the channel's Case (201) or on none (200, `recorded:false`).
     */
    private apexRest(): void {
        this.route('POST', /^\/services\/apexrest\/sendbird\/v1\/handoff$/, (call) =>
            this.authorized(call, () => {
                const body = jsonOf(call);
                this.handoffs.push(body);
                const channelUrl = String(body.channelUrl);
                const open = [...this.cases.values()].find(
                    (c) => c.Sendbird_Channel_URL__c === channelUrl
                );
                if (open) return { status: 200, body: { caseId: open.Id, created: false } };
                const caseId = this.insertCase({
                    Subject: 'Chat with the AI agent',
                    Description: body.summary,
                    Sendbird_Channel_URL__c: channelUrl
                });
                return { status: 201, body: { caseId, created: true } };
            })
        );
        this.route('POST', /^\/services\/apexrest\/sendbird\/v1\/conversation\/closed$/, (call) =>
            this.authorized(call, () => {
                const body = jsonOf(call);
                this.closedNotices.push(body);
                const held = [...this.cases.values()].find(
                    (c) => c.Sendbird_Channel_URL__c === body.channelUrl
                );
                return held
                    ? { status: 201, body: { recorded: true, caseId: held.Id } }
                    : { status: 200, body: { recorded: false } };
            })
        );
    }

    /**
     * The next upsert of `value` loses a race: another transaction inserts the Case with that key
     * first, and this one fails on the unique index with DUPLICATE_VALUE, as Salesforce answers
     * two concurrent upserts that both found no record.
     */
    loseNextUpsertRace(): void {
        this.raceNext = true;
    }

    /** Cases by ticket key. */
    casesWithKey(key: string): StoredCase[] {
        return [...this.cases.values()].filter((c) => c.Sendbird_Ticket_Key__c === key);
    }

    /** Expires every session issued so far, as a password change or timeout would. */
    expireSessions(): void {
        this.liveTokens.clear();
    }

    /** Token requests made so far, i.e. logins. */
    logins(): RecordedCall[] {
        return this.callsTo('POST', /^\/services\/oauth2\/token$/);
    }

    private token(call: RecordedCall): DoubleResponse {
        const form = new URLSearchParams(call.body);
        const creds = TEST_SF_CREDENTIALS;
        if (
            form.get('client_id') !== creds.clientId ||
            form.get('client_secret') !== creds.clientSecret
        ) {
            return oauthError('invalid_client', 'invalid client credentials');
        }
        const grant = form.get('grant_type');
        if (grant === 'password') {
            if (
                form.get('username') !== creds.username ||
                form.get('password') !== creds.password
            ) {
                return oauthError('invalid_grant', 'authentication failure');
            }
        } else if (grant !== 'client_credentials') {
            return oauthError('unsupported_grant_type', 'grant type not supported');
        }
        const accessToken = `00Dtest!session-${++this.issued}`;
        this.liveTokens.add(accessToken);
        return {
            status: 200,
            body: {
                access_token: accessToken,
                instance_url: this.url,
                id: `${this.url}/id/00D000000000001AAA/005000000000001AAA`,
                token_type: 'Bearer',
                issued_at: String(Date.now()),
                signature: 'test-signature'
            }
        };
    }

    /**
     * The composite API: subrequests in order, `@{ref.field}` references to earlier results,
     * and with allOrNone a failure rolls back the Cases created and halts the rest. Always 200.
     */
    private composite(call: RecordedCall): DoubleResponse {
        const { allOrNone, compositeRequest } = jsonOf<{
            allOrNone?: boolean;
            compositeRequest: Array<{
                method: string;
                url: string;
                referenceId: string;
                body?: unknown;
            }>;
        }>(call);
        const results: Record<string, unknown> = {};
        const answers: Array<{ body: unknown; httpStatusCode: number; referenceId: string }> = [];
        const created: string[] = [];
        for (const sub of compositeRequest) {
            const url = new URL(
                sub.url.replace(/@\{(\w+)\.(\w+)\}/g, (_m, ref: string, field: string) =>
                    String((results[ref] as Record<string, unknown> | undefined)?.[field])
                ),
                'http://double'
            );
            const answer = this.dispatch({
                ...call,
                method: sub.method,
                path: url.pathname,
                query: url.searchParams,
                body: sub.body === undefined ? '' : JSON.stringify(sub.body)
            });
            results[sub.referenceId] = answer.body;
            answers.push({
                body: answer.body ?? null,
                httpStatusCode: answer.status,
                referenceId: sub.referenceId
            });
            if ((sub.method === 'POST' || sub.method === 'PATCH') && answer.status === 201)
                created.push((answer.body as { id: string }).id);
            if (answer.status >= 400 && allOrNone) {
                created.forEach((id) => this.cases.delete(id));
                const halted = [
                    {
                        errorCode: 'PROCESSING_HALTED',
                        message:
                            'The transaction was rolled back since another operation in the same transaction failed.'
                    }
                ];
                return {
                    status: 200,
                    body: {
                        compositeResponse: compositeRequest.map((other, i) =>
                            other === sub
                                ? answers[i]
                                : {
                                      body: halted,
                                      httpStatusCode: 400,
                                      referenceId: other.referenceId
                                  }
                        )
                    }
                };
            }
        }
        return { status: 200, body: { compositeResponse: answers } };
    }

    private authorized(call: RecordedCall, handle: () => DoubleResponse): DoubleResponse {
        const token = /^Bearer (.+)$/.exec(call.headers.authorization ?? '')?.[1];
        if (token === undefined || !this.liveTokens.has(token)) {
            return {
                status: 401,
                body: [{ message: 'Session expired or invalid', errorCode: 'INVALID_SESSION_ID' }]
            };
        }
        return handle();
    }

    private createCase(call: RecordedCall): DoubleResponse {
        const fields = jsonOf(call);
        const invalid = invalidField(fields);
        if (invalid) return invalid;
        const id = this.insertCase(fields);
        return { status: 201, body: { id, success: true, errors: [] } };
    }

    private upsertCase(call: RecordedCall, field: string, value: string): DoubleResponse {
        if (!EXTERNAL_IDS.has(field)) {
            return {
                status: 404,
                body: [
                    {
                        errorCode: 'NOT_FOUND',
                        message: `Provided external ID field does not exist or is not accessible: ${field}`
                    }
                ]
            };
        }
        const fields = jsonOf(call);
        const invalid = invalidField(fields);
        if (invalid) return invalid;
        if (this.raceNext) {
            this.raceNext = false;
            this.insertCase({ ...fields, [field]: value });
            return duplicateValue(field);
        }
        const existing = [...this.cases.values()].find((c) => c[field] === value);
        const merged = { ...(existing ?? {}), ...fields, [field]: value };
        const clash = this.uniqueClash(merged, existing?.Id);
        if (clash) return duplicateValue(clash);
        if (existing) {
            Object.assign(existing, fields);
            return {
                status: 200,
                body: { id: existing.Id, success: true, errors: [], created: false }
            };
        }
        const id = this.insertCase(merged);
        return { status: 201, body: { id, success: true, errors: [], created: true } };
    }

    private readCaseBy(call: RecordedCall, field: string, value: string): DoubleResponse {
        const record = [...this.cases.values()].find((c) => c[field] === value);
        return record ? this.readCase(call, record.Id) : notFound();
    }

    private insertCase(fields: Record<string, unknown>): string {
        // A sequence, not the count: rolled-back Cases leave gaps, as real Ids and numbers do.
        const n = ++this.sequence;
        const id = `500${String(n).padStart(12, '0')}AAA`;
        this.cases.set(id, { ...fields, Id: id, CaseNumber: String(1000 + n).padStart(8, '0') });
        return id;
    }

    /** A unique field of `record` whose value another Case already holds. */
    private uniqueClash(record: Record<string, unknown>, selfId?: string): string | undefined {
        for (const field of EXTERNAL_IDS) {
            const value = record[field];
            if (value === undefined || value === null) continue;
            const other = [...this.cases.values()].find(
                (c) => c.Id !== selfId && c[field] === value
            );
            if (other) return field;
        }
        return undefined;
    }

    private readCase(call: RecordedCall, id: string): DoubleResponse {
        const record = this.cases.get(id);
        if (!record) return notFound();
        const fields = call.query.get('fields')?.split(',') ?? Object.keys(record);
        const body: Record<string, unknown> = {
            attributes: { type: 'Case', url: `/services/data/v65.0/sobjects/Case/${id}` }
        };
        for (const field of fields) body[field] = record[field] ?? null;
        return { status: 200, body };
    }

    private updateCase(call: RecordedCall, id: string): DoubleResponse {
        const record = this.cases.get(id);
        if (!record) return notFound();
        const fields = jsonOf(call);
        const invalid = invalidField(fields);
        if (invalid) return invalid;
        Object.assign(record, fields);
        return { status: 204 };
    }
}

function invalidField(fields: Record<string, unknown>): DoubleResponse | undefined {
    const unknown = Object.keys(fields).find((name) => !CASE_FIELDS.has(name));
    if (unknown === undefined) return undefined;
    return {
        status: 400,
        body: [
            {
                message: `No such column '${unknown}' on sobject of type Case`,
                errorCode: 'INVALID_FIELD'
            }
        ]
    };
}

function duplicateValue(field: string): DoubleResponse {
    return {
        status: 400,
        body: [
            {
                errorCode: 'DUPLICATE_VALUE',
                message: `duplicate value found: ${field} duplicates value on record with id: 500000000000000AAA`,
                fields: [field]
            }
        ]
    };
}

function notFound(): DoubleResponse {
    return {
        status: 404,
        body: [{ errorCode: 'NOT_FOUND', message: 'The requested resource does not exist' }]
    };
}

function oauthError(error: string, description: string): DoubleResponse {
    return { status: 400, body: { error, error_description: description } };
}
