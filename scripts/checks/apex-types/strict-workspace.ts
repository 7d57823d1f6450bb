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
import { apexClassMeta } from '../../project/apex-class-meta';
import { listApexFiles, listFiles, type SfdxProject } from '../../project/project';
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

/**
 * Copies sfdx-project.json and .forceignore into `dir`, listing every directory of the project
 * (the optional ones too) as a package directory: apex-ls reads the workspace's
 * sfdx-project.json, and the gates check all of the project's Apex.
 */
export function writeWorkspaceProject(project: SfdxProject, dir: string): void {
    const source = path.join(project.root, 'sfdx-project.json');
    const json = JSON.parse(readFileSync(source, 'utf8')) as Record<string, unknown>;
    json.packageDirectories = project.packageDirectories.map((packageDir, index) => ({
        path: path.relative(project.root, packageDir).split(path.sep).join('/'),
        ...(index === 0 ? { default: true } : {})
    }));
    delete json.plugins;
    writeFileSync(path.join(dir, 'sfdx-project.json'), JSON.stringify(json, null, 4));
    const forceIgnore = path.join(project.root, '.forceignore');
    if (existsSync(forceIgnore)) cpSync(forceIgnore, path.join(dir, '.forceignore'));
}

/** A workspace apex-ls can open for the normal pass, and how to name its files in the project. */
export interface FullWorkspace {
    dir: string;
    toOriginal(file: string): string;
    remove(): void;
}

/**
 * The project itself when its sfdx-project.json lists every directory; otherwise a copy whose
 * sfdx-project.json does (the optional directories are not package directories, so that a plain
 * `sf project deploy start` deploys only the core).
 */
export function createFullWorkspace(project: SfdxProject): FullWorkspace {
    if (project.defaultDirectories.length === project.packageDirectories.length) {
        return { dir: project.root, toOriginal: (file) => file, remove: () => undefined };
    }
    const dir = mkdtempSync(path.join(os.tmpdir(), 'sendbird-apex-full-'));
    writeWorkspaceProject(project, dir);
    for (const packageDir of project.packageDirectories) {
        cpSync(packageDir, path.join(dir, path.relative(project.root, packageDir)), {
            recursive: true
        });
    }
    return {
        dir,
        toOriginal: (copied) => path.join(project.root, path.relative(dir, copied)),
        remove: () => rmSync(dir, { recursive: true, force: true })
    };
}

export function createStrictWorkspace(project: SfdxProject): StrictWorkspace {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'sendbird-apex-strict-'));
    const toCopy = (original: string) => path.join(dir, path.relative(project.root, original));
    writeWorkspaceProject(project, dir);
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
