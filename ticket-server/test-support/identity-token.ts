import { SignJWT } from 'jose';
import { TEST_IDENTITY_SECRET } from './stack';

/** An identity token as a host site would sign it: HS256, `sub`, `iat` now, `exp` (default in 5 minutes). */
export function signIdentityToken(
    sub: string,
    options: { secret?: string; expires?: string; issuedAt?: number } = {}
): Promise<string> {
    return new SignJWT({})
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject(sub)
        .setIssuedAt(options.issuedAt)
        .setExpirationTime(options.expires ?? '5m')
        .sign(new TextEncoder().encode(options.secret ?? TEST_IDENTITY_SECRET));
}
