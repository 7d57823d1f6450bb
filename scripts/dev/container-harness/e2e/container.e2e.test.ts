import path from 'node:path';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../../../test-support/chromium';
import { closedPort, silentServer } from '../loopback';
import type { Harness } from '../server';
import {
    containerFrame,
    hostState,
    openHostPage,
    readProbe,
    startResourceHarness,
    sessionOnLoopback,
    TEST_SESSION,
    waitForMilestone,
    type HostPage,
    waitUntil
} from '../session';

const ROOT = path.resolve(__dirname, '../../../..');

/** Makes `localStorage` throw in frames, as browsers do for a cross-site iframe's blocked storage. */
const BLOCK_FRAME_STORAGE = `if (window !== window.top) {
    Object.defineProperty(window, 'localStorage', {
        configurable: true,
        get() { throw new DOMException('Access is denied.', 'SecurityError'); }
    });
}`;

/**
 * The built static resource in chromium, as Salesforce runs it: served from its own origin with
 * a strict CSP and the LCC stand-in, framed by the host page on another origin. No Sendbird
 * server is faked; Sendbird's hosts point at loopback ports that refuse or never answer.
 */
describe('the container app in lightning:container (browser)', () => {
    let browser: Browser;
    let harness: Harness;
    const opened: HostPage[] = [];

    beforeAll(async () => {
        harness = await startResourceHarness(ROOT);
        browser = await launchChromium();
    }, 120000);

    afterEach(async () => {
        await Promise.all(opened.splice(0).map((host) => host.context.close()));
    });

    afterAll(async () => {
        await browser?.close();
        await harness?.close();
    });

    async function open(
        params: Record<string, string>,
        setUp?: Parameters<typeof openHostPage>[3]
    ): Promise<HostPage> {
        const host = await openHostPage(browser, harness, params, setUp);
        opened.push(host);
        return host;
    }

    it('completes the handshake: ready from the container, init from the host', async () => {
        const port = await closedPort();
        const host = await open(sessionOnLoopback(port));
        const frame = await containerFrame(host.page, harness);
        const probe = await waitForMilestone(frame, 'init-delivered', 10000);

        expect(probe.messages.slice(0, 2)).toEqual([
            expect.objectContaining({ direction: 'out', type: 'sendbird:ready' }),
            expect.objectContaining({ direction: 'in', type: 'sendbird:init' })
        ]);
        const { log } = await hostState(host.page);
        expect(log[0]).toMatchObject({ direction: 'to-host', type: 'sendbird:ready' });
        expect(log[0].json).toBe('{"type":"sendbird:ready","protocol":1}');
        expect(log[1]).toMatchObject({ direction: 'to-container', type: 'sendbird:init' });
        expect(log[1].json).not.toContain(TEST_SESSION.accessToken);
    });

    it('mounts UIKit signed in as the given user', async () => {
        const sendbird = await silentServer();
        try {
            const host = await open(sessionOnLoopback(sendbird.port));
            const frame = await containerFrame(host.page, harness);
            await waitForMilestone(frame, 'uikit-mounted', 10000);

            const session = frame.locator('[data-testid=agent-session]');
            await expect(session.getAttribute('data-user-id')).resolves.toBe(TEST_SESSION.userId);
            // The Salesforce name from init, before Sendbird answered anything.
            await expect(session.textContent()).resolves.toBe(
                `Signed in as ${TEST_SESSION.nickname}Connecting to Sendbird…`
            );
            await expect(frame.locator('.sendbird-channel-list').isVisible()).resolves.toBe(true);
            // UIKit handed the SDK the given app and user: its WebSocket names both.
            await waitUntil(() => host.webSockets.length > 0, 5000, 'a WebSocket to Sendbird');
            const socket = new URL(host.webSockets[0]);
            expect(socket.host).toBe(`127.0.0.1:${sendbird.port}`);
            expect(socket.searchParams.get('ai')).toBe(TEST_SESSION.appId);
            expect(socket.searchParams.get('user_id')).toBe(TEST_SESSION.userId);
        } finally {
            await sendbird.close();
        }
    });

    it('shows "cannot connect" within 3 s when Sendbird is unreachable, and Retry tries again', async () => {
        const port = await closedPort();
        const host = await open(sessionOnLoopback(port));
        const frame = await containerFrame(host.page, harness);
        const probe = await waitForMilestone(frame, 'cannot-connect', 5000);

        const { 'frame-load': loaded = NaN, 'cannot-connect': failed = NaN } = probe.marks;
        expect(failed - loaded).toBeLessThan(3000);
        await expect(frame.getByRole('alert').textContent()).resolves.toContain(
            'Cannot connect to Sendbird'
        );
        const { errors } = await hostState(host.page);
        expect(errors).toEqual([expect.objectContaining({ code: 'connect-failed' })]);

        const attempts = host.webSockets.length;
        expect(attempts).toBeGreaterThan(0);
        await frame.getByRole('button', { name: 'Retry' }).click();
        await frame.getByRole('alert').waitFor({ state: 'detached', timeout: 2000 });
        await frame.getByRole('alert').waitFor({ timeout: 5000 });

        expect(host.webSockets.length).toBeGreaterThan(attempts);
        expect(new URL(host.webSockets[attempts]).host).toBe(`127.0.0.1:${port}`);
        const after = await hostState(host.page);
        expect(after.errors).toHaveLength(2);
        // Retry asked the host for a fresh token first, never reusing the one that failed.
        expect(after.log.map((entry) => entry.type)).toContain('sendbird:token-expired');
    });

    it('shows "cannot connect" within 5 s when Sendbird accepts connections but never answers (defect 4)', async () => {
        const sendbird = await silentServer();
        try {
            const host = await open(sessionOnLoopback(sendbird.port));
            const frame = await containerFrame(host.page, harness);
            const probe = await waitForMilestone(frame, 'cannot-connect', 8000);
            const { 'frame-load': loaded = NaN, 'cannot-connect': failed = NaN } = probe.marks;
            expect(failed - loaded).toBeLessThan(5000);
            await expect(frame.getByRole('button', { name: 'Retry' }).isVisible()).resolves.toBe(
                true
            );
            expect((await hostState(host.page)).errors).toEqual([
                expect.objectContaining({ code: 'connect-failed' })
            ]);
        } finally {
            await sendbird.close();
        }
    });

    it('ignores a malformed init and completes the handshake with a valid one', async () => {
        const port = await closedPort();
        const host = await open({ answer: 'manual' });
        // With autostart and no session the page says what it needs; load the frame by hand.
        await expect(host.page.locator('#needs').textContent()).resolves.toContain(
            'To load the chat, enter the App ID'
        );
        for (const name of ['appId', 'userId', 'accessToken']) {
            await host.page.fill(`#session [name=${name}]`, 'x');
        }
        await host.page.getByRole('button', { name: 'Load the container' }).click();
        const frame = await containerFrame(host.page, harness);
        await waitForMilestone(frame, 'first-ready', 10000);

        const init = { type: 'sendbird:init', protocol: 1, ...sessionOnLoopback(port) };
        for (const malformed of [
            { ...init, protocol: 2 },
            { ...init, appId: 'evil.example.com/' },
            { ...init, apiHost: 'http://evil.example.com' },
            { ...init, accessToken: undefined },
            'sendbird:init'
        ]) {
            await host.page.evaluate((payload) => {
                (globalThis as { lccHost?: { post(p: unknown): void } }).lccHost?.post(payload);
            }, malformed);
        }
        await host.page.waitForTimeout(500);
        await expect(frame.getByRole('status').textContent()).resolves.toContain(
            'Connecting to Salesforce…'
        );
        const waiting = await readProbe(frame);
        expect(waiting.marks['uikit-mounted']).toBeUndefined();
        const readyAfterMalformed = waiting.messages.filter(
            (message) => message.type === 'sendbird:ready'
        ).length;
        expect(readyAfterMalformed).toBeGreaterThan(2);

        await host.page.evaluate((payload) => {
            (globalThis as { lccHost?: { post(p: unknown): void } }).lccHost?.post(payload);
        }, init);
        await waitForMilestone(frame, 'uikit-mounted', 5000);
    });

    it('runs with localStorage blocked and loads nothing from the network', async () => {
        const sendbird = await silentServer();
        try {
            const host = await open(
                sessionOnLoopback(sendbird.port),
                // As in a cross-site container iframe with third-party storage blocked.
                async (context) => {
                    await context.addInitScript({ content: BLOCK_FRAME_STORAGE });
                }
            );
            const frame = await containerFrame(host.page, harness);
            await waitForMilestone(frame, 'uikit-mounted', 10000);
            await host.page.waitForTimeout(300);

            // UIKit writes localStorage once connected; the app gives it an in-memory one.
            await expect(
                frame.evaluate(() => {
                    const storage = (
                        globalThis as unknown as {
                            localStorage: {
                                setItem(k: string, v: string): void;
                                getItem(k: string): string;
                            };
                        }
                    ).localStorage;
                    storage.setItem('uikit-check', 'kept');
                    return storage.getItem('uikit-check');
                })
            ).resolves.toBe('kept');

            expect(
                host.errors.filter((error) =>
                    /localStorage|SecurityError|Content Security Policy/i.test(error)
                )
            ).toEqual([]);
            expect(
                [...host.requestHosts].every((hostName) => hostName.startsWith('127.0.0.1:'))
            ).toBe(true);
        } finally {
            await sendbird.close();
        }
    });
});
