import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DEFECTS, type GateName, type PlantedDefect } from './gate-defects';

/** What a gate needs of the project; copied for each run so that defects never touch the repo. */
const PROJECT_FILES = [
    'force-app',
    'sfdx-project.json',
    '.forceignore',
    '.prettierrc',
    '.prettierignore',
    'code-analyzer.yml'
];

const repo = path.resolve(__dirname, '..');
const bin = (name: string) => path.join(repo, 'node_modules', '.bin', name);
const gateScript = (name: string) => [
    bin('tsx'),
    path.join(repo, 'scripts', 'checks', `${name}.ts`)
];

/** The same commands `npm test` runs, pointed at a project copy. */
const GATE_COMMANDS: Record<GateName, (copy: string) => string[]> = {
    prettier: () => [bin('prettier'), '--check', 'force-app'],
    'apex-syntax': (copy) => [...gateScript('apex-syntax'), copy],
    'apex-tests': (copy) => [...gateScript('apex-test-classes'), copy],
    'apex-types': (copy) => [...gateScript('apex-types'), copy],
    pmd: (copy) => [...gateScript('apex-pmd'), copy],
    metadata: (copy) => [...gateScript('metadata'), copy]
};

function copyProject(): string {
    const copy = mkdtempSync(path.join(os.tmpdir(), 'sendbird-gates-'));
    for (const file of PROJECT_FILES)
        cpSync(path.join(repo, file), path.join(copy, file), { recursive: true });
    // Prettier resolves its plugins from the project folder.
    symlinkSync(path.join(repo, 'node_modules'), path.join(copy, 'node_modules'), 'dir');
    return copy;
}

function runGate(gate: GateName, copy: string): Promise<{ code: number | null; output: string }> {
    const [command, ...args] = GATE_COMMANDS[gate](copy);
    return new Promise((resolve) => {
        const child = spawn(command, args, { cwd: copy });
        let output = '';
        child.stdout.on('data', (chunk) => (output += chunk));
        child.stderr.on('data', (chunk) => (output += chunk));
        child.on('close', (code) => resolve({ code, output }));
    });
}

interface Outcome {
    label: string;
    gate: GateName;
    ok: boolean;
    detail: string;
}

async function baseline(gate: GateName): Promise<Outcome> {
    const copy = copyProject();
    try {
        const { code, output } = await runGate(gate, copy);
        const ok = code === 0;
        return {
            label: '(clean copy)',
            gate,
            ok,
            detail: ok ? 'passes' : `fails on clean code:\n${output}`
        };
    } finally {
        rmSync(copy, { recursive: true, force: true });
    }
}

async function prove(defect: PlantedDefect): Promise<Outcome> {
    const copy = copyProject();
    try {
        defect.plant(copy);
        const { code, output } = await runGate(defect.gate, copy);
        const caught = code === 1 && defect.expected.test(output);
        const line = output.split('\n').find((text) => defect.expected.test(text));
        const detail = caught
            ? `caught: ${line?.trim()}`
            : `NOT CAUGHT (exit ${code}; expected ${defect.expected}):\n${output}`;
        return { label: defect.name, gate: defect.gate, ok: caught, detail };
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

async function main(): Promise<void> {
    const started = Date.now();
    const gates = [...new Set(DEFECTS.map((defect) => defect.gate))];
    const outcomes = await inPool(
        [
            ...gates.map((gate) => () => baseline(gate)),
            ...DEFECTS.map((defect) => () => prove(defect))
        ],
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
        process.exitCode = 1;
    } else {
        console.log(
            `✔ All ${DEFECTS.length} planted defects were caught by their gate (${seconds}s).`
        );
    }
}

void main();
