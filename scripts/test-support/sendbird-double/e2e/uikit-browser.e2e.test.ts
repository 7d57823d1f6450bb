import path from 'node:path';
import type { Browser } from 'playwright-core';
import type { Harness } from '../../../dev/container-harness/server';
import {
    containerFrame,
    openHostPage,
    startResourceHarness,
    type HostPage
} from '../../../dev/container-harness/session';
import { launchChromium } from '../../chromium';
import { startSendbirdDouble, type SendbirdDouble } from '../sendbirdDouble';

const ROOT = path.resolve(__dirname, '../../../..');
const AGENT = 'agent_0001';

/**
 * Drift guard for UIKit: the built static resource (real UIKit 3.19 and @sendbird/chat) in
 * chromium, connected to the local stand-in for Sendbird. It must list the agent's channel,
 * show the customer's message, and show a message that arrives while it is open.
 */
describe('real UIKit against the stand-in (browser)', () => {
    let browser: Browser;
    let harness: Harness;
    let double: SendbirdDouble;
    let host: HostPage | undefined;

    beforeAll(async () => {
        harness = await startResourceHarness(ROOT);
        browser = await launchChromium();
    }, 120_000);

    beforeEach(async () => {
        double = await startSendbirdDouble();
        double.createUser({ userId: AGENT, nickname: 'Alex Agent' });
        double.createUser({ userId: 'customer_1', nickname: 'Casey Customer' });
    });

    afterEach(async () => {
        await host?.context.close();
        host = undefined;
        await double.close();
    });

    afterAll(async () => {
        await browser?.close();
        await harness?.close();
    });

    it('lists the channel, shows its message and one that arrives live', async () => {
        const url = double.createChannel({
            url: '500Aa00000Ticket1',
            name: 'Case 00001001',
            userIds: ['customer_1', AGENT]
        });
        double.sendMessage(url, 'customer_1', 'My order never arrived');
        host = await openHostPage(browser, harness, {
            appId: double.appId,
            userId: AGENT,
            accessToken: double.issueToken(AGENT),
            nickname: 'Alex Agent',
            apiHost: double.apiUrl,
            wsHost: double.wsUrl
        });
        const frame = await containerFrame(host.page, harness);
        const preview = frame.locator('.sendbird-channel-preview', { hasText: 'Case 00001001' });
        await preview.waitFor({ timeout: 20_000 });
        await preview.click();
        await frame.getByText('My order never arrived').first().waitFor({ timeout: 10_000 });

        double.sendMessage(url, 'customer_1', 'Order 1234, if that helps');
        await frame.getByText('Order 1234, if that helps').first().waitFor({ timeout: 10_000 });
        expect(double.unhandled).toEqual([]);
        expect(host.errors.filter((e) => !/favicon/.test(e))).toEqual([]);
    });
});
