import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** Each input file of a build (relative to the project root) and the SHA-256 of its content. */
type BuildStamp = Record<string, string>;

function sha256(file: string): string | undefined {
    return existsSync(file)
        ? createHash('sha256').update(readFileSync(file)).digest('hex')
        : undefined;
}

/**
 * Records what a build was made from: the project files Parcel read (the lockfile stands for
 * node_modules) and the extras given, such as the build script. Written after a build, so that a
 * later step can reuse the output while none of them has changed.
 */
export function writeBuildStamp(root: string, stampFile: string, inputs: Iterable<string>): void {
    const stamp: BuildStamp = {};
    for (const input of inputs) {
        const relative = path.relative(root, path.resolve(root, input));
        if (relative.startsWith('..') || relative.split(path.sep).includes('node_modules'))
            continue;
        stamp[relative] = sha256(path.join(root, relative)) ?? '';
    }
    writeFileSync(path.join(root, stampFile), `${JSON.stringify(stamp, null, 2)}\n`);
}

/**
 * True when the stamp exists, the output exists, and every input still has the content it was
 * built from. A new import can only come from an edit to a recorded file, so nothing is missed.
 */
export function isBuildCurrent(root: string, stampFile: string, outputDir: string): boolean {
    const stampPath = path.join(root, stampFile);
    if (!existsSync(stampPath) || !existsSync(path.join(root, outputDir))) return false;
    let stamp: BuildStamp;
    try {
        stamp = JSON.parse(readFileSync(stampPath, 'utf8')) as BuildStamp;
    } catch {
        return false;
    }
    const entries = Object.entries(stamp);
    return (
        entries.length > 0 &&
        entries.every(([file, hash]) => sha256(path.join(root, file)) === hash)
    );
}
