import { isChannelUrl } from './channel-url';
import { PROTOCOL_VERSION, type HostMessage, type InitMessage } from './types';

type Fields = Record<string, unknown>;

/** Letters, digits and hyphens: the app id becomes part of Sendbird's host names. */
const APP_ID = /^[A-Za-z0-9-]{1,64}$/;
/** Sendbird caps user ids and nicknames at 80 characters. */
const MAX_USER_ID = 80;
const MAX_NICKNAME = 80;
const MAX_TOKEN = 512;
const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * The host message `raw` stands for, or null when it does not match the protocol exactly.
 * Unknown extra fields are allowed (a newer host may add some); `null` optional fields count as
 * absent, because Apex serialises missing values as null.
 */
export function parseHostMessage(raw: unknown): HostMessage | null {
    if (!isFields(raw)) {
        return null;
    }
    switch (raw.type) {
        case 'sendbird:init':
            return parseInit(raw);
        case 'sendbird:token':
            return isToken(raw.accessToken)
                ? { type: 'sendbird:token', accessToken: raw.accessToken }
                : null;
        case 'sendbird:open-channel':
            return isChannelUrl(raw.channelUrl)
                ? { type: 'sendbird:open-channel', channelUrl: raw.channelUrl }
                : null;
        case 'sendbird:visibility':
            return typeof raw.visible === 'boolean'
                ? { type: 'sendbird:visibility', visible: raw.visible }
                : null;
        default:
            return null;
    }
}

function parseInit(raw: Fields): InitMessage | null {
    const { appId, userId, accessToken } = raw;
    if (
        raw.protocol !== PROTOCOL_VERSION ||
        typeof appId !== 'string' ||
        !APP_ID.test(appId) ||
        !isBoundedString(userId, MAX_USER_ID) ||
        !isToken(accessToken)
    ) {
        return null;
    }
    const nickname = optional(raw.nickname, (value) =>
        isBoundedString(value, MAX_NICKNAME) ? value : null
    );
    const channelUrl = optional(raw.channelUrl, (value) => (isChannelUrl(value) ? value : null));
    const apiHost = optional(raw.apiHost, (value) => hostOrigin(value, 'https:', 'http:'));
    const wsHost = optional(raw.wsHost, (value) => hostOrigin(value, 'wss:', 'ws:'));
    if ([nickname, channelUrl, apiHost, wsHost].includes(INVALID)) {
        return null;
    }
    return {
        type: 'sendbird:init',
        protocol: PROTOCOL_VERSION,
        appId,
        userId,
        accessToken,
        ...present({ nickname, channelUrl, apiHost, wsHost })
    };
}

const INVALID = Symbol('invalid');

/** An optional field: undefined when absent or null, its normalised value, or INVALID. */
function optional(
    value: unknown,
    normalise: (value: unknown) => string | null
): string | undefined | typeof INVALID {
    if (value === undefined || value === null) {
        return undefined;
    }
    return normalise(value) ?? INVALID;
}

function present(fields: Record<string, string | undefined | typeof INVALID>): Fields {
    return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined));
}

function isFields(value: unknown): value is Fields {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isBoundedString(value: unknown, max: number): value is string {
    return typeof value === 'string' && value.trim().length > 0 && value.length <= max;
}

function isToken(value: unknown): value is string {
    return isBoundedString(value, MAX_TOKEN) && !/\s/.test(value);
}

/** A `sendbird:init` whose protocol is not this container's: the host needs an update. */
export function isOtherProtocolInit(raw: unknown): boolean {
    return isFields(raw) && raw.type === 'sendbird:init' && raw.protocol !== PROTOCOL_VERSION;
}

/**
 * The origin of a host override, or null. Only the secure scheme is accepted, except on loopback,
 * where the plain one is allowed for local tests. Paths, credentials and queries are refused.
 */
function hostOrigin(value: unknown, secure: string, loopbackOnly: string): string | null {
    if (typeof value !== 'string') {
        return null;
    }
    let url: URL;
    try {
        url = new URL(value);
    } catch {
        return null;
    }
    const schemeAllowed =
        url.protocol === secure ||
        (url.protocol === loopbackOnly && LOOPBACK_HOSTS.has(url.hostname));
    const bare =
        url.username === '' &&
        url.password === '' &&
        url.pathname === '/' &&
        url.search === '' &&
        url.hash === '';
    return schemeAllowed && bare ? `${url.protocol}//${url.host}` : null;
}
