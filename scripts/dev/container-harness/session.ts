import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Frame, Page } from 'playwright-core';
import type {
    HarnessGlobals,
    HostRecord,
    LoadProbe,
    Milestone
} from '../../../lwc-container-src/harness/types';
import { CONTAINER_RESOURCE } from '../../build/container';
import { buildHarness } from './build';
import { zipSource } from './file-source';
import { startHarness, type Harness } from './server';

/** A session the host page hands over: fake values, no real Sendbird app. */
export const TEST_SESSION = {
    appId: 'TEST-APP-ID',
    userId: 'agent-0001',
    accessToken: 'test-session-token',
    nickname: 'Test Agent'
};

/** Host page parameters: the test session, with Sendbird's hosts on a loopback port. */
export function sessionOnLoopback(port: number): Record<string, string> {
    return {
        ...TEST_SESSION,
        apiHost: `http://127.0.0.1:${port}`,
        wsHost: `ws://127.0.0.1:${port}`
    };
}

/** The harness around the built static resource, served exactly as it is zipped. */
export async function startResourceHarness(root: string): Promise<Harness> {
    const resource = path.join(root, CONTAINER_RESOURCE);
    if (!existsSync(resource)) {
        throw new Error(
            `${CONTAINER_RESOURCE} is missing: run "npm run build" first; the browser tests load the built resource.`
        );
    }
    const [harness, container] = await Promise.all([buildHarness(root), zipSource(resource)]);
    return startHarness({ harness, container });
}

export interface HostPage {
    context: BrowserContext;
    page: Page;
    /** WebSocket URLs the container opened, in order. */
    webSockets: string[];
    /** Hosts of every request the page and its frame made. */
    requestHosts: Set<string>;
    /** Console errors and uncaught exceptions, from both pages. */
    errors: string[];
}

/**
 * Opens the host page in a fresh browser context (a cold load: nothing cached) with the given
 * query parameters (session fields, `answer=manual`, `autostart=0`).
 */
export async function openHostPage(
    browser: Browser,
    harness: Harness,
    params: Record<string, string>,
    setUp?: (context: BrowserContext) => Promise<void>
): Promise<HostPage> {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    await setUp?.(context);
    const page = await context.newPage();
    const opened: HostPage = {
        context,
        page,
        webSockets: [],
        requestHosts: new Set(),
        errors: []
    };
    page.on('websocket', (socket) => opened.webSockets.push(socket.url()));
    page.on('request', (request) => opened.requestHosts.add(new URL(request.url()).host));
    page.on('pageerror', (error) => opened.errors.push(error.message));
    page.on('console', (message) => {
        if (message.type() === 'error') {
            opened.errors.push(message.text());
        }
    });
    await page.goto(`${harness.hostUrl}?${new URLSearchParams(params).toString()}`);
    return opened;
}

/** Polls `done` every 20 ms; fails with `what` after `timeoutMs`. */
export async function waitUntil(
    done: () => boolean,
    timeoutMs: number,
    what: string
): Promise<void> {
    for (const start = Date.now(); !done();) {
        if (Date.now() - start > timeoutMs) {
            throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}.`);
        }
        await new Promise((resolve) => setTimeout(resolve, 20));
    }
}

/**
 * The container's frame, once the host page has navigated it to the container's origin. The wait
 * ends well before jest's 30 s test timeout, so the failure reported is this one, which says what
 * the host page showed instead (a 404 from the harness, the form asking for a session, ...).
 */
export async function containerFrame(
    page: Page,
    harness: Harness,
    timeoutMs = 20000
): Promise<Frame> {
    const origin = new URL(harness.containerUrl).origin;
    const find = (): Frame | undefined =>
        page.frames().find((candidate) => candidate.url().startsWith(origin));
    for (const started = Date.now(); find() === undefined;) {
        if (Date.now() - started > timeoutMs) {
            throw new Error(
                `Timed out after ${timeoutMs} ms waiting for the host page to load the container frame from ${origin}. ` +
                    `The host page showed: ${await hostSummary(page)}`
            );
        }
        await page
            .waitForEvent('framenavigated', { timeout: Math.min(1000, timeoutMs) })
            .catch(() => undefined);
    }
    return find() as Frame;
}

/** What the host page shows, for a failure message: its frames, notices and body text. */
async function hostSummary(page: Page): Promise<string> {
    const frames = page.frames().map((frame) => frame.url() || '(no url)');
    const text = await page
        .evaluate(() => {
            // Runs in the page; the scripts' TypeScript has no DOM types.
            const body = (globalThis as { document?: { body?: { innerText: string } } }).document
                ?.body;
            return body?.innerText.slice(0, 400) ?? '(no body)';
        })
        .catch((error: unknown) => `(unreadable: ${String(error)})`);
    return JSON.stringify({ frames, text });
}

/** The container frame's milestones (ms since the frame started loading). */
export function readProbe(frame: Frame): Promise<LoadProbe> {
    return frame.evaluate(() => {
        const probe = (globalThis as HarnessGlobals).__loadProbe;
        if (!probe) {
            throw new Error('The LCC stand-in (and its load probe) is not in the container page.');
        }
        return probe;
    });
}

/** Waits for a milestone and returns the probe. */
export async function waitForMilestone(
    frame: Frame,
    milestone: Milestone,
    timeoutMs: number
): Promise<LoadProbe> {
    await frame.waitForFunction(
        (name) => (globalThis as HarnessGlobals).__loadProbe?.marks[name] !== undefined,
        milestone,
        { timeout: timeoutMs, polling: 10 }
    );
    return readProbe(frame);
}

/** The host page's record of the protocol (`window.lccHost`). */
export function hostState(page: Page): Promise<HostRecord> {
    return page.evaluate(() => {
        const host = (globalThis as HarnessGlobals).lccHost;
        if (!host) {
            throw new Error('The host page did not start.');
        }
        const { log, unread, openedRecords, errors, channelsOpened, panelOpen } = host;
        return { log, unread, openedRecords, errors, channelsOpened, panelOpen };
    });
}
