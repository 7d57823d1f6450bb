import type { Browser, Page } from 'playwright-core';
import type { TicketCreated } from '../../../../ticket-server/src/contract';

/** The customer in their own browser context, on the ticket server's page, chatting in UIKit. */
export interface Customer {
    page: Page;
    ticket: TicketCreated;
    /** Types a message into UIKit's input and sends it. */
    say(text: string): Promise<void>;
    /** Attaches a file through UIKit's attach button (its hidden file input). */
    attach(file: { name: string; mimeType: string; buffer: Buffer }): Promise<void>;
    close(): Promise<void>;
    pages(): Page[];
}

/**
 * Opens the customer page, fills the ticket form and waits for the ticket (POST /createticket's
 * 201) and for UIKit's conversation to be connected and ready for input.
 */
export async function openCustomer(
    browser: Browser,
    ticketServerUrl: string,
    form: { subject: string; description?: string; name?: string }
): Promise<Customer> {
    const context = await browser.newContext({ viewport: { width: 900, height: 800 } });
    const page = await context.newPage();
    await page.goto(ticketServerUrl);
    await page.getByLabel('Subject').fill(form.subject);
    if (form.description) {
        await page.getByLabel('Description').fill(form.description);
    }
    if (form.name) {
        await page.getByLabel('Your name').fill(form.name);
    }
    const created = page.waitForResponse(
        (response) => response.url().endsWith('/createticket') && response.status() === 201
    );
    await page.getByRole('button', { name: 'Start chat' }).click();
    const ticket = (await (await created).json()) as TicketCreated;
    const input = page.locator('.sendbird-message-input-text-field');
    await input.waitFor({ timeout: 15000 });
    return {
        page,
        ticket,
        say: async (text) => {
            await input.click();
            await input.fill(text);
            await input.press('Enter');
        },
        attach: async (file) => {
            await page.locator('.sendbird-message-input--attach-input').setInputFiles(file);
        },
        close: () => context.close(),
        pages: () => context.pages()
    };
}
