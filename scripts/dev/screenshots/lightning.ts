import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { LIGHTNING_SHOTS, SLDS_CSS, pageHtml, withCssVarFallbacks } from './page';

const ORIGIN = 'http://lightning.screenshots.invalid';
const SLDS_PACKAGE = path.join('node_modules', '@salesforce-ux', 'design-system');
const JEST_CONFIG = path.join('force-app', 'test', 'screenshots', 'jest.config.js');

const TYPES: Record<string, string> = {
    '.css': 'text/css',
    '.svg': 'image/svg+xml',
    '.png': 'image/png'
};

/** Runs force-app/test/screenshots' jest files, which write each component's flattened DOM. */
function renderFragments(root: string, dir: string): Promise<void> {
    const jest = path.join(root, 'node_modules', 'jest', 'bin', 'jest.js');
    return new Promise((resolve, reject) => {
        const child = spawn(process.execPath, [jest, '--config', JEST_CONFIG, '--silent'], {
            cwd: root,
            env: { ...process.env, SENDBIRD_SHOTS_DIR: dir },
            stdio: 'inherit'
        });
        child.on('error', reject);
        child.on('exit', (code) =>
            code === 0
                ? resolve()
                : reject(new Error(`the jest-DOM rendering (${JEST_CONFIG}) exited with ${code}`))
        );
    });
}

/**
 * The Case panel, the setup assistant and the failure console, each rendered from its jest DOM
 * (force-app/test/screenshots) into a page with the Lightning Design System CSS and pictured in
 * chromium. Writes <out>/<name>.png and returns the files written.
 */
export async function shootLightning(
    root: string,
    browser: Browser,
    out: string
): Promise<string[]> {
    const fragments = path.join(root, 'dist', 'screenshots', 'html');
    // A fragment left by an earlier run is never pictured in place of a missing one.
    rmSync(fragments, { recursive: true, force: true });
    await renderFragments(root, fragments);
    const absent = LIGHTNING_SHOTS.filter(
        (shot) => !existsSync(path.join(fragments, `${shot.name}.html`))
    );
    if (absent.length > 0) {
        throw new Error(
            `the jest-DOM rendering wrote no fragment for ${absent.map((shot) => shot.name).join(', ')}`
        );
    }
    const sldsRoot = path.join(root, SLDS_PACKAGE);
    const sldsVersion = (
        JSON.parse(readFileSync(path.join(sldsRoot, 'package.json'), 'utf8')) as {
            version: string;
        }
    ).version;
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    await context.route(`${ORIGIN}/**`, async (route) => {
        const { pathname } = new URL(route.request().url());
        const shot = LIGHTNING_SHOTS.find((candidate) => pathname === `/${candidate.name}.html`);
        if (shot) {
            const fragment = readFileSync(path.join(fragments, `${shot.name}.html`), 'utf8');
            await route.fulfill({
                contentType: 'text/html',
                body: pageHtml(shot, fragment, sldsVersion)
            });
            return;
        }
        const file = path.join(sldsRoot, path.normalize(pathname.replace(/^\/slds\//, '')));
        if (!pathname.startsWith('/slds/') || !file.startsWith(sldsRoot)) {
            await route.fulfill({ status: 404, body: `not served: ${pathname}` });
            return;
        }
        try {
            const body = readFileSync(file);
            await route.fulfill({
                contentType: TYPES[path.extname(file)] ?? 'application/octet-stream',
                body: pathname === SLDS_CSS ? withCssVarFallbacks(body.toString('utf8')) : body
            });
        } catch {
            await route.fulfill({ status: 404, body: `missing: ${pathname}` });
        }
    });
    const written: string[] = [];
    try {
        const page = await context.newPage();
        const missing: string[] = [];
        page.on('response', (response) => {
            if (response.status() >= 400) {
                missing.push(response.url());
            }
        });
        mkdirSync(out, { recursive: true });
        for (const shot of LIGHTNING_SHOTS) {
            await page.goto(`${ORIGIN}/${shot.name}.html`, { waitUntil: 'networkidle' });
            if (missing.length > 0) {
                throw new Error(`${shot.name}: the page could not load ${missing.join(', ')}`);
            }
            const file = path.join(out, `${shot.name}.png`);
            writeFileSync(file, await page.locator('.shot').screenshot());
            written.push(file);
        }
    } finally {
        await context.close();
    }
    return written;
}
