import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { bundleProblems, sizeProblem } from './container/checks';
import { readBundle, type BundleFile } from './container/files';
import { containerParcel, CONTAINER_SRC, describeParcelError } from './container/parcel';
import { purgeUnusedUikitRules } from './container/purge-css';
import { formatSizes, measureFiles, type FileSize } from './container/sizes';
import { zipFiles } from './container/zip';

/** The static resource lightning:container serves as `$Resource.sendbird_bar`. */
export const CONTAINER_RESOURCE = path.join(
    'force-app',
    'main',
    'default',
    'staticresources',
    'sendbird_bar.resource'
);
/** Parcel's production output, zipped into the resource. */
export const CONTAINER_DIST = path.join('dist', 'container');

export interface ContainerBuild {
    files: BundleFile[];
    sizes: FileSize[];
    zipBytes: number;
}

/** The bundle with UIKit's never-used CSS rules removed, also in Parcel's output folder. */
function purgeStyles(distDir: string, files: BundleFile[]): BundleFile[] {
    const scripts = files.filter((file) => file.name.endsWith('.js'));
    return files.map((file) => {
        if (!file.name.endsWith('.css')) {
            return file;
        }
        const { css, removedRules } = purgeUnusedUikitRules(
            file.data.toString('utf8'),
            scripts.map((script) => script.data.toString('utf8'))
        );
        console.log(
            `  ${file.name}: removed ${removedRules} UIKit rules no bundled script can use`
        );
        const data = Buffer.from(css);
        writeFileSync(path.join(distDir, file.name), data);
        return { name: file.name, data };
    });
}

/**
 * Builds the container app into the static resource: Parcel (production, relative paths, no
 * source maps), the lightning:container checks, then a reproducible zip. Prints the sizes.
 */
export async function buildContainer(root: string): Promise<ContainerBuild> {
    const distDir = path.join(root, CONTAINER_DIST);
    rmSync(distDir, { recursive: true, force: true });
    try {
        await containerParcel(root, {
            entries: [path.join(CONTAINER_SRC, 'index.html')],
            distDir,
            mode: 'production'
        }).run();
    } catch (error) {
        throw new Error(`Parcel could not build the container app:\n${describeParcelError(error)}`);
    }
    const files = purgeStyles(distDir, readBundle(distDir));
    const zip = await zipFiles(files);
    const problems = [...bundleProblems(files), sizeProblem(zip.length)].filter(
        (problem): problem is string => problem !== null
    );
    if (problems.length > 0) {
        throw new Error(
            `the container bundle cannot run in lightning:container:\n  ${problems.join('\n  ')}`
        );
    }
    const resource = path.join(root, CONTAINER_RESOURCE);
    mkdirSync(path.dirname(resource), { recursive: true });
    writeFileSync(resource, zip);
    const sizes = measureFiles(files);
    console.log(`✔ Container app in ${CONTAINER_RESOURCE}`);
    formatSizes(zip.length, sizes).forEach((line) => console.log(`  ${line}`));
    return { files, sizes, zipBytes: zip.length };
}
