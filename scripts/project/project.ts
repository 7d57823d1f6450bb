import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ForceIgnore } from '@salesforce/source-deploy-retrieve';

/** A `replacements` entry of sfdx-project.json (the fields this project uses). */
export interface Replacement {
    glob?: string;
    filename?: string;
    stringToReplace?: string;
    replaceWithEnv?: string;
}

/** The parts of sfdx-project.json the scripts rely on, with absolute package directories. */
export interface SfdxProject {
    root: string;
    sourceApiVersion: string;
    /**
     * Every directory of the project's metadata: sfdx-project.json's package directories, then
     * its optional ones. Every gate reads all of them.
     */
    packageDirectories: string[];
    /**
     * sfdx-project.json's own package directories: what a plain `sf project deploy start`
     * deploys. They hold only what every org can take (the core).
     */
    defaultDirectories: string[];
    replacements: Replacement[];
}

/** Where sfdx-project.json lists the directories that `npm run deploy` adds where they fit. */
export const OPTIONAL_DIRECTORIES_KEY = 'plugins.sendbird.optionalPackageDirectories';

interface SfdxProjectJson {
    sourceApiVersion?: string;
    packageDirectories?: { path: string }[];
    plugins?: { sendbird?: { optionalPackageDirectories?: string[] } };
    replacements?: Replacement[];
}

export function readProject(root: string): SfdxProject {
    const json = JSON.parse(
        readFileSync(path.join(root, 'sfdx-project.json'), 'utf8')
    ) as SfdxProjectJson;
    if (!json.sourceApiVersion) {
        throw new Error(
            'sfdx-project.json has no sourceApiVersion; the offline tools need it set.'
        );
    }
    const defaultDirectories = (json.packageDirectories ?? []).map((dir) =>
        path.join(root, dir.path)
    );
    // Optional directories are not package directories, so a plain deploy leaves them out.
    const optional = (json.plugins?.sendbird?.optionalPackageDirectories ?? []).map((dir) =>
        path.join(root, dir)
    );
    return {
        root,
        sourceApiVersion: json.sourceApiVersion,
        packageDirectories: [...new Set([...defaultDirectories, ...optional])],
        defaultDirectories,
        replacements: json.replacements ?? []
    };
}

/** Every file below `dir`, recursively, as absolute paths in a stable order. */
export function listFiles(dir: string): string[] {
    return readdirSync(dir, { withFileTypes: true, recursive: true })
        .filter((entry) => entry.isFile())
        .map((entry) => path.join(entry.parentPath, entry.name))
        .sort();
}

/** The files of all package directories that .forceignore does not exclude: what a deploy sees. */
export function listPackageFiles(project: SfdxProject): string[] {
    const forceIgnore = ForceIgnore.findAndCreate(project.root);
    return project.packageDirectories
        .flatMap(listFiles)
        .filter((file) => forceIgnore.accepts(file));
}

/** Apex classes and triggers of the package directories. */
export function listApexFiles(project: SfdxProject): string[] {
    return listPackageFiles(project).filter((file) => /\.(cls|trigger)$/.test(file));
}
