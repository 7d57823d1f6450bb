import { rmSync } from 'node:fs';
import path from 'node:path';
import { containerParcel, CONTAINER_SRC, describeParcelError } from '../../build/container/parcel';
import { folderSource, type FileSource } from './file-source';

/** The harness pages, built for the browser tests, the bench and the screenshot. */
export const HARNESS_DIST = path.join('dist', 'container-harness');

/** The harness's entries: the host page, and the LCC stand-in the server injects. */
export const HARNESS_ENTRIES = [
    path.join(CONTAINER_SRC, 'harness', 'host.html'),
    path.join(CONTAINER_SRC, 'harness', 'lcc-stand-in.ts')
];

/** Builds the harness (not the app: that comes from the static resource) and serves its files. */
export async function buildHarness(root: string): Promise<FileSource> {
    const distDir = path.join(root, HARNESS_DIST);
    rmSync(distDir, { recursive: true, force: true });
    try {
        await containerParcel(root, {
            entries: HARNESS_ENTRIES,
            distDir,
            mode: 'production'
        }).run();
    } catch (error) {
        throw new Error(`Parcel could not build the harness:\n${describeParcelError(error)}`);
    }
    return folderSource(distDir);
}
