import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import {
    bundleInputs,
    forgetBuildStamp,
    isBuildCurrent,
    writeBuildStamp,
    type BuildSettings
} from './build-stamp';
import { bundleProblems, sizeProblem } from './container/checks';
import { readBundle, type BundleFile } from './container/files';
import {
    containerParcel,
    CONTAINER_SRC,
    describeParcelError,
    voiceMessagesSetting
} from './container/parcel';
import { VOICE_SWITCH } from './parcel/substitutions';
import { purgeUnusedUikitRules } from './container/purge-css';
import { formatSizes, measureFiles, type FileSize } from './container/sizes';
import { zipFiles } from './container/zip';

/** The static resource lightning:container serves as `$Resource.sendbird_bar`. */
export const CONTAINER_RESOURCE = path.join(
    'force-app',
    'main',
    'agent-chat',
    'staticresources',
    'sendbird_bar.resource'
);
/** Parcel's production output, zipped into the resource. */
export const CONTAINER_DIST = path.join('dist', 'container');

/** What the resource was built from; kept beside Parcel's output, never in the resource. */
const CONTAINER_STAMP = path.join('dist', 'container.inputs.json');

/**
 * Inputs Parcel does not list as assets: this build's scripts, the Parcel plugins `.parcelrc`
 * names, the app's configs, and the dependencies (the lockfile stands for node_modules).
 */
function buildExtras(root: string): string[] {
    const scriptDirs = [
        path.join('scripts', 'build', 'container'),
        path.join('scripts', 'build', 'parcel')
    ];
    const scripts = scriptDirs.flatMap((dir) =>
        readdirSync(path.join(root, dir))
            .filter((name) => name.endsWith('.ts'))
            .map((name) => path.join(dir, name))
    );
    return [
        path.join('scripts', 'build', 'container.ts'),
        ...scripts,
        path.join(CONTAINER_SRC, '.parcelrc'),
        path.join(CONTAINER_SRC, 'tsconfig.json'),
        'package.json',
        'package-lock.json'
    ];
}

/** The switch that changes the bundle without changing a file. */
function buildSettings(): BuildSettings {
    return { [VOICE_SWITCH]: voiceMessagesSetting() };
}

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
    forgetBuildStamp(root, CONTAINER_STAMP);
    rmSync(distDir, { recursive: true, force: true });
    let inputs: Set<string>;
    try {
        const { bundleGraph } = await containerParcel(root, {
            entries: [path.join(CONTAINER_SRC, 'index.html')],
            distDir,
            mode: 'production'
        }).run();
        inputs = bundleInputs(bundleGraph.getBundles(), buildExtras(root));
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
    writeBuildStamp(root, CONTAINER_STAMP, inputs, buildSettings());
    const sizes = measureFiles(files);
    console.log(`✔ Container app in ${CONTAINER_RESOURCE}`);
    formatSizes(zip.length, sizes).forEach((line) => console.log(`  ${line}`));
    return { files, sizes, zipBytes: zip.length };
}

/**
 * The resource as `npm test` needs it: reused when `npm run build` (or an earlier test run) built
 * it from exactly the current inputs and settings, built otherwise. Undefined when reused.
 */
export async function ensureContainer(root: string): Promise<ContainerBuild | undefined> {
    if (isBuildCurrent(root, CONTAINER_STAMP, CONTAINER_RESOURCE, buildSettings())) {
        return undefined;
    }
    return buildContainer(root);
}
