import type { SendbirdConfig } from './config';

/**
 * The page's Content-Security-Policy: scripts only from this server, network only to this server
 * and the app's Sendbird hosts. Styles allow inline because UIKit sets style attributes.
 */
export function contentSecurityPolicy(
    sendbird: SendbirdConfig,
    frameAncestors: string[]
): Record<string, string[] | null> {
    const chatHosts = [
        sendbird.chatApiHost ?? `https://api-${sendbird.appId}.sendbird.com`,
        sendbird.chatWsHost ?? `wss://ws-${sendbird.appId}.sendbird.com`
    ];
    return {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:', 'https:'],
        mediaSrc: ["'self'", 'blob:', 'https:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'", ...chatHosts],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors,
        // Behind TLS in production; over plain loopback in tests it would break asset loads.
        upgradeInsecureRequests: null
    };
}
