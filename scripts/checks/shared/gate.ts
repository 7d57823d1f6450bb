import path from 'node:path';
import { formatFinding, type Finding } from './findings';

/** What a gate reports: its findings and a one-line summary of what it looked at. */
export interface GateResult {
    findings: Finding[];
    summary: string;
}

/** A gate: a check of a project folder, and the name its report goes under. */
export interface Gate {
    name: string;
    check(root: string): Promise<GateResult>;
}

/** A tool a gate needs is not installed. The message says how to get it. */
export class MissingToolError extends Error {}

const EXIT_FINDINGS = 1;
const EXIT_MISSING_TOOL = 2;

/** Prints one gate's outcome and returns the exit code it calls for. */
function report(gate: Gate, outcome: PromiseSettledResult<GateResult>, root: string): number {
    if (outcome.status === 'rejected') {
        const error: unknown = outcome.reason;
        if (error instanceof MissingToolError) {
            console.error(`✖ ${gate.name} cannot run: ${error.message}`);
            return EXIT_MISSING_TOOL;
        }
        console.error(`✖ ${gate.name} crashed:`, error);
        return EXIT_FINDINGS;
    }
    const { findings, summary } = outcome.value;
    for (const finding of findings) {
        console.error(formatFinding(finding, root));
    }
    if (findings.length > 0) {
        console.error(`✖ ${gate.name}: ${findings.length} problem(s). ${summary}`);
        return EXIT_FINDINGS;
    }
    console.log(`✔ ${gate.name}: ${summary}`);
    return 0;
}

/**
 * Runs gates as one command: `tsx scripts/checks/<gate>.ts [projectDir]`. Several gates run side
 * by side in this process and report in the order given. Each finding prints as
 * `file:line:col: message`; the command exits 1 on findings (or a crash), 2 on a missing tool, so
 * a missing tool can never look like a pass. Returns that exit code too.
 */
export async function runGateCommand(...gates: Gate[]): Promise<number> {
    const root = path.resolve(process.argv[2] ?? process.cwd());
    const outcomes = await Promise.allSettled(gates.map((gate) => gate.check(root)));
    const codes = gates.map((gate, index) => report(gate, outcomes[index], root));
    process.exitCode = Math.max(0, ...codes);
    return process.exitCode;
}
