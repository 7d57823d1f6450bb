import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import type { LoadProbe, Milestone } from '../../lwc-container-src/harness/types';
import { CONTAINER_RESOURCE } from '../build/container';
import { formatSizes, measureFiles } from '../build/container/sizes';
import { unzipFiles } from '../build/container/zip';
import { closedPort, silentServer } from '../dev/container-harness/loopback';
import type { Harness } from '../dev/container-harness/server';
import {
    containerFrame,
    openHostPage,
    startResourceHarness,
    sessionOnLoopback,
    waitForMilestone
} from '../dev/container-harness/session';
import { launchChromium } from '../test-support/chromium';

export const title = 'Container app (static resource sendbird_bar): size and cold-load timings';

const ROOT = path.resolve(__dirname, '../..');
const LOADS = 7;

/** Each timing: from the container frame's load event to a milestone, with its target. */
const TIMINGS: { label: string; milestone: Milestone; targetMs: number }[] = [
    { label: 'iframe load → handshake (init received)', milestone: 'init-delivered', targetMs: 30 },
    { label: 'iframe load → UIKit mounted', milestone: 'uikit-mounted', targetMs: 150 },
    { label: 'iframe load → "cannot connect"', milestone: 'cannot-connect', targetMs: 2500 }
];

export async function run(): Promise<void> {
    const zip = readFileSync(path.join(ROOT, CONTAINER_RESOURCE));
    formatSizes(zip.length, measureFiles(await unzipFiles(zip))).forEach((line) =>
        console.log(line)
    );

    const harness = await startResourceHarness(ROOT);
    const browser = await launchChromium();
    try {
        const reachable = await coldLoads(browser, harness, 'uikit-mounted', 'silent');
        const unreachable = await coldLoads(browser, harness, 'cannot-connect', 'closed');
        console.log(
            `\nCold loads: ${LOADS} each, a fresh browser context per load (nothing cached), the ` +
                'resource served from loopback with the LCC stand-in; times in ms from the ' +
                "container frame's load event (and from its navigation start)."
        );
        for (const timing of TIMINGS) {
            const probes = timing.milestone === 'cannot-connect' ? unreachable : reachable;
            const sinceLoad = probes.map((probe) => since(probe, 'frame-load', timing.milestone));
            const sinceStart = probes.map((probe) => probe.marks[timing.milestone] ?? NaN);
            const value = median(sinceLoad);
            console.log(
                `  ${timing.label.padEnd(42)} median ${ms(value).padStart(7)}` +
                    `  (min ${ms(Math.min(...sinceLoad))}, max ${ms(Math.max(...sinceLoad))};` +
                    ` from navigation start ${ms(median(sinceStart))})` +
                    `  target ≤ ${timing.targetMs} ms ${value <= timing.targetMs ? '✔' : '✖'}`
            );
        }
        console.log(
            `  (frame navigation start → load event: median ${ms(median(reachable.map((probe) => probe.marks['frame-load'] ?? NaN)))})`
        );
    } finally {
        await browser.close();
        await harness.close();
    }
}

/**
 * Loads the host page in a fresh context `LOADS` times, with Sendbird's hosts pointing at a
 * loopback port that never answers (UIKit stays mounted, connecting) or that refuses.
 */
async function coldLoads(
    browser: Browser,
    harness: Harness,
    until: Milestone,
    sendbird: 'silent' | 'closed'
): Promise<LoadProbe[]> {
    const silent = sendbird === 'silent' ? await silentServer() : undefined;
    const port = silent?.port ?? (await closedPort());
    const probes: LoadProbe[] = [];
    try {
        for (let load = 0; load < LOADS; load++) {
            const host = await openHostPage(browser, harness, sessionOnLoopback(port));
            try {
                const frame = await containerFrame(host.page, harness);
                probes.push(await waitForMilestone(frame, until, 15000));
            } finally {
                await host.context.close();
            }
        }
    } finally {
        await silent?.close();
    }
    return probes;
}

function since(probe: LoadProbe, from: Milestone, to: Milestone): number {
    return (probe.marks[to] ?? NaN) - (probe.marks[from] ?? NaN);
}

function median(values: number[]): number {
    const sorted = [...values].sort((a, b) => a - b);
    const middle = Math.floor(sorted.length / 2);
    return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

function ms(value: number): string {
    return `${Math.round(value)} ms`;
}
