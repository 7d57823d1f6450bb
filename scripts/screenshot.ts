import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { silentServer } from './container-harness/loopback';
import {
    containerFrame,
    openHostPage,
    startResourceHarness,
    sessionOnLoopback,
    waitForMilestone
} from './container-harness/session';
import { launchChromium } from './test-support/chromium';

/** Where the README's picture of the agent's view lives. */
export const SCREENSHOT = path.join('docs', 'images', 'agent-console.png');

/**
 * `npm run screenshot`: the built resource in the local host page, as the browser tests run it.
 * No Sendbird server is faked, so the chat is shown signed in and connecting (Sendbird's hosts
 * point at a loopback port that never answers), with the handshake in the message log.
 */
async function main(): Promise<void> {
    const root = process.cwd();
    const harness = await startResourceHarness(root);
    const sendbird = await silentServer();
    const browser = await launchChromium();
    try {
        const host = await openHostPage(browser, harness, {
            ...sessionOnLoopback(sendbird.port),
            nextToken: 'test-next-token'
        });
        const frame = await containerFrame(host.page, harness);
        await waitForMilestone(frame, 'uikit-mounted', 15000);
        await host.page.waitForTimeout(500);
        const file = path.join(root, SCREENSHOT);
        mkdirSync(path.dirname(file), { recursive: true });
        await host.page.screenshot({ path: file, fullPage: true });
        console.log(`✔ ${SCREENSHOT}`);
    } finally {
        await browser.close();
        await sendbird.close();
        await harness.close();
    }
}

main().catch((error: unknown) => {
    console.error(`✖ Screenshot failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
});
