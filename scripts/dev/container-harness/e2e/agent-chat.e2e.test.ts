import path from 'node:path';
import type { Browser, Frame } from 'playwright-core';
import { launchChromium } from '../../../test-support/chromium';
import type { HostRecord } from '../../../../lwc-container-src/harness/types';
import { containerFrame, hostState, openHostPage, waitUntil, type HostPage } from '../session';
import { startAgentWorld, type AgentWorld } from '../stand-in/agent-world';
import { openCustomer, type Customer } from '../stand-in/customer-page';
import { playRouting } from '../stand-in/routing';
import { startTicketServer } from '../stand-in/ticket-stack';
import { connectSdk } from '../../../test-support/sendbird-double/e2e/sdkClient';
import type { TicketStack } from '../../../../ticket-server/test-support/stack';

const ROOT = path.resolve(__dirname, '../../../..');

// Two browsers' worth of UIKit on a shared two-core machine.
jest.setTimeout(90000);

/** A 2×2 red PNG: what a customer's photo of a broken printer comes down to. */
const PNG = Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFklEQVR4nGP8z8DAwMDAxMDAwMDAAAANHQEDK+mmyAAAAABJRU5ErkJggg==',
    'base64'
);

/**
 * The agent's chat end to end: the built static resource in Chromium, inside the host page that
 * plays the Service Console (LCC stand-in, utility panel, token endpoint), against the local
 * stand-in for Sendbird (scripts/test-support/sendbird-double), with the customer on the ticket
 * server's page where named. Each test names the defect of issue 14 it proves fixed.
 */
describe('the agent chat against the Sendbird stand-in (browser)', () => {
    let browser: Browser;
    let world: AgentWorld;
    let stack: TicketStack;
    const opened: { close(): Promise<void> }[] = [];
    let channelCount = 0;

    beforeAll(async () => {
        world = await startAgentWorld(ROOT);
        stack = await startTicketServer(world.double);
        browser = await launchChromium();
    }, 180000);

    afterEach(async () => {
        await Promise.all(opened.splice(0).map((item) => item.close()));
    });

    afterAll(async () => {
        await browser?.close();
        await stack?.close();
        await world?.close();
    });

    async function openAgent(params: Record<string, string> = {}): Promise<{
        host: HostPage;
        frame: Frame;
    }> {
        const host = await openHostPage(browser, world.harness, world.hostParams(params));
        opened.push(host.context);
        return { host, frame: await containerFrame(host.page, world.harness) };
    }

    async function customerOnTicket(subject: string): Promise<Customer> {
        const customer = await openCustomer(browser, stack.url, {
            subject,
            name: 'Casey Customer'
        });
        opened.push(customer);
        return customer;
    }

    /** A channel between a new customer (Sendbird user) and the agent, as routing leaves it. */
    function caseChannel(): { url: string; customerId: string } {
        channelCount += 1;
        const customerId = `customer_${channelCount}`;
        world.double.createUser({ userId: customerId, nickname: `Customer ${channelCount}` });
        const url = world.double.createChannel({
            url: `case_channel_${channelCount}`,
            name: `Case 0000${channelCount}`,
            userIds: [customerId, world.agent.userId]
        });
        return { url, customerId };
    }

    const online = async (host: HostPage, frame: Frame, timeout = 30000): Promise<void> => {
        // Attached, not visible: a minimised panel hides the frame but keeps it running.
        const session = frame.locator('[data-testid=agent-session]');
        try {
            await session.and(frame.locator('[data-status=online]')).waitFor({
                state: 'attached',
                timeout
            });
        } catch (error) {
            const status = await session
                .getAttribute('data-status', { timeout: 1000 })
                .catch(() => 'absent');
            const shown = await frame
                .locator('body')
                .innerText({ timeout: 1000 })
                .catch((reason: unknown) => `(unreadable: ${String(reason)})`);
            const log = await hostState(host.page)
                .then((state) =>
                    state.log.map((entry) => `${entry.at} ${entry.direction} ${entry.type}`)
                )
                .catch((reason: unknown) => [`(unreadable: ${String(reason)})`]);
            throw new Error(
                `the agent session did not come online; its status: ${status}; ` +
                    `the frame (${frame.isDetached() ? 'detached' : 'attached'}) showed ${JSON.stringify(shown.slice(0, 300))}; ` +
                    `the host saw ${JSON.stringify(log)}; errors ${JSON.stringify(host.errors)}`,
                { cause: error }
            );
        }
    };

    /** Polls the host page's record until `done` holds. */
    const hostUntil = async (
        host: HostPage,
        done: (state: HostRecord) => boolean,
        what: string,
        timeoutMs = 10000
    ): Promise<HostRecord> => {
        for (const start = Date.now(); ;) {
            const state = await hostState(host.page);
            if (done(state)) {
                return state;
            }
            if (Date.now() - start > timeoutMs) {
                throw new Error(
                    `Timed out waiting for ${what}; the host saw ${JSON.stringify({ ...state, log: state.log.map((entry) => entry.type) })}`
                );
            }
            await host.page.waitForTimeout(50);
        }
    };

    const unreadIs = (host: HostPage, count: number): Promise<HostRecord> =>
        hostUntil(host, (state) => state.unread === count, `the badge to show ${count}`);

    const agentRead = (url: string): number => world.double.readReceipts(url)[world.agent.userId];

    it('raises the badge for a message that arrives while the panel is minimised, and keeps it unread (defects 1 and 5)', async () => {
        const { url, customerId } = caseChannel();
        const { host, frame } = await openAgent({ panel: 'minimised' });
        await online(host, frame);
        await unreadIs(host, 0);

        world.double.sendMessage(url, customerId, 'Is anyone there?');
        await unreadIs(host, 1);
        await expect(host.page.locator('#unread-badge').textContent()).resolves.toBe('1');
        // Long enough for UIKit to select the channel and mark it read, had it been allowed to.
        await host.page.waitForTimeout(1500);
        expect(agentRead(url)).toBe(0);
        expect(world.double.unreadCount(world.agent.userId, url)).toBe(1);
        await expect(frame.locator('.sendbird-conversation').count()).resolves.toBe(0);
        expect((await hostState(host.page)).unread).toBe(1);
    });

    it('shows the message and marks it read once the panel opens; the reply reaches the customer page (defect 1)', async () => {
        const { host, frame } = await openAgent({ panel: 'minimised' });
        await online(host, frame);
        const customer = await customerOnTicket('Printer on fire');
        const url = customer.ticket.channelUrl;
        world.double.invite(url, [world.agent.userId]);
        const start = await hostUntil(host, (state) => state.unread !== null, 'a first count');
        await customer.say('It smells of toast.');
        await unreadIs(host, (start.unread ?? 0) + 1);
        expect(agentRead(url)).toBe(0);

        await host.page.locator('#utility-item').click();
        await frame
            .locator('.sendbird-conversation .sendbird-text-message-item-body')
            .filter({ hasText: 'It smells of toast.' })
            .waitFor({ timeout: 10000 });
        await waitUntil(() => agentRead(url) > 0, 5000, 'the agent to mark the channel read');
        await unreadIs(host, start.unread ?? 0);

        const input = frame.locator('.sendbird-message-input-text-field');
        await input.click();
        await input.fill('Unplug it, I am on my way.');
        await input.press('Enter');
        await customer.page
            .locator('.sendbird-text-message-item-body')
            .filter({ hasText: 'Unplug it, I am on my way.' })
            .waitFor({ timeout: 10000 });
        expect((await hostState(host.page)).errors).toEqual([]);
    });

    it('replaces an expired session token through the host, without a reload (defect 2)', async () => {
        const { url, customerId } = caseChannel();
        const { host, frame } = await openAgent();
        await online(host, frame);
        await frame.evaluate(() => {
            (globalThis as { loadedOnce?: boolean }).loadedOnce = true;
        });
        const tokensBefore = world.tokens.length;

        // Every token the agent had expires, and so does the session: Sendbird asks for a new one.
        world.double.expireToken(world.agent.userId);
        world.double.expireSession(world.agent.userId, { push: true });
        await waitUntil(
            () => world.tokens.length > tokensBefore,
            10000,
            'the host to hand out a fresh token'
        );
        world.double.sendMessage(url, customerId, 'Still there?');
        await frame
            .locator('.sendbird-channel-preview')
            .filter({ hasText: 'Still there?' })
            .waitFor({ timeout: 10000 });
        await online(host, frame);
        const state = await hostState(host.page);
        expect(state.log.filter((entry) => entry.type === 'sendbird:token-expired')).toHaveLength(
            1
        );
        expect(state.log.filter((entry) => entry.type === 'sendbird:init')).toHaveLength(1);
        expect(state.errors).toEqual([]);
        await expect(
            frame.evaluate(() => (globalThis as { loadedOnce?: boolean }).loadedOnce)
        ).resolves.toBe(true);

        // A console opened later still holds the expired token from its cached init: the
        // container asks the host for a fresh one instead of showing "Cannot connect".
        const later = await openAgent({ accessToken: world.tokens[0] });
        await online(later.host, later.frame);
        const laterState = await hostState(later.host.page);
        expect(laterState.errors).toEqual([]);
        expect(laterState.log.filter((entry) => entry.type === 'sendbird:init')).toHaveLength(1);
        expect(laterState.log.map((entry) => entry.type)).toContain('sendbird:token');
    });

    it('shows "Reconnecting…" while the connection is down, then "Online" (defect 4)', async () => {
        caseChannel();
        const { host, frame } = await openAgent();
        await online(host, frame);
        const state = frame.locator('.agent-session__state');

        world.double.connections.drop({ refuse: true });
        await frame
            .locator('[data-testid=agent-session][data-status=reconnecting]')
            .waitFor({ timeout: 10000 });
        await expect(state.textContent()).resolves.toBe('Reconnecting…');

        world.double.connections.accept();
        await online(host, frame, 20000);
        await expect(state.textContent()).resolves.toBe('Online');
        expect((await hostState(host.page)).errors).toEqual([]);
    });

    it("renders a customer's image in the agent's conversation (defect 3)", async () => {
        const { url, customerId } = caseChannel();
        const { host, frame } = await openAgent();
        await online(host, frame);
        // The customer's app: the pinned SDK in Node, uploading to the stand-in's file host.
        const customer = await connectSdk(
            world.double,
            customerId,
            world.double.issueToken(customerId)
        );
        opened.push(customer);
        const channel = await customer.sb.groupChannel.getChannel(url);
        await new Promise((resolve, reject) =>
            channel
                .sendFileMessage({ file: new File([PNG], 'screen.png', { type: 'image/png' }) })
                .onSucceeded(resolve)
                .onFailed(reject)
        );

        // The host opens the Case's channel, as the console does when the agent opens the Case.
        await host.page.evaluate((channelUrl) => {
            (globalThis as { lccHost?: { post(p: unknown): void } }).lccHost?.post({
                type: 'sendbird:open-channel',
                channelUrl
            });
        }, url);
        await hostUntil(
            host,
            (state) => state.channelsOpened.includes(url),
            'sendbird:channel-opened'
        );
        const image = frame.locator('.sendbird-thumbnail-message-item-body img').first();
        await image.waitFor({ state: 'attached', timeout: 10000 });
        // Loaded, not just present: a CSP block leaves the image with no pixels.
        await frame.waitForFunction(
            () =>
                [
                    ...(
                        globalThis as unknown as {
                            document: {
                                querySelectorAll(s: string): Iterable<{ naturalWidth: number }>;
                            };
                        }
                    ).document.querySelectorAll('.sendbird-thumbnail-message-item-body img')
                ].some((img) => img.naturalWidth > 0),
            undefined,
            { timeout: 10000 }
        );
        expect(host.errors.filter((error) => /Content Security Policy/i.test(error))).toEqual([]);
    });

    it('runs the full ticket flow: customer page → ticket server → Salesforce and Sendbird doubles → the invited agent chats, under their Salesforce name (defects 5 and 7)', async () => {
        const stale = await startAgentWorld(ROOT, {
            double: world.double,
            agent: { userId: '005000000000002AAA', nickname: 'Robin Router' },
            staleNickname: 'robin.r'
        });
        opened.push(stale);
        const host = await openHostPage(browser, stale.harness, stale.hostParams());
        opened.push(host.context);
        const frame = await containerFrame(host.page, stale.harness);
        await online(host, frame);
        const stopRouting = playRouting(stack.salesforce, world.double, stale.agent.userId);
        opened.push({ close: async () => stopRouting() });

        const customer = await customerOnTicket('Order 1234 never arrived');
        const caseId = customer.ticket.caseId;
        // The channel URL comes from the ticket key; the Case links to it (issue 15).
        expect(stack.salesforce.cases.get(caseId)).toMatchObject({
            Subject: 'Order 1234 never arrived',
            Sendbird_Channel_URL__c: customer.ticket.channelUrl
        });
        await customer.say('Hello, where is my parcel?');

        // Invited by routing, the agent sees the new Case conversation appear with its badge.
        const preview = frame
            .locator('.sendbird-channel-preview')
            .filter({ hasText: 'Hello, where is my parcel?' });
        await preview.waitFor({ timeout: 10000 });
        await hostUntil(host, (state) => (state.unread ?? 0) >= 1, 'the badge to rise');
        await preview.click();
        const input = frame.locator('.sendbird-message-input-text-field');
        await input.click();
        await input.fill('It left our warehouse today.');
        await input.press('Enter');
        await customer.page
            .locator('.sendbird-text-message-item-body')
            .filter({ hasText: 'It left our warehouse today.' })
            .waitFor({ timeout: 10000 });
        // The customer sees the agent's Salesforce name, not the stale Sendbird nickname (defect 7).
        await customer.page.getByText('Robin Router', { exact: true }).first().waitFor();
        expect(world.double.world.users.get(stale.agent.userId)?.nickname).toBe('Robin Router');
        await frame.getByRole('button', { name: 'Open Case' }).click();
        await host.page.locator('#records li').first().waitFor({ timeout: 5000 });
        await expect(hostState(host.page)).resolves.toMatchObject({ openedRecords: [caseId] });
    });
});
