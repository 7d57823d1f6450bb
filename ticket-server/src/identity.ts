import { jwtVerify, errors as joseErrors, type JWTVerifyOptions } from 'jose';
import { HttpError } from './errors';

/** A customer the host site vouched for, by an identity token or the page session made from one. */
export interface VerifiedCustomer {
    kind: 'verified';
    /** The token's `sub`. */
    subject: string;
    /** Their Sendbird user id: the customer prefix, then `sub`. Never an agent's id. */
    userId: string;
}

export type CustomerIdentity = VerifiedCustomer | { kind: 'guest' };

/** How identity tokens are checked (TICKET_IDENTITY_* variables). */
export interface IdentityOptions {
    /** HS256 key; unset means only guests. */
    secret?: Uint8Array;
    /** Checked when set: the token's `iss` must equal it. */
    issuer?: string;
    /** Checked when set: the token's `aud` must contain it. */
    audience?: string;
    /** Put before every customer's Sendbird user id (default `customer_`). */
    customerPrefix: string;
}

/** A `sub` we accept: no path separators or control characters, and short enough with a prefix. */
const SUBJECT = /^[A-Za-z0-9_.@:-]{1,64}$/;
const CLOCK_TOLERANCE_S = 30;
/**
 * An identity token older than this (by its `iat`) is refused whatever its `exp` says: it is a
 * one-shot proof from the host site, so a leaked one (a URL fragment in a screenshot, history,
 * a shared link) stops working soon. The page exchanges it for a page session when it loads
 * (POST /session), so the customer may take as long as they like to write.
 */
export const MAX_IDENTITY_TOKEN_AGE = '10m';

/**
 * Never lets a caller act as an arbitrary Sendbird user: a customer's user id is the prefix plus
 * the `sub` of an HS256 JWT signed with TICKET_IDENTITY_SECRET (with `exp`, an `iat` at most
 * MAX_IDENTITY_TOKEN_AGE ago, and `iss`/`aud` when configured); without a token the caller is
 * a guest. Agents' ids (Salesforce User Ids by default) can never carry the prefix.
 */
export async function verifyIdentityToken(
    identityToken: string,
    options: IdentityOptions
): Promise<VerifiedCustomer> {
    if (options.secret === undefined) {
        throw badToken('this server accepts no identity tokens (TICKET_IDENTITY_SECRET is unset)');
    }
    const checks: JWTVerifyOptions = {
        algorithms: ['HS256'],
        clockTolerance: CLOCK_TOLERANCE_S,
        maxTokenAge: MAX_IDENTITY_TOKEN_AGE,
        requiredClaims: ['sub', 'exp', 'iat'],
        ...(options.issuer !== undefined ? { issuer: options.issuer } : {}),
        ...(options.audience !== undefined ? { audience: options.audience } : {})
    };
    let subject: string | undefined;
    try {
        ({
            payload: { sub: subject }
        } = await jwtVerify(identityToken, options.secret, checks));
    } catch (error) {
        throw badToken(describe(error));
    }
    return customerFor(subject, options.customerPrefix);
}

/** The verified customer for a `sub` (from an identity token or a page session). */
export function customerFor(subject: string | undefined, prefix: string): VerifiedCustomer {
    // `guest_…` is where guests' ids live under the prefix, so no `sub` may start with it.
    if (subject === undefined || !SUBJECT.test(subject) || subject.startsWith('guest_')) {
        throw badToken('its "sub" is not a usable user id');
    }
    return { kind: 'verified', subject, userId: `${prefix}${subject}` };
}

export function badToken(reason: string, what = 'identity token'): HttpError {
    return new HttpError(
        400,
        `invalid_${what.replace(' ', '_')}`,
        `The ${what} is invalid: ${reason}.`
    );
}

export function describe(error: unknown): string {
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
