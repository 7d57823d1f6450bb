import { OAuth2 } from '@jsforce/jsforce-node';
import type { SalesforceConfig } from '../config';
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
 * are configured (seed 000's flow, which new orgs block).
 */
export async function oauthLogin(config: SalesforceConfig): Promise<SalesforceSession> {
    const oauth2 = new OAuth2({
        loginUrl: config.loginUrl,
        clientId: config.clientId,
        clientSecret: config.clientSecret
    });
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
 * and after a 401 one renewal serves everyone who held the rejected session.
 */
export class CachedSessionSource implements SalesforceSessionSource {
    private session?: Promise<SalesforceSession>;
    /** The token whose rejection started the latest login: later holders of it just wait. */
    private renewedFrom?: string;

    constructor(private readonly login: () => Promise<SalesforceSession>) {}

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
        const attempt = this.login();
        attempt.catch(() => {
            if (this.session === attempt) this.session = undefined;
        });
        return attempt;
    }
}
