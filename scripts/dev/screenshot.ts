import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { playConversation } from './demo/conversation';
import { startDemoWorld } from './demo/demo-world';
import { shootLightning } from './screenshots/lightning';
import { launchChromium } from '../test-support/chromium';

/** Where the README's pictures live; written only with --update-docs. */
export const DOCS_IMAGES = path.join('docs', 'images');
/** Where a plain `npm run screenshot` writes: untracked, so it never changes the repository. */
export const DEFAULT_OUT = path.join('dist', 'screenshots');

/**
 * `npm run screenshot [-- --update-docs] [-- --lightning-only]`: one real conversation through
 * `npm run demo`'s world (the local stand-in for Sendbird, the ticket server, the built static
 * resource), pictured from the agent's console and from the customer's page; then the Case panel,
 * the setup assistant and the failure console, rendered from their jest DOM with stand-in data
 * and the Lightning Design System CSS (scripts/dev/screenshots/lightning.ts). Every picture carries
 * its own notice of what it was drawn from, so the pictures are labelled in themselves.
 * --lightning-only skips the demo world and draws the three Lightning pictures alone.
 */
async function main(): Promise<void> {
    const root = process.cwd();
    const out = path.join(root, process.argv.includes('--update-docs') ? DOCS_IMAGES : DEFAULT_OUT);
    mkdirSync(out, { recursive: true });
    const browser = await launchChromium();
    try {
        for (const file of await shootLightning(root, browser, out)) {
            console.log(`✔ ${path.relative(root, file)}`);
        }
        if (!process.argv.includes('--lightning-only')) {
            await shootDemo(root, browser, out);
        }
    } finally {
        await browser.close();
    }
}

/** The agent console and the customer page, in one conversation through the demo world. */
async function shootDemo(root: string, browser: Browser, out: string): Promise<void> {
    const demo = await startDemoWorld(root);
    try {
        const conversation = await playConversation(browser, demo);
        // Let UIKit settle (read receipts, scroll), away from the message menus a hover opens.
        await conversation.agent.mouse.move(0, 0);
        await conversation.customer.page.mouse.move(0, 0);
        await conversation.agent.waitForTimeout(800);
        const shots: [string, () => Promise<Buffer>][] = [
            // The notice, the utility item with its badge and the open panel; not the message log.
            ['agent-console.png', () => agentView(conversation.agent)],
            ['customer-page.png', () => conversation.customer.page.screenshot({ fullPage: true })]
        ];
        for (const [name, take] of shots) {
            const file = path.join(out, name);
            writeFileSync(file, await take());
            console.log(`✔ ${path.relative(root, file)}`);
        }
        await conversation.close();
    } finally {
        await demo.stop();
    }
}

/** The host page from its top (header, stand-in notice, utility item) to the chat panel's end. */
async function agentView(page: Page): Promise<Buffer> {
    await page.evaluate('window.scrollTo(0, 0)');
    const panel = await page.locator('.layout .panel').first().boundingBox();
    const bottom = panel ? panel.y + panel.height + 12 : 900;
    return page.screenshot({ fullPage: true, clip: { x: 0, y: 0, width: 1400, height: bottom } });
}

main().catch((error: unknown) => {
    console.error(`✖ Screenshot failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
});
