import { gzipSync } from 'node:zlib';
import type { BundleFile } from './files';

export interface FileSize {
    name: string;
    raw: number;
    gzip: number;
}

/** Raw and gzip -9 size of each file, largest first. */
export function measureFiles(files: BundleFile[]): FileSize[] {
    return files
        .map((file) => ({
            name: file.name,
            raw: file.data.length,
            gzip: gzipSync(file.data, { level: 9 }).length
        }))
        .sort((a, b) => b.raw - a.raw || (a.name < b.name ? -1 : 1));
}

/** KB with one decimal (1 KB = 1000 bytes, as the size targets are stated). */
export function kb(bytes: number): string {
    return `${(bytes / 1000).toFixed(1)} KB`;
}

/** The size report printed by every build and by the bench. */
export function formatSizes(zipBytes: number, sizes: FileSize[]): string[] {
    const width = Math.max(...sizes.map((size) => size.name.length), 'file'.length);
    return [
        `zip: ${kb(zipBytes)} (${zipBytes} bytes; target ≤ 400 KB, stretch 380 KB, limit 5 MB)`,
        `  ${'file'.padEnd(width)}  ${'raw'.padStart(10)}  ${'gzip'.padStart(10)}`,
        ...sizes.map(
            (size) =>
                `  ${size.name.padEnd(width)}  ${kb(size.raw).padStart(10)}  ${kb(size.gzip).padStart(10)}`
        )
    ];
}
