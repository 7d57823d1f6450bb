import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { FileSource } from './file-source';
import { readTrustedSites, trustedSources, type TrustedSite } from './trusted-sites';

/** Where the harness serves its own scripts on the container origin. */
export const HARNESS_PATH = '__harness/';
/** The LCC stand-in, injected before the app, as Salesforce's container domain injects LCC. */
export const STAND_IN_SCRIPT = `<script type="module" src="${HARNESS_PATH}lcc-stand-in.js"></script>`;

const CONTENT_TYPES: Record<string, string> = {
    '.html': 'text/html; charset=utf-8',
    '.js': 'text/javascript; charset=utf-8',
    '.css': 'text/css; charset=utf-8',
    '.json': 'application/json; charset=utf-8',
    '.svg': 'image/svg+xml',
    '.png': 'image/png',
    '.map': 'application/json; charset=utf-8'
};

export interface HarnessOptions {
    /** The container bundle: the static resource's files, or Parcel's development output. */
    container: FileSource;
    /** The built harness: host.html and its assets, and lcc-stand-in.js. */
    harness: FileSource;
    /** Session defaults for the host page's form (from .env.local); tests leave them empty. */
    session?: Record<string, string>;
    hostPort?: number;
    containerPort?: number;
    /** Development: lets Parcel's hot reload evaluate updated modules. */
    allowEval?: boolean;
    /**
     * Plays the LWC's Apex call: a fresh session token for each `sendbird:token-expired`. The
     * host page then POSTs `/__session/token` on its own origin instead of using its form.
     */
    issueToken?: () => Promise<string> | string;
    /** A banner on the host page (the demo says what it runs against). */
    notice?: { title: string; lines: string[] };
    /** The org's CSP trusted sites (default: read from force-app), from which the CSP is built. */
    trustedSites?: TrustedSite[];
    /** Also allow any https/wss host (`npm start` against a real Sendbird app). */
    allowAnySecureHost?: boolean;
}

/** The host page's token endpoint, on the host origin. */
export const TOKEN_PATH = '__session/token';

export interface Harness {
    /** The host page, playing the Service Console with its utility bar. */
    hostUrl: string;
    /** The container's index.html, on its own origin as on Salesforce's container domain. */
    containerUrl: string;
    close(): Promise<void>;
}

/**
 * Two loopback servers on two origins, as in Salesforce: the host page (the console) and the
 * container (the static resource on the container domain). The container's index.html gets the
 * LCC stand-in injected and is served with a strict CSP: scripts only from its own origin.
 */
export async function startHarness(options: HarnessOptions): Promise<Harness> {
    const containerServer = fileServer(
        (name) => {
            if (name.startsWith(HARNESS_PATH)) {
                return options.harness(name.slice(HARNESS_PATH.length));
            }
            const data = options.container(name);
            return data && name === 'index.html'
                ? Buffer.from(injectStandIn(data.toString('utf8')))
                : data;
        },
        {
            'content-security-policy': containerCsp(options.allowEval ?? false, {
                sites:
                    options.trustedSites ?? readTrustedSites(path.resolve(__dirname, '../../..')),
                anySecureHost: options.allowAnySecureHost ?? false
            })
        }
    );
    const containerOrigin = await listen(containerServer, options.containerPort ?? 0);
    const containerUrl = `${containerOrigin}/index.html`;
    const hostConfig = Buffer.from(
        JSON.stringify({
            containerUrl,
            session: options.session ?? {},
            ...(options.issueToken ? { tokenEndpoint: TOKEN_PATH } : {}),
            ...(options.notice ? { notice: options.notice } : {})
        })
    );
    const hostServer = fileServer(
        (name) =>
            name === 'host-config.json'
                ? hostConfig
                : options.harness(name === 'index.html' ? 'host.html' : name),
        {},
        options.issueToken ? { [TOKEN_PATH]: tokenHandler(options.issueToken) } : {}
    );
    const hostOrigin = await listen(hostServer, options.hostPort ?? 0);
    return {
        hostUrl: `${hostOrigin}/host.html`,
        containerUrl,
        close: async () => {
            await Promise.all([close(hostServer), close(containerServer)]);
        }
    };
}

type PostHandler = (response: ServerResponse) => Promise<void>;

/** POST only; answers `{accessToken}`, or 502 with a JSON error when none can be issued. */
function tokenHandler(issue: () => Promise<string> | string): PostHandler {
    return async (response) => {
        response.setHeader('content-type', 'application/json');
        response.setHeader('cache-control', 'no-store');
        try {
            response.end(JSON.stringify({ accessToken: await issue() }));
        } catch (error) {
            response.statusCode = 502;
            response.end(
                JSON.stringify({ error: 'no token', message: (error as Error).message ?? '' })
            );
        }
    };
}

/**
 * A server for one origin: GET a file by its path, 404 with a JSON body when there is none;
 * `posts` answers POSTs to a few paths (405 with a JSON body on other methods there).
 */
function fileServer(
    resolve: (name: string) => Buffer | undefined,
    headers: Record<string, string> = {},
    posts: Record<string, PostHandler> = {}
): Server {
    return createServer((request, response) => {
        const name = requestedFile(request);
        const post = posts[name];
        if (post) {
            if (request.method !== 'POST') {
                response.statusCode = 405;
                response.setHeader('content-type', 'application/json');
                response.end(JSON.stringify({ error: 'method not allowed', allow: 'POST' }));
                return;
            }
            void post(response);
            return;
        }
        // Browsers ask every origin for a favicon; the harness has none to offer.
        if (name === 'favicon.ico') {
            response.statusCode = 204;
            response.end();
            return;
        }
        const data = resolve(name);
        if (!data) {
            response.statusCode = 404;
            response.setHeader('content-type', 'application/json');
            response.end(JSON.stringify({ error: 'not found', file: name }));
            return;
        }
        for (const [header, value] of Object.entries(headers)) {
            response.setHeader(header, value);
        }
        response.setHeader(
            'content-type',
            CONTENT_TYPES[path.extname(name)] ?? 'application/octet-stream'
        );
        response.setHeader('cache-control', 'no-store');
        response.end(data);
    });
}

/** Puts the stand-in first in <head>, so it runs before the app's module script. */
export function injectStandIn(html: string): string {
    const head = /<head[^>]*>/i.exec(html);
    if (head) {
        const at = head.index + head[0].length;
        return html.slice(0, at) + STAND_IN_SCRIPT + html.slice(at);
    }
    return STAND_IN_SCRIPT + html;
}

/**
 * Like lightning:container's: no inline script, no script or font from elsewhere. Connections,
 * images and media may reach what the org's CSP Trusted Sites allow, each with its loopback
 * stand-in (see trustedSources); `anySecureHost` also admits any https/wss host, for `npm start`
 * against a real Sendbird app whose region the harness does not know.
 */
export function containerCsp(
    allowEval: boolean,
    { sites, anySecureHost = false }: { sites: TrustedSite[]; anySecureHost?: boolean }
): string {
    const allowed = trustedSources(sites);
    const list = (fixed: string[], extra: string[], secure: string[]): string =>
        [...fixed, ...extra, ...(anySecureHost ? secure : [])].join(' ');
    return [
        "default-src 'self'",
        `script-src 'self'${allowEval ? " 'unsafe-eval'" : ''}`,
        "style-src 'self' 'unsafe-inline'",
        "font-src 'self' data:",
        `img-src ${list(["'self'", 'data:', 'blob:'], allowed.img, ['https:'])}`,
        `media-src ${list(["'self'", 'blob:'], allowed.media, ['https:'])}`,
        `connect-src ${list(["'self'"], allowed.connect, ['https:', 'wss:'])}`
    ].join('; ');
}

function requestedFile(request: IncomingMessage): string {
    const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    const name = pathname.replace(/^\/+/, '');
    return name === '' ? 'index.html' : name;
}

function listen(server: Server, port: number): Promise<string> {
    return new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, '127.0.0.1', () => {
            resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
        });
    });
}

function close(server: Server): Promise<void> {
    server.closeAllConnections();
    return new Promise((resolve) => server.close(() => resolve()));
}
