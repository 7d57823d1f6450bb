import path from 'node:path';
import { formatFinding, type Finding } from './findings';

/** What a gate reports: its findings and a one-line summary of what it looked at. */
export interface GateResult {
    findings: Finding[];
    summary: string;
}

/** A tool a gate needs is not installed. The message says how to get it. */
export class MissingToolError extends Error {}

/**
 * Runs one gate as a command: `tsx scripts/checks/<gate>.ts [projectDir]`.
 * Prints each finding as `file:line:col: message` and exits 1 on findings, 2 on a missing tool,
 * so a missing tool can never look like a pass.
 */
export async function runGateCommand(
    name: string,
    check: (root: string) => Promise<GateResult>
): Promise<void> {
    const root = path.resolve(process.argv[2] ?? process.cwd());
    try {
        const { findings, summary } = await check(root);
        for (const finding of findings) {
            console.error(formatFinding(finding, root));
        }
        if (findings.length > 0) {
            console.error(`✖ ${name}: ${findings.length} problem(s). ${summary}`);
            process.exitCode = 1;
        } else {
            console.log(`✔ ${name}: ${summary}`);
        }
    } catch (error) {
        if (error instanceof MissingToolError) {
            console.error(`✖ ${name} cannot run: ${error.message}`);
            process.exitCode = 2;
            return;
        }
        throw error;
    }
}
