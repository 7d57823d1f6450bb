import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { sfCommandProblems } from '../../test-support/sf-cli-manifest';
import { apexComponents } from '../apex-deploy-coverage';
import { parseDeployArgs, planDeploy } from '../../deploy/deploy-plan';
import { apexScope, parseOrgTestArgs } from '../../org/org-coverage';
import type { OrgDescription } from '../../org/org-detect';
import { parseScratchArgs } from '../../org/org-scratch';
import { readProject } from '../../project/project';

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

const SCRATCH_JOBS = ['scratch-org', 'scratch-org-core'];

/** The arguments a job passes to `npm run <script> --`. */
function npmArgs(job: Job, script: string): string[] {
    const line = job.steps
        .map((step) => step.run ?? '')
        .find((run) => run.startsWith(`npm run ${script} `));
    return line ? words(line).slice(4) : [];
}

/**
 * What a scratch-org job deploys and which test classes then run there (org:test runs
 * RunLocalTests, so every test class deployed), from its own definition file and flags: the
 * scratch org has Omni-Channel and Knowledge exactly when its definition turns them on.
 */
function jobTests(job: Job): { dirs: string[]; tests: string[] } {
    const scratchArgs = parseScratchArgs(npmArgs(job, 'org:create'), {});
    const definition = JSON.parse(
        readFileSync(path.join(ROOT, scratchArgs.definitionFile), 'utf8')
    ) as {
        features: string[];
        settings: { omniChannelSettings?: { enableOmniChannel?: boolean } };
    };
    const feature = (present: boolean) => ({
        presence: present ? ('present' as const) : ('absent' as const),
        why: 'from the definition'
    });
    const org: OrgDescription = {
        kind: 'scratch',
        kindWhy: 'a scratch org',
        omniChannel: feature(definition.settings.omniChannelSettings?.enableOmniChannel === true),
        knowledge: feature(definition.features.includes('Knowledge')),
        caseServiceChannel: { state: 'none' },
        caseAssignmentRules: []
    };
    const project = readProject(ROOT);
    const plan = planDeploy(
        project,
        parseDeployArgs(npmArgs(job, 'deploy'), {}),
        { SENDBIRD_APP_ID: 'ci' },
        org,
        apexComponents(project)
    );
    const dirs = plan.directories.filter((dir) => dir.decision === 'deploy').map((dir) => dir.dir);
    const scope = apexScope(org, parseOrgTestArgs(npmArgs(job, 'org:test'), {}));
    const counted = dirs.filter((dir) => !scope.directories.includes(dir));
    const tests = plan.directories
        .filter((dir) => counted.includes(dir.dir))
        .flatMap((dir) => dir.components)
        .filter((c) => c.fullName.endsWith('_Tests'))
        .map((c) => c.fullName);
    return { dirs: counted, tests };
}

describe('.github/workflows/ci.yml', () => {
    const gates = workflow.jobs['offline-gates'];
    const scratch = workflow.jobs['scratch-org'];
    const core = workflow.jobs['scratch-org-core'];

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

    it('runs both scratch-org jobs after the gates, only when the Dev Hub secret exists', () => {
        for (const name of SCRATCH_JOBS) {
            expect(workflow.jobs[name].needs).toBe('offline-gates');
            expect(workflow.jobs[name].if).toBe(
                "needs.offline-gates.outputs.has-dev-hub == 'true'"
            );
        }
        expect(gates.outputs?.['has-dev-hub']).toBe('${{ steps.dev-hub.outputs.present }}');
        const probe = gates.steps.find((step) => step.id === 'dev-hub');
        expect(probe?.env?.SFDX_AUTH_URL).toBe('${{ secrets.SFDX_AUTH_URL }}');
        expect(probe?.run).toContain('echo "present=$present" >> "$GITHUB_OUTPUT"');
    });

    it.each(SCRATCH_JOBS.map((name) => [name, name === 'scratch-org' ? 'ci-scratch' : 'ci-core']))(
        '%s logs in, creates, deploys with permission sets, tests, and always deletes %s, in that order',
        (name, alias) => {
            const job = workflow.jobs[name];
            const runs = job.steps.map((step) => step.run ?? '');
            const order = [
                'org login sfdx-url',
                'npm run org:create',
                'npm run deploy',
                'npm run org:test',
                'org delete scratch'
            ].map((part) => runs.findIndex((run) => run.includes(part)));
            expect(order).toEqual([...order].sort((a, b) => a - b));
            expect(order).not.toContain(-1);
            const remove = job.steps.find((step) => step.run?.includes('org delete scratch'));
            expect(remove?.if).toBe('always()');
            // The org it deletes is the one it created and tested.
            expect(runs.filter((run) => run.includes(alias))).toHaveLength(4);
            expect(runs.find((run) => run.includes('npm run deploy'))).toContain('--assign');
            expect(parseOrgTestArgs(npmArgs(job, 'org:test'), {}).minimum).toBe(
                parseOrgTestArgs(npmArgs(scratch, 'org:test'), {}).minimum
            );
        }
    );

    it('tests everything under Private Case sharing, and the core alone in an org without Omni-Channel and Knowledge', () => {
        expect(npmArgs(scratch, 'org:create')).toContain(
            'config/project-scratch-def.private-sharing.json'
        );
        expect(npmArgs(core, 'org:create')).toContain('config/project-scratch-def.core-only.json');
        const full = jobTests(scratch);
        expect(full.dirs).toEqual([
            'force-app/main',
            'force-app/omnichannel',
            'force-app/knowledge'
        ]);
        expect(full.tests).toEqual(
            expect.arrayContaining([
                'SendbirdKnowledgeArticles_Tests',
                'SendbirdAgentWorkSync_Tests',
                'SendbirdHandoffResource_Tests'
            ])
        );
        const coreOnly = jobTests(core);
        expect(coreOnly.dirs).toEqual(['force-app/main']);
        expect(coreOnly.tests).toContain('SendbirdHandoffResource_Tests');
        expect(coreOnly.tests).not.toContain('SendbirdKnowledgeArticles_Tests');
        expect(coreOnly.tests).not.toContain('SendbirdAgentWorkSync_Tests');
        // What the core job leaves out is exactly the optional folders' test classes.
        const optionalTests = ['force-app/omnichannel', 'force-app/knowledge'].flatMap((dir) =>
            readdirSync(path.join(dir, 'classes'))
                .filter((file) => file.endsWith('_Tests.cls'))
                .map((file) => file.replace(/\.cls$/, ''))
        );
        expect(full.tests.filter((name) => !coreOnly.tests.includes(name)).sort()).toEqual(
            optionalTests.sort()
        );
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
        const perJob = [
            ['org:create', '--'],
            ['deploy', '--'],
            ['org:test', '--']
        ];
        expect(npmRuns.map(([script, separator]) => [script, separator])).toEqual([
            ...perJob,
            ...perJob
        ]);
        for (const [script] of npmRuns) expect(scripts).toContain(script);
        for (const [script, , ...args] of npmRuns) {
            const parse = {
                'org:create': parseScratchArgs,
                deploy: parseDeployArgs,
                'org:test': parseOrgTestArgs
            }[script]!;
            expect(() => parse(args, {})).not.toThrow();
        }
    });

    it('calls only sf commands and flags of the installed sf CLI', () => {
        const sfRuns = commands.filter((command) => command.startsWith('npx sf '));
        expect(sfRuns.length).toBe(4);
        for (const command of sfRuns)
            expect(sfCommandProblems(words(command).slice(2))).toEqual([]);
    });
});
