/** `@import` statements that fetch a style sheet over the network, e.g. UIKit's Google Fonts. */
const NETWORK_IMPORT = /@import\s+(?:url\(\s*)?(["']?)(https?:\/\/[^"')\s;]+)\1\s*\)?[^;]*;/gi;

/**
 * CSS without its network `@import`s, and the URLs removed. The container's CSP blocks them
 * (no network fonts), and a blocked font request only slows the first paint.
 */
export function stripNetworkImports(css: string): { css: string; removed: string[] } {
    const removed: string[] = [];
    const stripped = css.replace(NETWORK_IMPORT, (_statement, _quote: string, url: string) => {
        removed.push(url);
        return '';
    });
    return { css: stripped, removed };
}
