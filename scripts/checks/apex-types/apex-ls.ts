import { spawnSync } from 'node:child_process';
import { analyzerClasspath, requireJava } from '../../lib/java';

export interface ApexLsMessage {
    start: { line: number; offset: number };
    category: string;
    message: string;
}

export interface ApexLsReport {
    files: { path: string; messages: ApexLsMessage[] }[];
}

/** apex-ls exits 0 when clean and 4 when it reports issues; anything else is a crash. */
const EXIT_CLEAN = 0;
const EXIT_ISSUES = 4;

/** Runs apex-ls's CheckForIssues over an SFDX workspace (no cache, so runs never go stale). */
export function runApexLs(workspace: string): ApexLsReport {
    const run = spawnSync(
        requireJava(),
        [
            '-cp',
            analyzerClasspath(),
            'io.github.apexdevtools.apexls.CheckForIssues',
            '--nocache',
            '--format',
            'json',
            '--workspace',
            workspace
        ],
        { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }
    );
    if (run.status !== EXIT_CLEAN && run.status !== EXIT_ISSUES) {
        throw new Error(`apex-ls failed (exit ${run.status}): ${run.stderr || run.stdout}`);
    }
    return JSON.parse(run.stdout) as ApexLsReport;
}
