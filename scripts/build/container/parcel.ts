import path from 'node:path';
import { Parcel } from '@parcel/core';
import { VOICE_SWITCH } from '../parcel/substitutions';

/** Where the container app lives, relative to the project root. */
export const CONTAINER_SRC = 'lwc-container-src';

/**
 * Browsers the bundle targets: modern, but not all of them with `import.meta.resolve` (Safari
 * 15.4 lacks it). Where every target has it, Parcel loads lazy chunks through an inline
 * `<script type=importmap>`, which the container's CSP blocks.
 */
export const CONTAINER_BROWSERS = [
    'chrome >= 100',
    'edge >= 100',
    'firefox >= 100',
    'safari >= 15.4'
];

export interface ContainerParcelOptions {
    /** Entry HTML files, relative to the project root. */
    entries: string[];
    /** Absolute output folder. */
    distDir: string;
    mode: 'production' | 'development';
    /** Development only: the port of Parcel's hot-reload WebSocket. */
    hmrPort?: number;
    /** Prints Parcel's progress and errors (development). */
    report?: boolean;
}

/** Whether the build bundles UIKit's voice messages: `on` only when the environment says so. */
export function voiceMessagesSetting(): 'on' | 'off' {
    return process.env[VOICE_SWITCH] === 'on' ? 'on' : 'off';
}

type ParcelOptions = ConstructorParameters<typeof Parcel>[0];

/** One Parcel set-up for the resource build, the dev loop and the test harness. */
export function containerParcel(root: string, options: ContainerParcelOptions): Parcel {
    const production = options.mode === 'production';
    const parcelOptions: ParcelOptions = {
        entries: options.entries.map((entry) => path.join(root, entry)),
        config: path.join(root, CONTAINER_SRC, '.parcelrc'),
        mode: options.mode,
        env: {
            NODE_ENV: options.mode,
            [VOICE_SWITCH]: voiceMessagesSetting()
        },
        cacheDir: path.join(root, '.parcel-cache'),
        shouldAutoInstall: false,
        shouldContentHash: production,
        hmrOptions: options.hmrPort ? { port: options.hmrPort } : null,
        // An explicit browser target: the root package.json's `engines.node` would otherwise
        // make Parcel treat the app as a Node program and leave node_modules out.
        defaultTargetOptions: {
            shouldOptimize: production,
            shouldScopeHoist: production,
            sourceMaps: !production
        },
        targets: {
            container: {
                context: 'browser',
                distDir: options.distDir,
                publicUrl: './',
                includeNodeModules: true,
                outputFormat: 'esmodule',
                engines: { browsers: CONTAINER_BROWSERS }
            }
        },
        additionalReporters: options.report
            ? [{ packageName: '@parcel/reporter-cli', resolveFrom: __filename }]
            : []
    };
    return new Parcel(parcelOptions);
}

/** Parcel's diagnostics as text: its errors carry them apart from the message. */
export function describeParcelError(error: unknown): string {
    const diagnostics = (error as { diagnostics?: { message: string; origin?: string }[] })
        .diagnostics;
    if (Array.isArray(diagnostics) && diagnostics.length > 0) {
        return diagnostics
            .map((diagnostic) => `${diagnostic.origin ?? 'parcel'}: ${diagnostic.message}`)
            .join('\n');
    }
    return error instanceof Error ? error.message : String(error);
}
