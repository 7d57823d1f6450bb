import { createHash } from 'node:crypto';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Each input file of a build (relative to the project root) with the SHA-256 of its content, and
 * the settings that change the output without changing a file (such as an environment switch).
 */
interface BuildStamp {
    files: Record<string, string>;
    settings: Record<string, string>;
}

/** Build settings recorded beside the input files: names and values. */
export type BuildSettings = Record<string, string>;

function sha256(file: string): string | undefined {
    return existsSync(file)
        ? createHash('sha256').update(readFileSync(file)).digest('hex')
        : undefined;
}

/** What a build's bundles read, as Parcel reports it (its bundles' `traverseAssets`). */
interface BundleAssets {
    traverseAssets(visit: (asset: { filePath: string }) => void): void;
}

/** The files the bundles were built from, after the extras a build names itself. */
export function bundleInputs(
    bundles: readonly BundleAssets[],
    extras: Iterable<string>
): Set<string> {
    const inputs = new Set(extras);
    bundles.forEach((bundle) => bundle.traverseAssets((asset) => void inputs.add(asset.filePath)));
    return inputs;
}

/** Called before a rebuild: a build that fails halfway must never look current. */
export function forgetBuildStamp(root: string, stampFile: string): void {
    rmSync(path.join(root, stampFile), { force: true });
}

/**
 * Records what a build was made from: the project files Parcel read (the lockfile stands for
 * node_modules) and the extras given, such as the build script. Written after a build, so that a
 * later step can reuse the output while none of them has changed.
 */
export function writeBuildStamp(
    root: string,
    stampFile: string,
    inputs: Iterable<string>,
    settings: BuildSettings = {}
): void {
    const stamp: BuildStamp = { files: {}, settings };
    for (const input of inputs) {
        const relative = path.relative(root, path.resolve(root, input));
        if (relative.startsWith('..') || relative.split(path.sep).includes('node_modules'))
            continue;
        stamp.files[relative] = sha256(path.join(root, relative)) ?? '';
    }
    writeFileSync(path.join(root, stampFile), `${JSON.stringify(stamp, null, 2)}\n`);
}

function readStamp(stampPath: string): BuildStamp | undefined {
    try {
        const stamp = JSON.parse(readFileSync(stampPath, 'utf8')) as Partial<BuildStamp>;
        return stamp.files && stamp.settings ? (stamp as BuildStamp) : undefined;
    } catch {
        return undefined;
    }
}

function sameSettings(recorded: BuildSettings, current: BuildSettings): boolean {
    const names = new Set([...Object.keys(recorded), ...Object.keys(current)]);
    return [...names].every((name) => recorded[name] === current[name]);
}

/**
 * True when the stamp exists, the output (a file or folder) exists, the settings are the same,
 * and every input still has the content it was built from. A new import can only come from an
 * edit to a recorded file, so nothing is missed.
 */
export function isBuildCurrent(
    root: string,
    stampFile: string,
    output: string,
    settings: BuildSettings = {}
): boolean {
    const stampPath = path.join(root, stampFile);
    if (!existsSync(stampPath) || !existsSync(path.join(root, output))) return false;
    const stamp = readStamp(stampPath);
    if (!stamp || !sameSettings(stamp.settings, settings)) return false;
    const files = Object.entries(stamp.files);
    return (
        files.length > 0 && files.every(([file, hash]) => sha256(path.join(root, file)) === hash)
    );
}
