/** Default bound on one Salesforce call (login or Case), in ms. */
export const DEFAULT_SALESFORCE_TIMEOUT_MS = 10_000;

/** Everything the ticket server reads from its environment, validated once at start-up. */
export interface TicketServerConfig {
    port: number;
    salesforce: SalesforceConfig;
    sendbird: SendbirdConfig;
    /** HS256 key for host-site identity tokens; without it only guest tickets are accepted. */
    identitySecret?: Uint8Array;
    /** Checked when set: identity tokens' `iss` and `aud`. */
    identityIssuer?: string;
    identityAudience?: string;
    /** TICKET_REQUIRE_IDENTITY=true: guests get 401. */
    requireIdentity: boolean;
    /** Before every customer's Sendbird user id, so none can equal an agent's (default `customer_`). */
    customerPrefix: string;
    /** Signs page sessions and chat refresh tokens; unset: derived from the identity secret. */
    sessionSecret?: Uint8Array;
    /** The key AI agent webhooks are signed with: SENDBIRD_WEBHOOK_SECRET, else the API token. */
    webhookSecret: string;
    /** How long a page session lasts. */
    pageSessionMinutes: number;
    /** Requests per minute per client address (IPv6: per /64) on POST /createticket. */
    rateLimitPerMinute: number;
    /** Guest tickets per minute over all addresses (and, with Redis, all instances). */
    guestTicketsPerMinute: number;
    /** Set: rate limits and the replay cache live in this Redis, shared by every instance. */
    redisUrl?: string;
    /** SIGTERM: in-flight requests get this long to finish before the process exits. */
    shutdownDeadlineMs: number;
    /** Fastify `trustProxy`: hops of reverse proxies whose X-Forwarded-For is believed. */
    trustProxyHops: number;
    /** Origins allowed to frame the customer page (CSP frame-ancestors). */
    frameAncestors: string[];
    /** PAGE_NOTICE: plain text the customer page shows above everything (a staging or demo banner). */
    pageNotice?: string;
}

export interface SalesforceConfig {
    /** Where the OAuth token endpoint lives: My Domain (client credentials) or login.salesforce.com. */
    loginUrl: string;
    clientId: string;
    clientSecret: string;
    /** Both set: the username-password flow (password followed by the security token). */
    username?: string;
    password?: string;
    /** Bound on each Salesforce call (the login, each Case call), in ms. */
    timeoutMs: number;
}

export interface SendbirdConfig {
    appId: string;
    apiToken: string;
    /** Platform API base, without `/v3`. */
    apiUrl: string;
    /** Hosts the customer page's chat SDK uses; unset means Sendbird's own for the app id. */
    chatApiHost?: string;
    chatWsHost?: string;
}

/** Start-up stops with this: it names every variable that is missing or invalid. */
export class ConfigError extends Error {
    constructor(readonly problems: string[]) {
        super(`Invalid ticket server configuration:\n  - ${problems.join('\n  - ')}`);
        this.name = 'ConfigError';
    }
}

type Env = Record<string, string | undefined>;

const APP_ID = /^[A-Za-z0-9-]+$/;
const MIN_IDENTITY_SECRET_BYTES = 32;
const MAX_PAGE_NOTICE = 500;
/** Salesforce User Ids are 15 or 18 letters and digits: an underscore can never appear in one. */
const CUSTOMER_PREFIX = /^[A-Za-z][A-Za-z0-9_]{0,14}_$/;

/** Reads and validates the configuration; throws ConfigError listing every problem at once. */
export function loadConfig(env: Env): TicketServerConfig {
    const problems: string[] = [];
    const read = new EnvReader(env, problems);

    const port = read.integer('PORT', { fallback: 3000, min: 0, max: 65535 });
    const loginUrl = read.url('SF_LOGIN_URL') ?? read.url('SF_INSTANCE_URL');
    if (!read.has('SF_LOGIN_URL') && !read.has('SF_INSTANCE_URL')) {
        problems.push(
            'SF_LOGIN_URL (or SF_INSTANCE_URL) is missing: your My Domain URL, e.g. https://example.my.salesforce.com'
        );
    }
    const clientId = read.required('SF_CLIENT_ID', 'the connected app consumer key');
    const clientSecret = read.required('SF_CLIENT_SECRET', 'the connected app consumer secret');
    const username = read.optional('SF_USERNAME');
    const password = read.optional('SF_PASSWORD');
    if ((username === undefined) !== (password === undefined)) {
        problems.push(
            `${username === undefined ? 'SF_USERNAME' : 'SF_PASSWORD'} is missing: the username-password flow needs both SF_USERNAME and SF_PASSWORD (leave both unset for client credentials)`
        );
    }
    const appId = read.required('SENDBIRD_APP_ID', 'your Sendbird application id');
    if (appId !== undefined && !APP_ID.test(appId)) {
        problems.push('SENDBIRD_APP_ID is invalid: only letters, digits and hyphens are allowed');
    }
    const apiToken = read.required('SENDBIRD_API_TOKEN', 'a Sendbird Platform API token');
    const apiUrl =
        read.url('SENDBIRD_API_URL') ??
        (appId !== undefined ? `https://api-${appId}.sendbird.com` : undefined);
    const secret = read.optional('TICKET_IDENTITY_SECRET');
    if (secret !== undefined && Buffer.byteLength(secret) < MIN_IDENTITY_SECRET_BYTES) {
        problems.push(
            `TICKET_IDENTITY_SECRET is too short: HS256 needs at least ${MIN_IDENTITY_SECRET_BYTES} bytes`
        );
    }
    const sessionSecret = read.optional('TICKET_SESSION_SECRET');
    if (
        sessionSecret !== undefined &&
        Buffer.byteLength(sessionSecret) < MIN_IDENTITY_SECRET_BYTES
    ) {
        problems.push(
            `TICKET_SESSION_SECRET is too short: HS256 needs at least ${MIN_IDENTITY_SECRET_BYTES} bytes`
        );
    }
    const requireIdentity = read.boolean('TICKET_REQUIRE_IDENTITY');
    if (requireIdentity && secret === undefined) {
        problems.push(
            'TICKET_REQUIRE_IDENTITY=true needs TICKET_IDENTITY_SECRET: without it no customer could sign in'
        );
    }
    const customerPrefix = read.optional('TICKET_CUSTOMER_PREFIX') ?? 'customer_';
    if (!CUSTOMER_PREFIX.test(customerPrefix)) {
        problems.push(
            'TICKET_CUSTOMER_PREFIX is invalid: 2 to 16 letters, digits or underscores, starting with a letter and ending with an underscore (e.g. customer_), so no Salesforce User Id can carry it'
        );
    }
    const redisUrl = read.url('REDIS_URL', ['redis:', 'rediss:']);
    const pageNotice = read.optional('PAGE_NOTICE');
    if (pageNotice !== undefined && pageNotice.length > MAX_PAGE_NOTICE) {
        problems.push(`PAGE_NOTICE is too long: at most ${MAX_PAGE_NOTICE} characters`);
    }
    const config = {
        port,
        rateLimitPerMinute: read.integer('TICKET_RATE_LIMIT_PER_MINUTE', { fallback: 30, min: 1 }),
        guestTicketsPerMinute: read.integer('TICKET_GUEST_TICKETS_PER_MINUTE', {
            fallback: 120,
            min: 1
        }),
        pageSessionMinutes: read.integer('TICKET_PAGE_SESSION_MINUTES', {
            fallback: 240,
            min: 1,
            max: 7 * 24 * 60
        }),
        shutdownDeadlineMs: read.integer('TICKET_SHUTDOWN_DEADLINE_MS', {
            fallback: 25_000,
            min: 0,
            max: 600_000
        }),
        trustProxyHops: read.integer('TRUST_PROXY_HOPS', { fallback: 0, min: 0, max: 10 }),
        salesforceTimeoutMs: read.integer('SF_TIMEOUT_MS', {
            fallback: DEFAULT_SALESFORCE_TIMEOUT_MS,
            min: 100,
            max: 120_000
        }),
        frameAncestors: (read.optional('TICKET_FRAME_ANCESTORS') ?? "'self'").split(/\s+/),
        chatApiHost: read.url('SENDBIRD_CHAT_API_HOST'),
        chatWsHost: read.url('SENDBIRD_CHAT_WS_HOST', ['ws:', 'wss:'])
    };
    if (problems.length > 0) throw new ConfigError(problems);
    return {
        port: config.port,
        salesforce: {
            loginUrl: stripSlash(loginUrl!),
            clientId: clientId!,
            clientSecret: clientSecret!,
            timeoutMs: config.salesforceTimeoutMs,
            ...(username !== undefined && password !== undefined ? { username, password } : {})
        },
        sendbird: {
            appId: appId!,
            apiToken: apiToken!,
            apiUrl: stripSlash(apiUrl!),
            chatApiHost: config.chatApiHost && stripSlash(config.chatApiHost),
            chatWsHost: config.chatWsHost && stripSlash(config.chatWsHost)
        },
        identitySecret: secret === undefined ? undefined : new TextEncoder().encode(secret),
        identityIssuer: read.optional('TICKET_IDENTITY_ISSUER'),
        identityAudience: read.optional('TICKET_IDENTITY_AUDIENCE'),
        requireIdentity,
        customerPrefix,
        webhookSecret: read.optional('SENDBIRD_WEBHOOK_SECRET') ?? apiToken ?? '',
        sessionSecret:
            sessionSecret === undefined ? undefined : new TextEncoder().encode(sessionSecret),
        pageSessionMinutes: config.pageSessionMinutes,
        rateLimitPerMinute: config.rateLimitPerMinute,
        guestTicketsPerMinute: config.guestTicketsPerMinute,
        redisUrl,
        shutdownDeadlineMs: config.shutdownDeadlineMs,
        trustProxyHops: config.trustProxyHops,
        frameAncestors: config.frameAncestors,
        ...(pageNotice !== undefined ? { pageNotice } : {})
    };
}

function stripSlash(url: string): string {
    return url.replace(/\/+$/, '');
}

/** Reads variables, trimming blanks to "unset", and records each problem by variable name. */
class EnvReader {
    constructor(
        private readonly env: Env,
        private readonly problems: string[]
    ) {}

    has(name: string): boolean {
        return this.optional(name) !== undefined;
    }

    optional(name: string): string | undefined {
        const value = this.env[name]?.trim();
        return value ? value : undefined;
    }

    required(name: string, what: string): string | undefined {
        const value = this.optional(name);
        if (value === undefined) this.problems.push(`${name} is missing: ${what}`);
        return value;
    }

    url(name: string, protocols = ['https:', 'http:']): string | undefined {
        const value = this.optional(name);
        if (value === undefined) return undefined;
        let parsed: URL | undefined;
        try {
            parsed = new URL(value);
        } catch {
            parsed = undefined;
        }
        if (!parsed || !protocols.includes(parsed.protocol)) {
            // The value itself is not repeated: a Redis URL may carry a password.
            this.problems.push(`${name} is invalid: expected a ${protocols.join(' or ')} URL`);
            return undefined;
        }
        return value;
    }

    boolean(name: string): boolean {
        const value = this.optional(name)?.toLowerCase();
        if (value === undefined || value === 'false' || value === '0') return false;
        if (value === 'true' || value === '1') return true;
        this.problems.push(`${name} is invalid: expected true or false`);
        return false;
    }

    integer(name: string, range: { fallback: number; min: number; max?: number }): number {
        const value = this.optional(name);
        if (value === undefined) return range.fallback;
        const parsed = Number(value);
        const max = range.max ?? Number.MAX_SAFE_INTEGER;
        if (!/^\d+$/.test(value) || parsed < range.min || parsed > max) {
            this.problems.push(
                `${name} is invalid: expected a whole number from ${range.min}${range.max === undefined ? '' : ` to ${max}`}`
            );
            return range.fallback;
        }
        return parsed;
    }
}
