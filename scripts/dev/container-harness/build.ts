import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { containerParcel, CONTAINER_SRC, describeParcelError } from '../../build/container/parcel';
import { snapshotSource, type FileSource } from './file-source';

/** The harness's entries: the host page, and the LCC stand-in the server injects. */
export const HARNESS_ENTRIES = [
    path.join(CONTAINER_SRC, 'harness', 'host.html'),
    path.join(CONTAINER_SRC, 'harness', 'lcc-stand-in.ts')
];

/**
 * Builds the harness pages (not the app: that comes from the static resource) for the browser
 * tests, the bench and the screenshot, and serves them from memory. Each build gets a folder of
 * its own: browser suites run in parallel jest workers, and when they shared one, a suite starting
 * up deleted the files another was serving (its host page answered 404 mid-test on CI).
 */
export async function buildHarness(root: string): Promise<FileSource> {
    const distDir = mkdtempSync(path.join(tmpdir(), 'sendbird-harness-'));
    try {
        await containerParcel(root, { entries: HARNESS_ENTRIES, distDir, mode: 'production' })
            .run()
            .catch((error: unknown) => {
                throw new Error(
                    `Parcel could not build the harness:\n${describeParcelError(error)}`
                );
            });
        return snapshotSource(distDir);
    } finally {
        rmSync(distDir, { recursive: true, force: true });
    }
}
