import path from 'node:path';
import { containerCsp, injectStandIn, STAND_IN_SCRIPT } from '../server';
import { cspSource, readTrustedSites, type TrustedSite } from '../trusted-sites';

const ROOT = path.resolve(__dirname, '../../../..');
const ORG_SITES = readTrustedSites(ROOT);

describe('injectStandIn', () => {
    it('puts the LCC stand-in first in <head>, before the app', () => {
        const html =
            '<!DOCTYPE html><html><head><link rel=stylesheet href=a.css></head><body><script type=module src=app.js></script>';
        const injected = injectStandIn(html);
        expect(injected).toBe(html.replace('<head>', `<head>${STAND_IN_SCRIPT}`));
        expect(injected.indexOf('lcc-stand-in.js')).toBeLessThan(injected.indexOf('app.js'));
    });

    it('handles a page whose <head> was left out by the minifier', () => {
        expect(injectStandIn('<div id=root></div>')).toBe(`${STAND_IN_SCRIPT}<div id=root></div>`);
    });
});

describe('containerCsp', () => {
    const directives = (csp: string): Map<string, string> =>
        new Map(
            csp.split('; ').map((directive) => {
                const [name, ...sources] = directive.split(' ');
                return [name, sources.join(' ')];
            })
        );

    it('allows scripts and fonts only from the container origin', () => {
        const csp = directives(containerCsp(false, { sites: ORG_SITES }));
        expect(csp.get('script-src')).toBe("'self'");
        expect(csp.get('font-src')).toBe("'self' data:");
        expect(csp.get('default-src')).toBe("'self'");
    });

    it("lets Parcel's hot reload evaluate modules in development only", () => {
        expect(directives(containerCsp(true, { sites: ORG_SITES })).get('script-src')).toBe(
            "'self' 'unsafe-eval'"
        );
    });

    it("admits images and media only from the org's trusted file host and its loopback stand-in", () => {
        const csp = directives(containerCsp(false, { sites: ORG_SITES }));
        expect(csp.get('img-src')).toBe(
            "'self' data: blob: https://*.sendbird.com http://127.0.0.1:*"
        );
        expect(csp.get('media-src')).toBe("'self' blob: https://*.sendbird.com http://127.0.0.1:*");
        expect(csp.get('connect-src')).toBe(
            "'self' https://*.sendbird.com wss://*.sendbird.com http://127.0.0.1:* ws://127.0.0.1:*"
        );
    });

    it('admits no Sendbird image host when no trusted site opens img-src', () => {
        const noFiles: TrustedSite[] = ORG_SITES.filter((site) => !site.img);
        const csp = directives(containerCsp(false, { sites: noFiles }));
        expect(csp.get('img-src')).toBe("'self' data: blob:");
    });

    it('admits any secure host for npm start against a real app', () => {
        const csp = directives(containerCsp(false, { sites: [], anySecureHost: true }));
        expect(csp.get('img-src')).toBe("'self' data: blob: https:");
        expect(csp.get('connect-src')).toBe("'self' https: wss:");
    });
});

describe('the trusted sites', () => {
    it("open Sendbird's file host of the app's region for images and media, nothing wider", () => {
        const files = ORG_SITES.filter((site) => site.img || site.media);
        expect(files).toEqual([
            {
                name: 'Sendbird_Files',
                endpointUrl: 'https://file-${SENDBIRD_REGION}.sendbird.com',
                connect: false,
                img: true,
                media: true
            }
        ]);
        expect(ORG_SITES.map((site) => site.endpointUrl)).not.toContain('https://*.sendbird.com');
    });

    it('become CSP sources with a leftmost wildcard for deploy-time placeholders', () => {
        expect(cspSource('https://file-${SENDBIRD_REGION}.sendbird.com')).toBe(
            'https://*.sendbird.com'
        );
        expect(cspSource('wss://ws-${SENDBIRD_APP_ID}.sendbird.com/')).toBe('wss://*.sendbird.com');
        expect(cspSource('https://example.com')).toBe('https://example.com');
    });
});
