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
    'Sendbird_Channel_Missing__c'
]);

export interface StoredCase extends Record<string, unknown> {
    Id: string;
    CaseNumber: string;
}

/**
 * A test double of the Salesforce REST API, following its documented wire format: the OAuth 2.0
 * token endpoint (client_credentials and password grants, form-encoded), `sobjects/Case` create
 * (201 `{id,success,errors}`), retrieve with `?fields=` and update (PATCH, 204), and the
 * composite API (`/composite`, `compositeRequest` with `@{ref.field}`, allOrNone). Data
 * calls need a bearer token it issued; otherwise 401 with `INVALID_SESSION_ID`, as Salesforce
 * answers an expired session.
 */
export class SalesforceDouble extends HttpDouble {
    readonly cases = new Map<string, StoredCase>();
    private readonly liveTokens = new Set<string>();
    private issued = 0;

    constructor() {
        super('Salesforce');
        this.route('POST', /^\/services\/oauth2\/token$/, (call) => this.token(call));
        this.route('POST', new RegExp(`^${API}/composite$`), (call) =>
            this.authorized(call, () => this.composite(call))
        );
        this.route('POST', new RegExp(`^${API}/sobjects/Case$`), (call) =>
            this.authorized(call, () => this.createCase(call))
        );
        this.route('GET', new RegExp(`^${API}/sobjects/Case/(\\w+)$`), (call, [id]) =>
            this.authorized(call, () => this.readCase(call, id))
        );
        this.route('PATCH', new RegExp(`^${API}/sobjects/Case/(\\w+)$`), (call, [id]) =>
            this.authorized(call, () => this.updateCase(call, id))
        );
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
            if (sub.method === 'POST' && answer.status === 201)
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
        const n = this.cases.size + 1;
        const id = `500${String(n).padStart(12, '0')}AAA`;
        this.cases.set(id, { ...fields, Id: id, CaseNumber: String(1000 + n).padStart(8, '0') });
        return { status: 201, body: { id, success: true, errors: [] } };
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

function notFound(): DoubleResponse {
    return {
        status: 404,
        body: [{ errorCode: 'NOT_FOUND', message: 'The requested resource does not exist' }]
    };
}

function oauthError(error: string, description: string): DoubleResponse {
    return { status: 400, body: { error, error_description: description } };
}
