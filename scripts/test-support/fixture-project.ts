import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { apexClassMeta } from '../project/apex-class-meta';

export const API_VERSION = '65.0';

export const classMeta = (apiVersion = API_VERSION): string => apexClassMeta(apiVersion);

export const CLASSES = 'force-app/main/default/classes';

/** A minimal valid project: one Apex class with its meta file. */
export const BASE_FILES: Record<string, string> = {
    [`${CLASSES}/Hello.cls`]: 'public with sharing class Hello {\n}\n',
    [`${CLASSES}/Hello.cls-meta.xml`]: classMeta()
};

/**
 * Writes a throwaway SFDX project (sfdx-project.json plus `files`) to a temp folder.
 * `replacements` goes into sfdx-project.json as is.
 */
export function makeProject(files: Record<string, string>, replacements: object[] = []): string {
    const root = mkdtempSync(path.join(os.tmpdir(), 'sendbird-fixture-'));
    const project = {
        packageDirectories: [{ path: 'force-app/main', default: true }],
        sourceApiVersion: API_VERSION,
        replacements
    };
    writeFileSync(path.join(root, 'sfdx-project.json'), JSON.stringify(project));
    for (const [relative, content] of Object.entries(files)) {
        mkdirSync(path.dirname(path.join(root, relative)), { recursive: true });
        writeFileSync(path.join(root, relative), content);
    }
    return root;
}

export function removeProject(root: string): void {
    rmSync(root, { recursive: true, force: true });
}
