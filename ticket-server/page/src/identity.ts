/**
 * The host site's identity token, passed in the URL fragment (`#identityToken=<JWT>`): the
 * fragment never reaches a server log or a Referer header. It is removed from the address bar
 * at once.
 */
export function takeIdentityToken(location: Location, history: History): string | undefined {
    const params = new URLSearchParams(location.hash.replace(/^#/, ''));
    const token = params.get('identityToken') ?? undefined;
    if (token !== undefined) {
        history.replaceState(null, '', location.pathname + location.search);
    }
    return token;
}
