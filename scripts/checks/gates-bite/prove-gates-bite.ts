import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { checkCalloutAfterDml } from '../apex-callout-after-dml';
import { checkDeployCoverage } from '../apex-deploy-coverage';
import { checkApexPmd } from '../apex-pmd';
import { checkApexSyntax } from '../apex-syntax';
import { checkApexTestClasses } from '../apex-test-classes';
import { checkApexTypes } from '../apex-types';
import { checkMetadata } from '../metadata';
import { DEFECTS, type GateName, type PlantedDefect } from './gate-defects';
import { formatFinding } from '../shared/findings';
import { MissingToolError, type GateResult } from '../shared/gate';

/** What a gate needs of the project; copied for each run so that defects never touch the repo. */
const PROJECT_FILES = [
    'force-app',
    'sfdx-project.json',
    '.forceignore',
    '.prettierrc',
    '.prettierignore',
    'code-analyzer.yml'
];

const repo = path.resolve(__dirname, '../../..');

export interface GateRun {
    failed: boolean;
    /** What the gate reported, one problem per line, each starting with its file. */
    findings: string[];
    output: string;
}

/**
 * Prettier's `[warn] <file>` lines, without its closing summary line. Colour codes are stripped
 * first: Prettier colours the tag (`[\x1b[33mwarn\x1b[39m]`) when `CI` or `FORCE_COLOR` is set,
 * even into a pipe (CI systems set `CI`). NO_COLOR is asked for as well.
 */
export function prettierFindings(output: string): string[] {
    return stripVTControlCharacters(output)
        .split('\n')
        .filter((line) => /^\[(warn|error)\] /.test(line) && !/Code style issues/.test(line))
        .map((line) => line.replace(/^\[(warn|error)\] /, ''));
}

/** Prettier runs as its CLI, as `npm test` runs it; the plugins resolve from the copy's node_modules. */
function runPrettier(copy: string): Promise<GateRun> {
    return new Promise((resolve) => {
        const child = spawn(
            path.join(repo, 'node_modules', '.bin', 'prettier'),
            ['--check', 'force-app'],
            { cwd: copy, env: { ...process.env, NO_COLOR: '1' } }
        );
        let output = '';
        child.stdout.on('data', (chunk) => (output += chunk));
        child.stderr.on('data', (chunk) => (output += chunk));
        child.on('close', (code) =>
            resolve({ failed: code !== 0, findings: prettierFindings(output), output })
        );
    });
}

/**
 * The other gates are called in this process: the same functions their commands run, so the
 * Apex parser warms up once and no `tsx` starts per trial. A gate fails exactly when its
 * command would exit non-zero: findings, or a missing tool.
 */
const GATES: Record<Exclude<GateName, 'prettier'>, (root: string) => Promise<GateResult>> = {
    'apex-syntax': checkApexSyntax,
    'apex-tests': checkApexTestClasses,
    'apex-types': checkApexTypes,
    pmd: checkApexPmd,
    metadata: checkMetadata,
    'apex-callout-after-dml': checkCalloutAfterDml,
    'apex-deploy-coverage': checkDeployCoverage
};

async function runGate(gate: GateName, copy: string): Promise<GateRun> {
    if (gate === 'prettier') return runPrettier(copy);
    try {
        const { findings, summary } = await GATES[gate](copy);
        const lines = findings.map((finding) => formatFinding(finding, copy));
        return {
            failed: findings.length > 0,
            findings: lines,
            output: [...lines, summary].join('\n')
        };
    } catch (error) {
        const message = error instanceof MissingToolError ? 'cannot run: ' : 'crashed: ';
        return {
            failed: true,
            findings: [],
            output: message + String(error instanceof Error ? error.message : error)
        };
    }
}

function copyProject(): string {
    const copy = mkdtempSync(path.join(os.tmpdir(), 'sendbird-gates-'));
    for (const file of PROJECT_FILES)
        cpSync(path.join(repo, file), path.join(copy, file), { recursive: true });
    // Prettier resolves its plugins from the project folder.
    symlinkSync(path.join(repo, 'node_modules'), path.join(copy, 'node_modules'), 'dir');
    return copy;
}

interface Outcome {
    label: string;
    gate: GateName;
    ok: boolean;
    detail: string;
}

/**
 * Caught: the gate fails, names the defect, and reports nothing outside the planted file. The
 * last part means the copy is otherwise clean for that gate, so a gate that fails on everything,
 * or on something else in the copy, proves nothing and fails here (no clean-copy runs needed).
 * `known` are findings the gate reports on the project itself (see BASELINED): they are not held
 * against the copy, but anything else outside the planted file still is.
 */
export function judge(
    defect: PlantedDefect,
    run: GateRun,
    known: string[] = []
): Omit<Outcome, 'label' | 'gate'> {
    const named = run.findings.find((finding) => defect.expected.test(finding));
    const elsewhere = run.findings.filter(
        (finding) =>
            finding !== defect.file &&
            !finding.startsWith(`${defect.file}:`) &&
            !known.includes(finding)
    );
    if (!run.failed || !named) {
        return { ok: false, detail: `NOT CAUGHT (expected ${defect.expected}):\n${run.output}` };
    }
    if (elsewhere.length > 0) {
        return {
            ok: false,
            detail: `also failed outside ${defect.file}, so the copy was not clean:\n${elsewhere.join('\n')}`
        };
    }
    const note =
        known.length > 0 ? ` (${known.length} finding(s) of the project itself set aside)` : '';
    return { ok: true, detail: `caught: ${named.trim()}${note}` };
}

/**
 * Gates whose findings on the project itself are set aside when judging a copy. These two gates
 * came with issue 13 and report real defects that other branches fix (issue 13, findings 1 and
 * 2); until those merge, the copy cannot be clean for them. Their own run on the project still
 * fails the build. They are cheap (no JVM), so running them once more on the project costs little.
 */
const BASELINED: GateName[] = ['apex-callout-after-dml', 'apex-deploy-coverage'];
const baselines = new Map<GateName, Promise<string[]>>();

function knownFindings(gate: GateName): Promise<string[]> {
    if (!BASELINED.includes(gate)) return Promise.resolve([]);
    if (!baselines.has(gate)) {
        baselines.set(
            gate,
            runGate(gate, repo).then((run) => run.findings)
        );
    }
    return baselines.get(gate)!;
}

async function prove(defect: PlantedDefect): Promise<Outcome> {
    const copy = copyProject();
    try {
        defect.plant(copy);
        const run = await runGate(defect.gate, copy);
        const known = await knownFindings(defect.gate);
        return { label: defect.name, gate: defect.gate, ...judge(defect, run, known) };
    } finally {
        rmSync(copy, { recursive: true, force: true });
    }
}

/** Runs tasks with at most `limit` at a time (the gates are JVM- and CPU-heavy). */
async function inPool<T>(tasks: (() => Promise<T>)[], limit: number): Promise<T[]> {
    const results: T[] = new Array(tasks.length);
    let next = 0;
    const worker = async () => {
        while (next < tasks.length) {
            const index = next++;
            results[index] = await tasks[index]();
        }
    };
    await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, worker));
    return results;
}

/**
 * Plants every defect (or those of the named gates) and reports each; the exit code it calls
 * for: 1 when one got through.
 */
export async function proveGatesBite(gates: GateName[] = []): Promise<number> {
    const started = Date.now();
    const defects = DEFECTS.filter((defect) => gates.length === 0 || gates.includes(defect.gate));
    const outcomes = await inPool(
        defects.map((defect) => () => prove(defect)),
        Math.max(2, os.availableParallelism())
    );
    for (const outcome of outcomes) {
        console.log(
            `${outcome.ok ? '✔' : '✖'} ${outcome.label.padEnd(36)} ${outcome.gate.padEnd(12)} ${outcome.detail}`
        );
    }
    const failed = outcomes.filter((outcome) => !outcome.ok).length;
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    if (failed > 0) {
        console.error(
            `✖ ${failed} gate check(s) failed: a gate that lets a planted defect through is a bug.`
        );
        return 1;
    }
    console.log(`✔ All ${defects.length} planted defects were caught by their gate (${seconds}s).`);
    return 0;
}

if (require.main === module) {
    // `npm run test:gates -- apex-deploy-coverage` proves one gate's defects only.
    const gates = process.argv.slice(2) as GateName[];
    void proveGatesBite(gates).then((code) => (process.exitCode = code));
}
