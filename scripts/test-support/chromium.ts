import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/**
 * Flags for Debian's chromium on a machine with no outside network: without the
 * background-networking ones it keeps trying to reach Google's hosts.
 */
export const CHROMIUM_ARGS = [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run'
];

/** Debian's chromium (or CHROMIUM_PATH); a clear error, never a skip, when it is missing. */
export function chromiumPath(): string {
    const executable = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
    if (!existsSync(executable)) {
        throw new Error(
            `Chromium was not found at ${executable}. The browser tests need it: on Debian/Ubuntu ` +
                '"sudo apt-get install -y chromium", or set CHROMIUM_PATH to a Chromium or Chrome binary. ' +
                '.ci/run installs it on CI machines.'
        );
    }
    return executable;
}

/** A headless chromium driven by playwright-core (which downloads no browser of its own). */
export function launchChromium(): Promise<Browser> {
    return chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS, headless: true });
}
