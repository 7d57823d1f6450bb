import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';

/** Where the org's CSP Trusted Sites for the chat live. */
export const TRUSTED_SITES_DIR = path.join(
    'force-app',
    'main',
    'sendbird-client',
    'cspTrustedSites'
);

/** One CSP Trusted Site, with the directives it opens. */
export interface TrustedSite {
    name: string;
    endpointUrl: string;
    connect: boolean;
    img: boolean;
    media: boolean;
}

/** The trusted sites in `dir` (source format), by file name. */
export function readTrustedSites(root: string, dir: string = TRUSTED_SITES_DIR): TrustedSite[] {
    const parser = new XMLParser({ parseTagValue: false });
    const folder = path.join(root, dir);
    return readdirSync(folder)
        .filter((file) => file.endsWith('.cspTrustedSite-meta.xml'))
        .sort()
        .map((file) => {
            const site = (
                parser.parse(readFileSync(path.join(folder, file), 'utf8')) as {
                    CspTrustedSite: Record<string, string>;
                }
            ).CspTrustedSite;
            return {
                name: file.replace('.cspTrustedSite-meta.xml', ''),
                endpointUrl: site.endpointUrl,
                connect: site.isApplicableToConnectSrc === 'true',
                img: site.isApplicableToImgSrc === 'true',
                media: site.isApplicableToMediaSrc === 'true'
            };
        });
}

/**
 * A trusted site's endpoint as a CSP source for the harness: deploy-time placeholders
 * (`${SENDBIRD_APP_ID}`, `${SENDBIRD_REGION}`) become the leftmost-label wildcard CSP allows.
 */
export function cspSource(endpointUrl: string): string {
    const url = endpointUrl.replace(/^([a-z]+:\/\/)[^/.]*\$\{[A-Z_]+\}[^/.]*\./, '$1*.');
    return url.replace(/\/$/, '');
}

/** The loopback origins that stand in for Sendbird's hosts in tests and the demo. */
const LOOPBACK = { http: 'http://127.0.0.1:*', ws: 'ws://127.0.0.1:*' };

/**
 * The harness container's CSP sources per directive, derived from the org's trusted sites, so
 * the browser tests see what an org would allow: each Sendbird site also admits its loopback
 * stand-in (the Sendbird double serves API, socket and files on loopback). A directive no site
 * opens admits no Sendbird host at all, so an image test fails without the file-host site.
 */
export function trustedSources(sites: TrustedSite[]): {
    connect: string[];
    img: string[];
    media: string[];
} {
    const sources = (pick: (site: TrustedSite) => boolean): string[] => {
        const chosen = sites.filter(pick);
        const list = chosen.map((site) => cspSource(site.endpointUrl));
        for (const site of chosen) {
            list.push(site.endpointUrl.startsWith('wss:') ? LOOPBACK.ws : LOOPBACK.http);
        }
        return [...new Set(list)];
    };
    return {
        connect: sources((site) => site.connect),
        img: sources((site) => site.img),
        media: sources((site) => site.media)
    };
}
