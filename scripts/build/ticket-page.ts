import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { Parcel } from '@parcel/core';
import { bundleInputs, forgetBuildStamp, isBuildCurrent, writeBuildStamp } from './build-stamp';

/** Where the customer page is built; the ticket server serves this folder. */
export const TICKET_PAGE_DIR = path.join('dist', 'ticket-page');

/** What the page was built from; kept beside the served folder, never in it. */
const TICKET_PAGE_STAMP = path.join('dist', 'ticket-page.inputs.json');

/** Inputs Parcel does not list as assets: this script, the configs it reads, the dependencies. */
const BUILD_EXTRAS = [
    path.join('scripts', 'build', 'ticket-page.ts'),
    path.join('ticket-server', 'page', 'tsconfig.json'),
    'package.json',
    'package-lock.json'
];

/**
 * Browsers the page supports. Parcel loads lazy bundles (UIKit's voice-message encoder) through
 * an inline import map when every target supports import maps; the page's Content-Security-Policy
 * (`script-src 'self'`) blocks inline scripts, so the list keeps browsers without import maps
 * (Chrome < 89), and Parcel uses its own loader instead.
 */
const BROWSERS = ['Chrome >= 80', 'Edge >= 80', 'Firefox >= 78', 'Safari >= 14'];

/** UIKit's CSS imports Google Fonts; the page's CSP blocks remote styles, so drop the import. */
const REMOTE_CSS_IMPORT = /@import\s+(url\()?["']?https?:[^;]*;/g;

export interface TicketPageBuild {
    files: number;
    bytes: number;
    /** What a browser downloads, all bundles brotli-compressed. */
    brotliBytes: number;
}

/** Builds the ticket server's customer page with Parcel: HTML, hashed JS and CSS, relative URLs. */
export async function buildTicketPage(root: string): Promise<TicketPageBuild> {
    const distDir = path.join(root, TICKET_PAGE_DIR);
    forgetBuildStamp(root, TICKET_PAGE_STAMP);
    rmSync(distDir, { recursive: true, force: true });
    const parcel = new Parcel({
        entries: path.join(root, 'ticket-server', 'page', 'index.html'),
        defaultConfig: '@parcel/config-default',
        mode: 'production',
        // The API does not set NODE_ENV as the CLI does; without it React's dev build ships.
        env: { NODE_ENV: 'production' },
        shouldDisableCache: true,
        logLevel: 'warn',
        // An explicit browser target: package.json's engines.node would make Parcel's default
        // target a Node one that leaves React and UIKit out of the bundle.
        targets: {
            page: {
                distDir,
                publicUrl: './',
                context: 'browser',
                includeNodeModules: true,
                outputFormat: 'esmodule',
                sourceMap: false,
                engines: { browsers: BROWSERS }
            }
        }
    });
    const { bundleGraph } = await parcel.run();
    const bundles = bundleGraph.getBundles();
    for (const bundle of bundles.filter((b) => b.type === 'css')) {
        const css = readFileSync(bundle.filePath, 'utf8');
        writeFileSync(bundle.filePath, css.replace(REMOTE_CSS_IMPORT, ''));
    }
    let bytes = 0;
    let brotliBytes = 0;
    for (const { filePath } of bundles) {
        const content = readFileSync(filePath);
        const brotli = brotliCompressSync(content);
        // Served as-is by @fastify/static (preCompressed) to browsers that accept them.
        writeFileSync(`${filePath}.br`, brotli);
        writeFileSync(`${filePath}.gz`, gzipSync(content, { level: 9 }));
        bytes += content.length;
        brotliBytes += brotli.length;
    }
    writeBuildStamp(root, TICKET_PAGE_STAMP, bundleInputs(bundles, BUILD_EXTRAS));
    return { files: bundles.length, bytes, brotliBytes };
}

/**
 * The page as the tests need it: reused when `npm run build` (or an earlier test run) built it
 * from exactly the current inputs, built otherwise. Returns undefined when it was reused.
 */
export async function ensureTicketPage(root: string): Promise<TicketPageBuild | undefined> {
    if (isBuildCurrent(root, TICKET_PAGE_STAMP, TICKET_PAGE_DIR)) return undefined;
    return buildTicketPage(root);
}
