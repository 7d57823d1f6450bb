import type { LoggerOptions } from 'pino';

/**
 * Paths pino censors wherever they appear in a log line. Request bodies are never logged, but
 * headers, upstream errors and results are, so every place a secret or token could sit is listed.
 */
export const REDACTED_PATHS = [
    'req.headers.authorization',
    'req.headers["api-token"]',
    'req.headers.cookie',
    'headers.authorization',
    'headers["api-token"]',
    '*.accessToken',
    '*.access_token',
    '*.token',
    '*.identityToken',
    '*.apiToken',
    '*.clientSecret',
    '*.client_secret',
    '*.password',
    'accessToken',
    'identityToken',
    'password'
];

/** pino options for the server: JSON lines, secrets censored, level from LOG_LEVEL. */
export function loggerOptions(level = process.env.LOG_LEVEL ?? 'info'): LoggerOptions {
    return {
        level,
        redact: { paths: REDACTED_PATHS, censor: '[redacted]' }
    };
}
