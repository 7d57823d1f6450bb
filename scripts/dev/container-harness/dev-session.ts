import { parseEnv } from 'node:util';

/** The .env.local variables `npm start` reads, by the session field they fill. */
export const SESSION_VARIABLES = {
    appId: 'SENDBIRD_APP_ID',
    userId: 'SENDBIRD_USER_ID',
    accessToken: 'SENDBIRD_SESSION_TOKEN',
    nickname: 'SENDBIRD_NICKNAME',
    apiHost: 'SENDBIRD_API_HOST',
    wsHost: 'SENDBIRD_WS_HOST',
    channelUrl: 'SENDBIRD_CHANNEL_URL'
} as const;

/**
 * The host page's session defaults: from the environment, else from .env.local (git-ignored:
 * it holds a real session token). Unset fields are left out; the page asks for them.
 */
export function devSessionDefaults(
    envFileText: string | undefined,
    env: NodeJS.ProcessEnv
): Record<string, string> {
    const fromFile = envFileText ? parseEnv(envFileText) : {};
    const session: Record<string, string> = {};
    for (const [field, variable] of Object.entries(SESSION_VARIABLES)) {
        const value = (env[variable] ?? fromFile[variable] ?? '').trim();
        if (value) {
            session[field] = value;
        }
    }
    return session;
}
