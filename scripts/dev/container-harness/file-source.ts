import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { unzipFiles } from '../../build/container/zip';

/** Files the harness serves, by their path inside the bundle ('index.html', 'app.1234.js'). */
export type FileSource = (name: string) => Buffer | undefined;

/** Files of a folder, read on each request (Parcel rewrites them while `npm start` runs). */
export function folderSource(dir: string): FileSource {
    const root = path.resolve(dir);
    return (name) => {
        const file = path.resolve(root, name);
        if (!file.startsWith(root + path.sep)) {
            return undefined;
        }
        try {
            return readFileSync(file);
        } catch {
            return undefined;
        }
    };
}

/** The files of a folder as they are now, read once: later changes to the folder don't reach it. */
export function snapshotSource(dir: string): FileSource {
    const files = new Map<string, Buffer>();
    for (const name of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
        const file = path.join(dir, name);
        if (statSync(file).isFile()) {
            files.set(name.split(path.sep).join('/'), readFileSync(file));
        }
    }
    return (name) => files.get(name);
}

/** The files inside a zip: the static resource exactly as Salesforce would serve it. */
export async function zipSource(zipPath: string): Promise<FileSource> {
    const files = new Map(
        (await unzipFiles(readFileSync(zipPath))).map((file) => [file.name, file.data])
    );
    return (name) => files.get(name);
}

/** The first source that has the file: for Parcel's development output, where the harness
 *  pages sit in a subfolder and the assets they share with the app at the top. */
export function firstOf(...sources: FileSource[]): FileSource {
    return (name) => {
        for (const source of sources) {
            const data = source(name);
            if (data) {
                return data;
            }
        }
        return undefined;
    };
}
