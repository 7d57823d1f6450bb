import { readFileSync } from 'node:fs';
import type { Finding } from '../shared/findings';

const API_VERSION = /<apiVersion>\s*([\d.]+)\s*<\/apiVersion>/;

/**
 * A component newer than the project's sourceApiVersion fails the offline type check (apex-ls
 * knows the platform up to that version) and may not deploy to orgs on the previous release.
 */
export function apiVersionsAbove(sourceApiVersion: string, files: string[]): Finding[] {
    const limit = Number(sourceApiVersion);
    return files
        .filter((file) => file.endsWith('-meta.xml'))
        .flatMap((file) => {
            const lines = readFileSync(file, 'utf8').split('\n');
            const index = lines.findIndex((line) => API_VERSION.test(line));
            const version = index >= 0 ? Number(API_VERSION.exec(lines[index])?.[1]) : undefined;
            return version !== undefined && version > limit
                ? [
                      {
                          file,
                          line: index + 1,
                          message: `apiVersion ${version} is above sourceApiVersion ${sourceApiVersion}`
                      }
                  ]
                : [];
        });
}
