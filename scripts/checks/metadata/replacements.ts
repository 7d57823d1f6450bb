import { readFileSync } from 'node:fs';
import path from 'node:path';
import { minimatch } from 'minimatch';
import type { Finding } from '../shared/findings';
import type { Replacement, SfdxProject } from '../../project/project';

/** Deploy-time placeholders look like `${SENDBIRD_APP_ID}`. */
const PLACEHOLDER = /\$\{[A-Z][A-Z0-9_]*\}/g;

function appliesTo(replacement: Replacement, relativeFile: string): boolean {
    if (replacement.filename) return path.normalize(replacement.filename) === relativeFile;
    return replacement.glob !== undefined && minimatch(relativeFile, replacement.glob);
}

/**
 * Every placeholder in a deployed file must be filled by a `replacements` entry of
 * sfdx-project.json (else it deploys literally, e.g. a Named Credential pointing at
 * `https://api-${SENDBIRD_APP_ID}.sendbird.com`), and every entry must still match a file.
 */
export function replacementProblems(project: SfdxProject, files: string[]): Finding[] {
    const findings: Finding[] = [];
    const used = new Set<Replacement>();
    for (const file of files) {
        const relativeFile = path.relative(project.root, file);
        const lines = readFileSync(file, 'utf8').split('\n');
        lines.forEach((text, index) => {
            for (const match of text.matchAll(PLACEHOLDER)) {
                const replacement = project.replacements.find(
                    (candidate) =>
                        candidate.stringToReplace === match[0] && appliesTo(candidate, relativeFile)
                );
                if (replacement) {
                    used.add(replacement);
                } else {
                    findings.push({
                        file,
                        line: index + 1,
                        column: (match.index ?? 0) + 1,
                        message: `${match[0]} is not filled by any "replacements" entry of sfdx-project.json`
                    });
                }
            }
        });
    }
    for (const replacement of project.replacements.filter((entry) => !used.has(entry))) {
        findings.push({
            file: path.join(project.root, 'sfdx-project.json'),
            message: `replacement of ${replacement.stringToReplace} (${replacement.glob ?? replacement.filename}) matches no placeholder`
        });
    }
    return findings;
}
