import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildDeployPackage } from '../deploy/deploy-package';
import { runGateCommand, type Gate, type GateResult } from './shared/gate';
import { listPackageFiles, readProject } from '../project/project';
import { apiVersionsAbove } from './metadata/api-version';
import { brokenAuraExpressions } from './metadata/aura-expressions';
import { missingCustomLabels } from './metadata/custom-labels';
import { hardCodedText } from './metadata/hard-coded-text';
import { unpairedFiles } from './metadata/pairing';
import { replacementProblems } from './metadata/replacements';
import { unresolvableFiles } from './metadata/resolve';
import { malformedXml } from './metadata/xml';

function describeCounts(countsByType: Record<string, number>): string {
    return Object.entries(countsByType)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([type, count]) => `${count} ${type}`)
        .join(', ');
}

/** Where to write the deploy package; by default a temp folder, removed after the check. */
export interface PackageOutput {
    outputDir: string;
    applyReplacements: boolean;
}

/**
 * Checks what SDR does not (broken XML, unpaired source and meta files, unfilled placeholders,
 * API versions, Aura expressions a formatter broke, Custom Labels that LWC or Aura use but nobody
 * defines, words written into templates instead of Custom Labels), resolves every file to a component, then builds the deploy package.
 */
export async function checkMetadata(root: string, output?: PackageOutput): Promise<GateResult> {
    const project = readProject(root);
    const files = listPackageFiles(project);
    const fileFindings = [...malformedXml(files), ...unpairedFiles(files)];
    const flagged = new Set(fileFindings.map((finding) => finding.file));
    const findings = [
        ...fileFindings,
        ...unresolvableFiles(files.filter((file) => !flagged.has(file))),
        ...replacementProblems(project, files),
        ...apiVersionsAbove(project.sourceApiVersion, files),
        ...brokenAuraExpressions(files),
        ...missingCustomLabels(files, root),
        ...hardCodedText(files)
    ];
    if (findings.length > 0) {
        return { findings, summary: `${files.length} files checked; no deploy package built.` };
    }

    const outputDir =
        output?.outputDir ?? mkdtempSync(path.join(os.tmpdir(), 'sendbird-deploy-check-'));
    try {
        const built = await buildDeployPackage(project, outputDir, {
            applyReplacements: output?.applyReplacements ?? false
        });
        if (!existsSync(path.join(outputDir, 'package.xml'))) {
            throw new Error('SDR converted the source but wrote no package.xml');
        }
        return {
            findings: [],
            summary: `${files.length} files → ${built.componentCount} components converted to a deploy package (${describeCounts(built.countsByType)}).`
        };
    } finally {
        if (!output) rmSync(outputDir, { recursive: true, force: true });
    }
}

export const metadataGate: Gate = { name: 'Metadata deployability', check: checkMetadata };

if (require.main === module) {
    void runGateCommand(metadataGate);
}
