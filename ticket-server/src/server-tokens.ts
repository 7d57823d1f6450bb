import { hkdfSync, randomBytes } from 'node:crypto';
import { SignJWT, jwtVerify } from 'jose';
import { badToken, describe } from './identity';

/** The issuer of the tokens this server signs for itself, so no host-site token passes as one. */
const ISSUER = 'sendbird-ticket-server';

/** What a page session stands for: the verified `sub` it was exchanged for. */
export const PAGE_SESSION_AUDIENCE = 'ticket-page-session';
/** What a chat refresh token stands for: the Sendbird user and channel of one ticket. */
export const CHAT_REFRESH_AUDIENCE = 'ticket-chat-refresh';

/**
 * Tokens the server signs for its own page: page sessions (an identity token exchanged at load)
 * and chat refresh tokens (which let the page get a new Sendbird session token for its
 * ticket). HS256 with TICKET_SESSION_SECRET, or a key derived from TICKET_IDENTITY_SECRET (HKDF),
 * so every instance with the same configuration accepts the others' tokens. With neither, the
 * key is random per process (`shared` false), and only the instance that signed can verify.
 */
export class ServerTokens {
    readonly shared: boolean;
    private readonly key: Uint8Array;

    constructor(sessionSecret?: Uint8Array, identitySecret?: Uint8Array) {
        const base = sessionSecret ?? identitySecret;
        this.shared = base !== undefined;
        this.key =
            base === undefined
                ? randomBytes(32)
                : new Uint8Array(hkdfSync('sha256', base, 'ticket-server', 'server-tokens', 32));
    }

    sign(
        audience: string,
        subject: string,
        lifetimeSeconds: number,
        claims: Record<string, string> = {}
    ): Promise<string> {
        return new SignJWT(claims)
            .setProtectedHeader({ alg: 'HS256' })
            .setIssuer(ISSUER)
            .setAudience(audience)
            .setSubject(subject)
            .setIssuedAt()
            .setExpirationTime(`${lifetimeSeconds}s`)
            .sign(this.key);
    }

    /** The verified payload, or a 400 naming `what` is wrong. */
    async verify(
        token: string,
        audience: string,
        what: string
    ): Promise<Record<string, unknown> & { sub: string }> {
        try {
            const { payload } = await jwtVerify(token, this.key, {
                algorithms: ['HS256'],
                issuer: ISSUER,
                audience,
                requiredClaims: ['sub', 'exp']
            });
            return payload as Record<string, unknown> & { sub: string };
        } catch (error) {
            throw badToken(describe(error), what);
        }
    }
}
