import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { RegistryAccess } from '@salesforce/source-deploy-retrieve';
import type { Finding } from '../shared/findings';

const META = '-meta.xml';
const registry = new RegistryAccess();

/** Types whose source is a content file plus a `-meta.xml` beside it (ApexClass, ApexTrigger...). */
function hasMatchingContentFile(suffix: string): boolean {
    return registry.getTypeBySuffix(suffix)?.strategies?.adapter === 'matchingContentFile';
}

function isBundleFile(file: string): boolean {
    return /[\\/](lwc|aura)[\\/][^\\/]+[\\/][^\\/]+$/.test(file);
}

function contentExists(metaFile: string): boolean {
    const content = metaFile.slice(0, -META.length);
    if (content.endsWith('.resource')) {
        // A static resource is either one file or a folder of files named after it.
        const folder = content.slice(0, -'.resource'.length);
        return existsSync(content) || (existsSync(folder) && statSync(folder).isDirectory());
    }
    return existsSync(content);
}

function needsContent(metaFile: string): boolean {
    const suffix = path.extname(metaFile.slice(0, -META.length)).slice(1);
    return suffix === 'resource' || hasMatchingContentFile(suffix) || isBundleFile(metaFile);
}

function needsMeta(file: string): boolean {
    const suffix = path.extname(file).slice(1);
    return suffix === 'resource' || hasMatchingContentFile(suffix);
}

/**
 * Source files without their `-meta.xml`, and `-meta.xml` files without their source. SDR
 * silently drops the first kind (a class that never deploys) and fails late on the second.
 */
export function unpairedFiles(files: string[]): Finding[] {
    const present = new Set(files);
    const findings: Finding[] = [];
    for (const file of files) {
        if (file.endsWith(META)) {
            if (needsContent(file) && !contentExists(file)) {
                // The chat bundle is a built static resource: missing means "not built yet".
                const hint = file.endsWith('.resource-meta.xml')
                    ? '; run `npm run build` first'
                    : '';
                findings.push({
                    file,
                    message: `metadata file has no source file beside it${hint}`
                });
            }
        } else if (needsMeta(file) && !present.has(file + META)) {
            findings.push({ file, message: `source file has no ${path.basename(file)}${META}` });
        }
    }
    return findings;
}
