import path from 'node:path';
import { ComponentSet } from '@salesforce/source-deploy-retrieve';
import type { SfdxProject } from '../project/project';

/** One metadata component, as package.xml names it. */
export interface ProjectComponent {
    type: string;
    fullName: string;
}

/** The components of one package directory (path relative to the project, with `/`). */
export interface PackageDirectoryComponents {
    dir: string;
    components: ProjectComponent[];
}

/** `ApexClass:Foo`, the form `sf project deploy start --metadata` and the plan's texts use. */
export const componentKey = (component: ProjectComponent): string =>
    `${component.type}:${component.fullName}`;

/** The components of each package directory, resolved from source by SDR, sorted. */
export function listComponents(project: SfdxProject): PackageDirectoryComponents[] {
    return project.packageDirectories.map((dir) => {
        const set = ComponentSet.fromSource({ fsPaths: [dir] });
        const components = set
            .getSourceComponents()
            .toArray()
            .map((component) => ({ type: component.type.name, fullName: component.fullName }))
            .sort((a, b) => componentKey(a).localeCompare(componentKey(b)));
        return { dir: path.relative(project.root, dir).split(path.sep).join('/'), components };
    });
}
