import { fromBuffer, type Entry } from 'yauzl';
import { ZipFile } from 'yazl';
import type { BundleFile } from './files';

/** A reproducible zip: same files, same bytes (sorted names, fixed dates and modes). */
export async function zipFiles(files: BundleFile[]): Promise<Buffer> {
    // DOS timestamps hold local time, so a fixed *local* date, made in the current time zone and
    // with no UTC extra field, gives the same bytes in every time zone.
    const fixedDate = new Date(2000, 0, 1, 0, 0, 0);
    const zip = new ZipFile();
    for (const file of [...files].sort((a, b) => (a.name < b.name ? -1 : 1))) {
        zip.addBuffer(file.data, file.name, {
            mtime: fixedDate,
            mode: 0o100644,
            compressionLevel: 9,
            forceDosTimestamp: true
        });
    }
    zip.end();
    const chunks: Buffer[] = [];
    for await (const chunk of zip.outputStream) {
        chunks.push(chunk as Buffer);
    }
    return Buffer.concat(chunks);
}

/** The files of a zip, in the zip's order (directories skipped). */
export function unzipFiles(zip: Buffer): Promise<BundleFile[]> {
    return new Promise((resolve, reject) => {
        fromBuffer(zip, { lazyEntries: true }, (error, archive) => {
            if (error) {
                reject(error);
                return;
            }
            const files: BundleFile[] = [];
            archive.on('error', reject);
            archive.on('end', () => resolve(files));
            archive.on('entry', (entry: Entry) => {
                if (entry.fileName.endsWith('/')) {
                    archive.readEntry();
                    return;
                }
                archive.openReadStream(entry, async (streamError, stream) => {
                    if (streamError) {
                        reject(streamError);
                        return;
                    }
                    const chunks: Buffer[] = [];
                    for await (const chunk of stream) {
                        chunks.push(chunk as Buffer);
                    }
                    files.push({ name: entry.fileName, data: Buffer.concat(chunks) });
                    archive.readEntry();
                });
            });
            archive.readEntry();
        });
    });
}
