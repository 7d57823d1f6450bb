import { rmSync } from 'node:fs';
import { ComponentSet, MetadataConverter } from '@salesforce/source-deploy-retrieve';
import type { ProjectComponent } from './deploy-components';
import type { SfdxProject } from '../project/project';

/** What went into a deploy package, counted per metadata type. */
export interface DeployPackage {
    outputDir: string;
    componentCount: number;
    countsByType: Record<string, number>;
}

/**
 * Converts the package directories to a Metadata API package (package.xml + folders) in
 * `outputDir`. With `applyReplacements`, the sfdx-project.json replacements are filled from the
 * environment, exactly as `sf project deploy start` would; SDR fails if a variable is unset.
 */
export async function buildDeployPackage(
    project: SfdxProject,
    outputDir: string,
    { applyReplacements, only }: { applyReplacements: boolean; only?: ProjectComponent[] }
): Promise<DeployPackage> {
    // `only` keeps exactly those components (npm run deploy's plan); otherwise all of them.
    const components = ComponentSet.fromSource({
        fsPaths: project.packageDirectories,
        ...(only ? { include: new ComponentSet(only) } : {})
    });
    // Without an explicit version SDR asks an org for one, and there is no org here.
    components.apiVersion = project.sourceApiVersion;
    components.sourceApiVersion = project.sourceApiVersion;
    // SDR reads the replacements from this project's sfdx-project.json; unset, it reads the one in
    // the working directory, which is another project's when the command runs from elsewhere.
    components.projectDirectory = project.root;

    const countsByType: Record<string, number> = {};
    for (const component of components.getSourceComponents()) {
        countsByType[component.type.name] = (countsByType[component.type.name] ?? 0) + 1;
    }

    rmSync(outputDir, { recursive: true, force: true });
    const previous = process.env.SF_APPLY_REPLACEMENTS_ON_CONVERT;
    process.env.SF_APPLY_REPLACEMENTS_ON_CONVERT = String(applyReplacements);
    try {
        await new MetadataConverter().convert(components, 'metadata', {
            type: 'directory',
            outputDirectory: outputDir,
            genUniqueDir: false
        });
    } finally {
        if (previous === undefined) delete process.env.SF_APPLY_REPLACEMENTS_ON_CONVERT;
        else process.env.SF_APPLY_REPLACEMENTS_ON_CONVERT = previous;
    }
    return { outputDir, componentCount: components.size, countsByType };
}
