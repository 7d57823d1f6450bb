import { readFileSync } from 'node:fs';
import path from 'node:path';
import { listFiles } from '../../project/project';

/** One file of the container bundle: its path inside the zip (forward slashes) and its bytes. */
export interface BundleFile {
    name: string;
    data: Buffer;
}

/** Every file below `dir`, named relative to it, in a stable order. */
export function readBundle(dir: string): BundleFile[] {
    return listFiles(dir).map((file) => ({
        name: path.relative(dir, file).split(path.sep).join('/'),
        data: readFileSync(file)
    }));
}
