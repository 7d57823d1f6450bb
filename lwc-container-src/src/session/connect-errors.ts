/**
 * Sendbird error codes (the pinned SDK's `SendbirdErrorCode`) that mean the session token is
 * no good: invalid, expired or revoked, or the SDK could not refresh it. A fresh token from the
 * host fixes these; reconnecting with the same one never does.
 */
export const TOKEN_ERROR_CODES: ReadonlySet<number> = new Set([
    400111, // INVALID_TOKEN
    400302, // SESSION_TOKEN_EXPIRED
    400309, // SESSION_KEY_EXPIRED
    400310, // SESSION_REVOKED
    800500, // SESSION_TOKEN_REQUEST_FAILED
    800502 // SESSION_TOKEN_REFRESH_FAILED
]);

/** True when `error` is a Sendbird error about the session token. */
export function isTokenError(error: unknown): boolean {
    const code = (error as { code?: unknown } | null)?.code;
    return typeof code === 'number' && TOKEN_ERROR_CODES.has(code);
}

/** A short reason for the agent and the host's log. */
export function describeError(error: unknown): string {
    if (error instanceof Error && error.message) {
        return error.message;
    }
    return 'Sendbird could not be reached.';
}
