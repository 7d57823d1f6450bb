import { startHarness, type Harness } from '../server';

/** The harness servers over real loopback HTTP: two origins, injection, CSP, clear 404s. */
describe('startHarness', () => {
    let harness: Harness;
    const container: Record<string, string> = {
        'index.html':
            '<!DOCTYPE html><html><head></head><body><script type=module src=app.js></script>',
        'app.js': 'console.log(1)'
    };
    const pages: Record<string, string> = {
        'host.html': '<h1>host</h1>',
        'lcc-stand-in.js': 'window.LCC = {}'
    };

    beforeAll(async () => {
        harness = await startHarness({
            container: (name) => (name in container ? Buffer.from(container[name]) : undefined),
            harness: (name) => (name in pages ? Buffer.from(pages[name]) : undefined),
            session: { appId: 'TEST-APP-ID' }
        });
    });

    afterAll(() => harness.close());

    it('serves the host page and its config from one origin, the container from another', async () => {
        const host = new URL(harness.hostUrl);
        const containerUrl = new URL(harness.containerUrl);
        expect(host.origin).not.toBe(containerUrl.origin);

        await expect((await fetch(harness.hostUrl)).text()).resolves.toBe('<h1>host</h1>');
        const config = await fetch(new URL('host-config.json', host));
        await expect(config.json()).resolves.toEqual({
            containerUrl: harness.containerUrl,
            session: { appId: 'TEST-APP-ID' }
        });
    });

    it('serves the container with the stand-in injected and a strict CSP', async () => {
        const response = await fetch(harness.containerUrl);
        expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
        expect(response.headers.get('content-security-policy')).toContain("script-src 'self';");
        await expect(response.text()).resolves.toBe(
            '<!DOCTYPE html><html><head><script type="module" src="__harness/lcc-stand-in.js"></script></head><body><script type=module src=app.js></script>'
        );
        const standIn = await fetch(new URL('__harness/lcc-stand-in.js', harness.containerUrl));
        await expect(standIn.text()).resolves.toBe('window.LCC = {}');
        expect(standIn.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    });

    it('answers a missing file with 404 and a JSON body', async () => {
        const response = await fetch(new URL('nope.js', harness.containerUrl));
        expect(response.status).toBe(404);
        await expect(response.json()).resolves.toEqual({ error: 'not found', file: 'nope.js' });
    });
});
