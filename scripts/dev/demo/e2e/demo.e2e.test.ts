import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { playConversation } from '../conversation';
import { launchChromium } from '../../../test-support/chromium';

const ROOT = path.resolve(__dirname, '../../../..');

jest.setTimeout(120000);

interface Demo {
    child: ChildProcess;
    lines: string[];
    stderr: string[];
}

/**
 * Starts `scripts/dev/demo.ts` (what `npm run demo` runs) and waits for its two lines. It runs in
 * one Node process with tsx's loader, not under the tsx CLI: that CLI relays a signal to its child
 * and SIGKILLs it (exit 130) when the child does not confirm within 30 ms, which a loaded CI
 * machine missed. A terminal's Ctrl-C reaches both processes, so `npm run demo` is not affected.
 */
function startDemo(): Promise<Demo> {
    const child = spawn(
        process.execPath,
        ['--import', 'tsx', path.join('scripts', 'dev', 'demo.ts')],
        { cwd: ROOT }
    );
    const demo: Demo = { child, lines: [], stderr: [] };
    child.stderr?.on('data', (chunk: Buffer) => demo.stderr.push(chunk.toString()));
    return new Promise((resolve, reject) => {
        let buffered = '';
        child.stdout?.on('data', (chunk: Buffer) => {
            buffered += chunk.toString();
            demo.lines = buffered.split('\n').filter((line) => line !== '');
            if (demo.lines.length >= 2) resolve(demo);
        });
        child.once('exit', (code) =>
            reject(new Error(`the demo exited (${code}): ${demo.stderr.join('')}`))
        );
    });
}

/** `npm run demo` as a newcomer uses it: two URLs, a customer and an agent who chat. */
describe('npm run demo', () => {
    let browser: Browser;
    let demo: Demo | undefined;

    beforeAll(async () => {
        browser = await launchChromium();
    }, 180000);

    afterAll(async () => {
        demo?.child.kill('SIGKILL');
        await browser?.close();
    });

    it('prints the two URLs; the customer creates a ticket, the agent is invited, reads and replies; SIGINT stops it', async () => {
        demo = await startDemo();
        // Give a stray third line the chance to show up before checking there are exactly two.
        await new Promise((resolve) => setTimeout(resolve, 500));
        expect(demo.lines).toHaveLength(2);
        const [agentLine, customerLine] = demo.lines;
        expect(agentLine).toMatch(/^agent: http:\/\/127\.0\.0\.1:\d+\/\S+$/);
        expect(customerLine).toMatch(/^customer: http:\/\/127\.0\.0\.1:\d+$/);
        const agentUrl = agentLine.slice('agent: '.length);
        const customerUrl = customerLine.slice('customer: '.length);

        const conversation = await playConversation(browser, { agentUrl, customerUrl });
        await expect(conversation.agent.locator('#notice').textContent()).resolves.toContain(
            'a local stand-in for Sendbird, not Sendbird'
        );
        await expect(conversation.customer.page.getByRole('note').textContent()).resolves.toContain(
            'local stand-in for Sendbird'
        );
        await conversation.close();

        const exited = new Promise<number | null>((resolve) => demo?.child.once('exit', resolve));
        demo.child.kill('SIGINT');
        await expect(exited).resolves.toBe(0);
        expect(demo.lines).toHaveLength(2);
    });
});
