import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../../scripts/test-support/chromium';
import { startTicketStack, type TicketStack } from '../test-support/stack';

/** A loopback port with nothing listening: UIKit's connection must fail there, visibly. */
async function closedPort(): Promise<number> {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    await new Promise((resolve) => server.close(resolve));
    return port;
}

/** The operator's banner; markup in it must show as text, never as HTML. */
const NOTICE = 'Staging: <b>not</b> watched by support.';

/** The customer page in chromium, served by the ticket server in front of the two doubles. */
describe('customer ticket page', () => {
    let browser: Browser;
    let stack: TicketStack;
    let page: Page;
    const blocked: string[] = [];

    beforeAll(async () => {
        const port = await closedPort();
        stack = await startTicketStack({
            env: {
                SENDBIRD_CHAT_API_HOST: `http://127.0.0.1:${port}`,
                SENDBIRD_CHAT_WS_HOST: `ws://127.0.0.1:${port}`,
                TICKET_RATE_LIMIT_PER_MINUTE: '5',
                PAGE_NOTICE: NOTICE
            }
        });
        browser = await launchChromium();
    }, 120_000);

    afterAll(async () => {
        await browser?.close();
        await stack?.close();
    });

    beforeEach(async () => {
        // A fresh browser context each time: nothing in sessionStorage from the last test.
        page = await (await browser.newContext()).newPage();
        page.on('console', (message) => {
            if (/Content Security Policy/i.test(message.text())) blocked.push(message.text());
        });
        await page.goto(stack.url);
    });

    afterEach(async () => {
        await page.close();
        expect(blocked).toEqual([]);
    });

    it("shows the operator's PAGE_NOTICE as plain text above the form", async () => {
        const note = page.getByRole('note');
        await note.waitFor();
        await expect(note.textContent()).resolves.toBe(NOTICE);
        await expect(page.locator('.page-notice b').count()).resolves.toBe(0);
    });

    it('renders a 400 from the server as an announced error, creating nothing', async () => {
        await page.getByLabel('Subject').fill('   ');
        await page.getByRole('button', { name: 'Start chat' }).click();

        await page.getByRole('alert').filter({ hasText: 'Please check the form' }).waitFor();
        expect(stack.salesforce.cases.size).toBe(0);
    });

    it('fills the form with the keyboard, creates the ticket and mounts the chat view', async () => {
        const sent: Record<string, string>[] = [];
        page.on('request', (request) => {
            if (request.url().endsWith('/createticket')) sent.push(request.headers());
        });
        await page.getByLabel('Subject').focus();
        await page.keyboard.type('Printer on fire');
        await page.keyboard.press('Tab');
        await page.keyboard.type('It smells of toast.');
        await page.keyboard.press('Tab');
        await page.keyboard.type('Ada Lovelace');
        await page.keyboard.press('Tab');
        await page.keyboard.type('ada@example.test');
        await page.keyboard.press('Enter');

        await page.getByTestId('chat-view').waitFor();
        await expect(page.getByText('Ticket 00001001').count()).resolves.toBe(1);
        // UIKit points at a closed port, so its connection fails: no spinner, a Retry instead.
        await page.getByRole('alert').filter({ hasText: 'could not connect' }).waitFor();
        await expect(page.getByTestId('chat-view').count()).resolves.toBe(0);
        expect(sent[0]['idempotency-key']).toMatch(/^[0-9a-f-]{36}$/);
        const created = [...stack.salesforce.cases.values()][0];
        expect(created).toMatchObject({
            Subject: 'Printer on fire',
            SuppliedEmail: 'ada@example.test'
        });
        const channel = stack.sendbird.channels.get(created.Sendbird_Channel_URL__c as string);
        expect(channel?.name).toBe('Ticket 00001001: Printer on fire');
        expect(await page.content()).not.toMatch(/reload the page/i);

        // Retry mounts the chat again (and fails again here, visibly).
        const tokensBefore = stack.sendbird.callsTo('POST', /token$/).length;
        await page.getByRole('button', { name: 'Retry' }).click();
        await page.getByRole('alert').filter({ hasText: 'could not connect' }).waitFor();
        expect(stack.sendbird.callsTo('POST', /token$/).length).toBe(tokensBefore + 1);

        // A reload keeps the ticket and its chat: no form, no second Case.
        await page.reload();
        await page.getByText('Ticket 00001001').waitFor();
        await expect(page.getByLabel('Subject').count()).resolves.toBe(0);
        expect(stack.salesforce.cases.size).toBe(1);
    });

    it('keeps the Idempotency-Key of a failed submission across a reload: resending makes no second Case', async () => {
        stack.salesforce.inject('POST', /composite$/, { status: 503 }, 2);
        const keys: string[] = [];
        page.on('request', (request) => {
            if (request.url().endsWith('/createticket'))
                keys.push(request.headers()['idempotency-key']);
        });
        await page.getByLabel('Subject').fill('Salesforce hiccup');
        await page.getByRole('button', { name: 'Start chat' }).click();
        await page.getByRole('alert').filter({ hasText: 'could not be created' }).waitFor();

        await page.reload();
        await page.getByLabel('Subject').fill('Salesforce hiccup');
        await page.getByRole('button', { name: 'Start chat' }).click();
        await page.getByText(/Ticket 0000100\d/).waitFor();

        expect(keys).toHaveLength(2);
        expect(keys[1]).toBe(keys[0]);
        const withSubject = [...stack.salesforce.cases.values()].filter(
            (c) => c.Subject === 'Salesforce hiccup'
        );
        expect(withSubject).toHaveLength(1);
    });

    it('shows the ticket number with a clear message on a 502', async () => {
        stack.sendbird.inject('POST', /group_channels$/, { status: 500 }, 10);
        await page.getByLabel('Subject').fill('Sendbird is down');
        await page.getByRole('button', { name: 'Start chat' }).click();

        await page
            .getByRole('alert')
            .filter({ hasText: /Your ticket 0000100\d was created, but chat is unavailable/ })
            .waitFor();
    });

    it('shows a clear message on a 429 (the limit here is 5 a minute)', async () => {
        const limited = page.getByRole('alert').filter({ hasText: 'Too many requests' });
        for (let attempt = 0; attempt < 6 && (await limited.count()) === 0; attempt++) {
            await page.goto(stack.url);
            await page.getByLabel('Subject').fill(`Attempt ${attempt}`);
            await page.getByRole('button', { name: 'Start chat' }).click();
            await page
                .getByRole('alert')
                .filter({ hasText: /\S/ })
                .or(page.locator('.sendbird-conversation'))
                .first()
                .waitFor();
        }
        await limited.waitFor();
    });
});
