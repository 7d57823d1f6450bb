import { containerCsp, injectStandIn, STAND_IN_SCRIPT } from '../server';

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
        const csp = directives(containerCsp(false));
        expect(csp.get('script-src')).toBe("'self'");
        expect(csp.get('font-src')).toBe("'self' data:");
        expect(csp.get('default-src')).toBe("'self'");
    });

    it("lets Parcel's hot reload evaluate modules in development only", () => {
        expect(directives(containerCsp(true)).get('script-src')).toBe("'self' 'unsafe-eval'");
    });
});
