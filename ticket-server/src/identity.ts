import { randomUUID } from 'node:crypto';
import { jwtVerify, errors as joseErrors } from 'jose';
import { HttpError } from './errors';

/** Who the ticket is for: the host site's signed user, or a fresh guest. */
export interface CustomerIdentity {
    userId: string;
    kind: 'verified' | 'guest';
}

/** Sendbird user ids we hand out or accept: no path separators or control characters. */
const USER_ID = /^[A-Za-z0-9_.@:-]{1,80}$/;
const CLOCK_TOLERANCE_S = 30;
/**
 * An identity token older than this (by its `iat`) is refused whatever its `exp` says: it is a
 * one-shot proof from the host site, so a leaked one (a URL fragment in a screenshot, history,
 * a shared link) stops working soon.
 */
export const MAX_IDENTITY_TOKEN_AGE = '10m';

/**
 * Never lets a caller act as an arbitrary existing Sendbird user: a user id comes either from an
 * HS256 JWT signed with TICKET_IDENTITY_SECRET (its `sub`, with `exp` and an `iat` at most
 * MAX_IDENTITY_TOKEN_AGE ago), or is a new random guest id.
 */
export async function resolveIdentity(
    identityToken: string | undefined,
    secret: Uint8Array | undefined
): Promise<CustomerIdentity> {
    if (identityToken === undefined) return { userId: `guest_${randomUUID()}`, kind: 'guest' };
    if (secret === undefined) {
        throw badToken('this server accepts no identity tokens (TICKET_IDENTITY_SECRET is unset)');
    }
    let subject: string | undefined;
    try {
        const { payload } = await jwtVerify(identityToken, secret, {
            algorithms: ['HS256'],
            clockTolerance: CLOCK_TOLERANCE_S,
            maxTokenAge: MAX_IDENTITY_TOKEN_AGE,
            requiredClaims: ['sub', 'exp', 'iat']
        });
        subject = payload.sub;
    } catch (error) {
        throw badToken(describe(error));
    }
    if (subject === undefined || !USER_ID.test(subject) || subject.startsWith('guest_')) {
        throw badToken('its "sub" is not a usable user id');
    }
    return { userId: subject, kind: 'verified' };
}

function badToken(reason: string): HttpError {
    return new HttpError(
        400,
        'invalid_identity_token',
        `The identity token is invalid: ${reason}.`
    );
}

function describe(error: unknown): string {
    if (error instanceof joseErrors.JWTExpired) {
        return error.claim === 'iat'
            ? `it was issued more than ${MAX_IDENTITY_TOKEN_AGE.replace('m', ' minutes')} ago`
            : 'it has expired';
    }
    if (error instanceof joseErrors.JWTClaimValidationFailed) return error.message;
    if (error instanceof joseErrors.JOSEAlgNotAllowed) return 'it is not signed with HS256';
    if (error instanceof joseErrors.JWSSignatureVerificationFailed)
        return 'the signature does not match';
    return 'it is not a well-formed JWT';
}
