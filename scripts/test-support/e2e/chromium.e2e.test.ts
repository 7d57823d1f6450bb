import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../chromium';

/** The browser harness itself: chromium starts, loads a loopback page and runs its script. */
describe('launchChromium', () => {
    let browser: Browser;
    let server: Server;
    let url: string;

    beforeAll(async () => {
        server = createServer((request, response) => {
            if (request.url === '/app.js') {
                response.setHeader('content-type', 'text/javascript');
                response.end(
                    "document.querySelector('button').addEventListener('click', () => { document.querySelector('output').textContent = 'clicked'; });"
                );
                return;
            }
            response.setHeader('content-type', 'text/html');
            response.end('<button>Go</button><output></output><script src="/app.js"></script>');
        });
        await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
        url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
        browser = await launchChromium();
    });

    afterAll(async () => {
        await browser?.close();
        await new Promise((resolve) => server.close(resolve));
    });

    it('loads a loopback page, runs its script and reacts to a click', async () => {
        const page = await browser.newPage();
        await page.goto(url);
        await page.click('button');
        await expect(page.locator('output').textContent()).resolves.toBe('clicked');
    });
});
