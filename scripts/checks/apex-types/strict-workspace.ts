import {
    cpSync,
    existsSync,
    mkdirSync,
    mkdtempSync,
    readFileSync,
    rmSync,
    writeFileSync
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { apexClassMeta } from '../../lib/apex-class-meta';
import { listApexFiles, listFiles, type SfdxProject } from '../../lib/project';
import { soqlFieldRefs, type SoqlFieldRef } from './soql-field-refs';

/** A SOQL field reference, located in its original Apex file. */
export interface LocatedSoqlRef extends SoqlFieldRef {
    file: string;
}

/**
 * A copy of the workspace that apex-ls checks strictly:
 * - apex-ls accepts any field on a standard object that the workspace extends with custom fields
 *   (e.g. Case with Sendbird_Channel_URL__c), so the copy drops those extensions and the gate
 *   forgives unknown-field messages only for the fields they declared;
 * - apex-ls does not check SOQL field lists, so the copy adds a class that references every
 *   field read by inline SOQL as `Schema.<Object>.<Field>`, one per line.
 */
export interface StrictWorkspace {
    dir: string;
    /** Lower-case `object.field` names declared by the dropped extensions. */
    declaredFields: Set<string>;
    syntheticFile: string;
    /** The SOQL reference written on each line (1-based) of the synthetic class. */
    refsByLine: Map<number, LocatedSoqlRef>;
    toOriginal(file: string): string;
    remove(): void;
}

const SYNTHETIC_CLASS = 'StrictSoqlFieldReferences';

/** Standard objects have no `__` suffix (custom ones end in __c, __mdt, __e, __kav...). */
function isStandardObject(name: string): boolean {
    return !name.includes('__');
}

/** Removes the standard-object folders (e.g. objects/Case/fields/...) and records their fields. */
function dropStandardObjectExtensions(packageDir: string, declaredFields: Set<string>): void {
    const objectDirs = new Set<string>();
    for (const file of listFiles(packageDir)) {
        const match = /^(.*[\\/]objects[\\/])([^\\/]+)[\\/]/.exec(file);
        if (!match || !isStandardObject(match[2])) continue;
        objectDirs.add(match[1] + match[2]);
        if (file.endsWith('.field-meta.xml')) {
            declaredFields.add(
                `${match[2]}.${path.basename(file, '.field-meta.xml')}`.toLowerCase()
            );
        }
    }
    objectDirs.forEach((dir) => rmSync(dir, { recursive: true, force: true }));
}

function writeSyntheticClass(
    dir: string,
    apiVersion: string,
    refs: LocatedSoqlRef[]
): { file: string; refsByLine: Map<number, LocatedSoqlRef> } {
    const refsByLine = new Map<number, LocatedSoqlRef>();
    const lines = [`public class ${SYNTHETIC_CLASS} {`, '    static void references() {'];
    refs.forEach((ref, index) => {
        lines.push(`        Object r${index} = Schema.${ref.objectName}.${ref.fieldName};`);
        refsByLine.set(lines.length, ref);
    });
    lines.push('    }', '}', '');
    mkdirSync(dir, { recursive: true });
    const file = path.join(dir, `${SYNTHETIC_CLASS}.cls`);
    writeFileSync(file, lines.join('\n'));
    writeFileSync(`${file}-meta.xml`, apexClassMeta(apiVersion));
    return { file, refsByLine };
}

export function createStrictWorkspace(project: SfdxProject): StrictWorkspace {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'sendbird-apex-strict-'));
    const toCopy = (original: string) => path.join(dir, path.relative(project.root, original));
    for (const file of ['sfdx-project.json', '.forceignore']) {
        if (existsSync(path.join(project.root, file))) {
            cpSync(path.join(project.root, file), path.join(dir, file));
        }
    }
    const declaredFields = new Set<string>();
    for (const packageDir of project.packageDirectories) {
        cpSync(packageDir, toCopy(packageDir), { recursive: true });
        dropStandardObjectExtensions(toCopy(packageDir), declaredFields);
    }
    const refs = listApexFiles(project).flatMap((file) =>
        soqlFieldRefs(file, readFileSync(file, 'utf8')).map((ref) => ({ ...ref, file }))
    );
    const { file, refsByLine } = writeSyntheticClass(
        path.join(toCopy(project.packageDirectories[0]), 'strict-soql-check', 'classes'),
        project.sourceApiVersion,
        refs
    );
    return {
        dir,
        declaredFields,
        syntheticFile: file,
        refsByLine,
        toOriginal: (copied) => path.join(project.root, path.relative(dir, copied)),
        remove: () => rmSync(dir, { recursive: true, force: true })
    };
}
