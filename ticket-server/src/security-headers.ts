import fastifyHelmet, { type FastifyHelmetOptions } from '@fastify/helmet';
import Fastify from 'fastify';
import type { SendbirdConfig } from './config';

/** Headers a probe response carries that are about the exchange, not security. */
const EXCHANGE_HEADERS = new Set([
    'content-type',
    'content-length',
    'date',
    'connection',
    'keep-alive',
    'transfer-encoding'
]);

/**
 * Helmet's response headers, worked out once. @fastify/helmet builds helmet afresh on every
 * request (parsing the CSP directives each time), about 4% of the server's CPU per ticket in the
 * bench profile, yet with no nonces its headers are the same for every response. So one probe
 * request to a throwaway instance with the plugin records them, and the server sets that record.
 */
export async function helmetHeaders(
    options: FastifyHelmetOptions
): Promise<Record<string, string>> {
    const probe = Fastify({ logger: false });
    try {
        await probe.register(fastifyHelmet, options);
        probe.get('/', async () => '');
        const response = await probe.inject({ method: 'GET', url: '/' });
        const headers: Record<string, string> = {};
        for (const [name, value] of Object.entries(response.headers)) {
            if (typeof value === 'string' && !EXCHANGE_HEADERS.has(name)) headers[name] = value;
        }
        return headers;
    } finally {
        await probe.close();
    }
}

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
