import { DEFAULT_SALESFORCE_TIMEOUT_MS, type SalesforceConfig } from '../config';
import { UpstreamError } from '../errors';
import { describeHttpFailure, type UpstreamHttp } from '../http/upstream-http';

/** What an OAuth login gives us: a bearer token and the org's instance URL. */
export interface SalesforceSession {
    accessToken: string;
    instanceUrl: string;
}

/** Hands out Salesforce sessions; `renew` is called with the one that was rejected. */
export interface SalesforceSessionSource {
    current(): Promise<SalesforceSession>;
    renew(rejected: SalesforceSession): Promise<SalesforceSession>;
}

interface TokenResponse {
    access_token?: string;
    instance_url?: string;
    error?: string;
    error_description?: string;
}

/**
 * One OAuth 2.0 login at `<loginUrl>/services/oauth2/token` (form-encoded, as Salesforce's
 * OAuth docs describe): client credentials by default, username-password when both are
 * configured (seed 000's flow, which new orgs block). Bounded by `timeoutMs`.
 */
export async function oauthLogin(
    config: SalesforceConfig,
    http: UpstreamHttp,
    timeoutMs = config.timeoutMs
): Promise<SalesforceSession> {
    const form = new URLSearchParams({
        client_id: config.clientId,
        client_secret: config.clientSecret,
        ...(config.username !== undefined && config.password !== undefined
            ? { grant_type: 'password', username: config.username, password: config.password }
            : { grant_type: 'client_credentials' })
    });
    let status: number;
    let body: TokenResponse;
    try {
        const reply = await http.exchange({
            method: 'POST',
            url: `${config.loginUrl}/services/oauth2/token`,
            headers: {
                'content-type': 'application/x-www-form-urlencoded',
                accept: 'application/json'
            },
            body: form.toString(),
            timeoutMs
        });
        status = reply.status;
        body = parseObject(reply.text);
    } catch (error) {
        const failure = describeHttpFailure(error);
        throw new UpstreamError(
            'salesforce',
            failure.timeout
                ? `OAuth login timed out after ${timeoutMs} ms`
                : `OAuth login failed: ${failure.reason}`
        );
    }
    if (status !== 200 || !body.access_token || !body.instance_url) {
        // OAuth's `error` and `error_description` name the problem and carry no secret.
        throw new UpstreamError(
            'salesforce',
            `OAuth login failed: ${body.error ?? `HTTP ${status}`}: ${body.error_description ?? 'no description'}`
        );
    }
    return { accessToken: body.access_token, instanceUrl: body.instance_url.replace(/\/+$/, '') };
}

function parseObject(text: string): TokenResponse {
    try {
        const parsed = JSON.parse(text) as unknown;
        return typeof parsed === 'object' && parsed !== null ? (parsed as TokenResponse) : {};
    } catch {
        return {};
    }
}

/**
 * Logs in once and reuses the session for every request. Concurrent callers share one login,
 * and after a 401 one renewal serves everyone who held the rejected session. A login that takes
 * longer than `timeoutMs` fails everyone waiting on it and is forgotten, so one hung token
 * request cannot stall the server (and hold Idempotency-Keys) for longer than that.
 */
export class CachedSessionSource implements SalesforceSessionSource {
    private session?: Promise<SalesforceSession>;
    /** The token whose rejection started the latest login: later holders of it just wait. */
    private renewedFrom?: string;

    constructor(
        private readonly login: () => Promise<SalesforceSession>,
        private readonly timeoutMs = DEFAULT_SALESFORCE_TIMEOUT_MS
    ) {}

    current(): Promise<SalesforceSession> {
        this.session ??= this.start();
        return this.session;
    }

    renew(rejected: SalesforceSession): Promise<SalesforceSession> {
        if (this.session && this.renewedFrom === rejected.accessToken) return this.session;
        this.renewedFrom = rejected.accessToken;
        this.session = this.start();
        return this.session;
    }

    /** A failed login is forgotten, so the next request tries again. */
    private start(): Promise<SalesforceSession> {
        const attempt = withDeadline(this.login(), this.timeoutMs);
        attempt.catch(() => {
            if (this.session === attempt) this.session = undefined;
        });
        return attempt;
    }
}

/** The login's own result, or a failure once `ms` have passed without one. */
function withDeadline<T>(work: Promise<T>, ms: number): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_resolve, reject) => {
        timer = setTimeout(
            () => reject(new UpstreamError('salesforce', `OAuth login timed out after ${ms} ms`)),
            ms
        );
    });
    return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
}
