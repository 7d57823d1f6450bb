import path from 'node:path';

/** A cache folder for a tool under node_modules/.cache, so that `npm ci` starts it afresh. */
export function toolCacheDir(name: string): string {
    return path.resolve(__dirname, '..', '..', '..', 'node_modules', '.cache', name);
}
