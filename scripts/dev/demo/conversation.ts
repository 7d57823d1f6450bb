import type { Browser, Frame, Page } from 'playwright-core';
import { hostState } from '../container-harness/session';
import { openCustomer, type Customer } from '../container-harness/stand-in/customer-page';

export interface Conversation {
    /** The agent console host page, panel open on the conversation. */
    agent: Page;
    /** The container frame inside it. */
    frame: Frame;
    customer: Customer;
    close(): Promise<void>;
}

/** What the customer and the agent say; the demo test and the screenshots both wait for them. */
export const LINES = {
    subject: 'The office printer jams on page 3',
    customer: 'Page 3 is stuck halfway out. It has happened twice today.',
    agent: 'Sorry about that! Open tray 2 and pull the green lever, I will stay with you.'
};

/** The container's frame inside the agent host page, once it has loaded the resource. */
export async function agentFrame(page: Page, timeoutMs = 30000): Promise<Frame> {
    const handle = await page.locator('#container').elementHandle({ timeout: timeoutMs });
    for (const started = Date.now(); Date.now() - started < timeoutMs;) {
        const frame = await handle?.contentFrame();
        if (frame?.url().startsWith('http')) return frame;
        await page.waitForTimeout(100);
    }
    throw new Error(`The agent host page did not load the container within ${timeoutMs} ms.`);
}

/**
 * One conversation through the demo, as a newcomer plays it: the agent's console is open with the
 * panel minimised; the customer creates a ticket and writes; routing invites the agent and the
 * badge rises; the agent opens the panel and the conversation, and replies; the customer sees it.
 */
export async function playConversation(
    browser: Browser,
    urls: { agentUrl: string; customerUrl: string }
): Promise<Conversation> {
    const agentContext = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const agent = await agentContext.newPage();
    await agent.goto(urls.agentUrl);
    const frame = await agentFrame(agent);
    await frame
        .locator('[data-testid=agent-session][data-status=online]')
        .waitFor({ state: 'attached', timeout: 30000 });

    const customer = await openCustomer(browser, urls.customerUrl, {
        subject: LINES.subject,
        name: 'Dana Customer'
    });
    await customer.say(LINES.customer);

    for (const started = Date.now(); ((await hostState(agent)).unread ?? 0) < 1;) {
        if (Date.now() - started > 15000) throw new Error('The agent badge never rose.');
        await agent.waitForTimeout(100);
    }
    await agent.locator('#utility-item').click();
    await frame
        .locator('.sendbird-channel-preview')
        .filter({ hasText: LINES.customer })
        .click({ timeout: 15000 });
    const input = frame.locator('.sendbird-message-input-text-field');
    await input.click();
    await input.fill(LINES.agent);
    await input.press('Enter');
    await customer.page
        .locator('.sendbird-text-message-item-body')
        .filter({ hasText: LINES.agent })
        .waitFor({ timeout: 15000 });
    return {
        agent,
        frame,
        customer,
        close: async () => {
            await Promise.all([agentContext.close(), customer.close()]);
        }
    };
}
