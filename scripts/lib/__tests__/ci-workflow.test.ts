import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { sfCommandProblems } from '../../test-support/sf-cli-manifest';
import { parseDeployArgs } from '../deploy-plan';
import { parseOrgTestArgs } from '../org-coverage';
import { parseScratchArgs } from '../org-scratch';

/**
 * The CI workflow cannot run here (no GitHub, no Dev Hub), so it is checked by construction:
 * valid YAML with the expected jobs, actions at released major versions, and every command it
 * calls real: npm scripts of package.json with arguments their parsers accept, and sf commands
 * and flags of the installed CLI.
 */
const ROOT = path.resolve(__dirname, '../../..');
const WORKFLOW = path.join(ROOT, '.github', 'workflows', 'ci.yml');

interface Step {
    name?: string;
    id?: string;
    uses?: string;
    run?: string;
    if?: string;
    env?: Record<string, string>;
}
interface Job {
    'runs-on': string;
    container?: string;
    needs?: string | string[];
    if?: string;
    outputs?: Record<string, string>;
    env?: Record<string, string>;
    steps: Step[];
}
interface Workflow {
    on: Record<string, unknown>;
    jobs: Record<string, Job>;
}

const workflow = parse(readFileSync(WORKFLOW, 'utf8')) as Workflow;
const scripts = Object.keys(
    (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: object })
        .scripts
);
const allSteps = Object.values(workflow.jobs).flatMap((job) => job.steps);
/** Each shell command of every `run:`, split at newlines, pipes and `&&`. */
const commands = allSteps
    .flatMap((step) => (step.run ?? '').split(/\n|\|\||\||&&|;/))
    .map((command) => command.trim())
    .filter(Boolean);
const words = (command: string) => command.split(/\s+/);

/** Actions this workflow may use, at major versions their maintainers have released. */
const RELEASED_ACTIONS = ['actions/checkout@v4', 'actions/setup-node@v4'];

describe('.github/workflows/ci.yml', () => {
    const gates = workflow.jobs['offline-gates'];
    const scratch = workflow.jobs['scratch-org'];

    it('runs on pushes to main, pull requests and by hand', () => {
        expect(Object.keys(workflow.on).sort()).toEqual([
            'pull_request',
            'push',
            'workflow_dispatch'
        ]);
    });

    it('runs the offline gates with .ci/run, which exists and is executable', () => {
        expect(gates.steps.map((step) => step.run)).toContain('.ci/run');
        expect(statSync(path.join(ROOT, '.ci', 'run')).mode & 0o111).not.toBe(0);
        // Debian, as .ci/run expects (apt-get, /usr/bin/chromium).
        expect(gates.container).toMatch(/^node:20-bookworm/);
    });

    it('runs the scratch-org job after the gates, only when the Dev Hub secret exists', () => {
        expect(scratch.needs).toBe('offline-gates');
        expect(scratch.if).toBe("needs.offline-gates.outputs.has-dev-hub == 'true'");
        expect(gates.outputs?.['has-dev-hub']).toBe('${{ steps.dev-hub.outputs.present }}');
        const probe = gates.steps.find((step) => step.id === 'dev-hub');
        expect(probe?.env?.SFDX_AUTH_URL).toBe('${{ secrets.SFDX_AUTH_URL }}');
        expect(probe?.run).toContain('echo "present=$present" >> "$GITHUB_OUTPUT"');
    });

    it('logs in, creates, deploys with permission sets, tests, and always deletes, in that order', () => {
        const runs = scratch.steps.map((step) => step.run ?? '');
        const order = [
            'org login sfdx-url',
            'npm run org:create',
            'npm run deploy',
            'npm run org:test',
            'org delete scratch'
        ].map((part) => runs.findIndex((run) => run.includes(part)));
        expect(order).toEqual([...order].sort((a, b) => a - b));
        expect(order).not.toContain(-1);
        const remove = scratch.steps.find((step) => step.run?.includes('org delete scratch'));
        expect(remove?.if).toBe('always()');
        // The org it deletes is the one it created and tested.
        expect(runs.filter((run) => run.includes('ci-scratch'))).toHaveLength(4);
        expect(runs.find((run) => run.includes('npm run deploy'))).toContain('--assign');
    });

    it('passes secrets through env only, never inline in a command', () => {
        for (const step of allSteps) expect(step.run ?? '').not.toContain('secrets.');
    });

    it('uses released major versions of its actions', () => {
        const used = allSteps.flatMap((step) => (step.uses ? [step.uses] : []));
        expect(used.length).toBeGreaterThan(0);
        for (const action of used) expect(RELEASED_ACTIONS).toContain(action);
    });

    it('calls only npm scripts of package.json, with arguments their parsers accept', () => {
        const npmRuns = commands
            .filter((command) => command.startsWith('npm run '))
            .map((command) => words(command).slice(2));
        expect(npmRuns.map(([script, separator]) => [script, separator])).toEqual([
            ['org:create', '--'],
            ['deploy', '--'],
            ['org:test', '--']
        ]);
        for (const [script] of npmRuns) expect(scripts).toContain(script);
        const argsOf = (script: string) =>
            npmRuns.find(([name]) => name === script)?.slice(2) ?? [];
        expect(() => parseScratchArgs(argsOf('org:create'), {})).not.toThrow();
        expect(() => parseDeployArgs(argsOf('deploy'), {})).not.toThrow();
        expect(() => parseOrgTestArgs(argsOf('org:test'), {})).not.toThrow();
    });

    it('calls only sf commands and flags of the installed sf CLI', () => {
        const sfRuns = commands.filter((command) => command.startsWith('npx sf '));
        expect(sfRuns.length).toBe(2);
        for (const command of sfRuns)
            expect(sfCommandProblems(words(command).slice(2))).toEqual([]);
    });
});
