import { OAuth2 } from '@jsforce/jsforce-node';
import { DEFAULT_SALESFORCE_TIMEOUT_MS, type SalesforceConfig } from '../config';
import { UpstreamError } from '../errors';

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
    access_token: string;
    instance_url: string;
}

/**
 * One OAuth login through jsforce: client credentials by default, username-password when both
 * are configured (seed 000's flow, which new orgs block). The token request is aborted after
 * `timeoutMs` (jsforce's own default is 30 minutes).
 */
export async function oauthLogin(
    config: SalesforceConfig,
    timeoutMs = config.timeoutMs
): Promise<SalesforceSession> {
    const oauth2 = new OAuth2({
        loginUrl: config.loginUrl,
        clientId: config.clientId,
        clientSecret: config.clientSecret
    });
    // OAuth2 takes no per-call options, so its transport is told the timeout for every call.
    const transport = oauth2._transport;
    const send = transport.httpRequest.bind(transport);
    transport.httpRequest = (request, options) => send(request, { ...options, timeout: timeoutMs });
    let response: TokenResponse;
    try {
        response = (
            config.username !== undefined && config.password !== undefined
                ? await oauth2.authenticate(config.username, config.password)
                : await oauth2.requestToken({ grant_type: 'client_credentials' })
        ) as TokenResponse;
    } catch (error) {
        // jsforce puts OAuth's `error` in name and `error_description` in message: no secrets.
        const { name, message } = error as Error;
        throw new UpstreamError('salesforce', `OAuth login failed: ${name}: ${message}`);
    }
    return { accessToken: response.access_token, instanceUrl: response.instance_url };
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
