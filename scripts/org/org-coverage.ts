import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
    AGENTWORK_APEX,
    featureDecision,
    KNOWLEDGE_DIR,
    OMNI_CHANNEL_DIR
} from '../deploy/deploy-plan';
import { OrgUsageError, parseScriptArgs, wholeNumber } from './org-args';
import type { OrgFeature, OrgKind } from './org-detect';
import { listApexFiles, type SfdxProject } from '../project/project';

const USAGE = `Usage: npm run org:test -- --target-org <alias> [--min-coverage <percent>] [--wait <minutes>] [--no-omni-channel] [--no-knowledge]
  --target-org       the org to test in (or SF_TARGET_ORG), deployed with npm run deploy
  --min-coverage     the least coverage each of this project's classes and triggers needs (default 90)
  --wait             minutes to wait for the run (default 30)
  --no-omni-channel  the org was deployed without ${OMNI_CHANNEL_DIR}: do not count its Apex
  --no-knowledge     the org was deployed without ${KNOWLEDGE_DIR}: do not count its Apex
Without these, the Apex of ${OMNI_CHANNEL_DIR} and ${KNOWLEDGE_DIR} counts only if the org has
Omni-Channel and Lightning Knowledge, the same questions npm run deploy asks.`;

/** What `npm run org:test` was asked to do. */
export interface OrgTestOptions {
    targetOrg: string;
    minimum: number;
    waitMinutes: number;
    /** False with --no-omni-channel: the org was deployed without the Omni-Channel directory. */
    omniChannel: boolean;
    /** False with --no-knowledge: the org was deployed without the Knowledge directory. */
    knowledge: boolean;
}

export function parseOrgTestArgs(argv: string[], env: NodeJS.ProcessEnv): OrgTestOptions {
    const values = parseScriptArgs(
        argv,
        {
            'target-org': { type: 'string', short: 'o' },
            'min-coverage': { type: 'string' },
            wait: { type: 'string', short: 'w' },
            'no-omni-channel': { type: 'boolean' },
            'no-knowledge': { type: 'boolean' }
        },
        USAGE
    );
    const targetOrg = values['target-org'] ?? (env.SF_TARGET_ORG || undefined);
    if (!targetOrg) throw new OrgUsageError(`No target org.\n${USAGE}`);
    return {
        targetOrg,
        minimum: wholeNumber(values['min-coverage'], 90, [0, 100], '--min-coverage', USAGE),
        waitMinutes: wholeNumber(values.wait, 30, [1, 240], '--wait', USAGE),
        omniChannel: !values['no-omni-channel'],
        knowledge: !values['no-knowledge']
    };
}

/** A class or trigger of this project that tests must cover. */
export interface ApexUnit {
    name: string;
    kind: 'class' | 'trigger';
}

/**
 * Apex no test can reach, with the reason. Still reported with its coverage, never hidden.
 * AgentWork cannot be inserted by an Apex test (the agent must be online in Omni-Channel), so
 * the one-line trigger stays uncovered; SendbirdAgentWorkSync_Tests covers its handler.
 */
export const COVERAGE_EXEMPT: Readonly<Record<string, string>> = {
    SendbirdAgentWorkTrigger:
        'no Apex test can create AgentWork; SendbirdAgentWorkSync_Tests covers its handler'
};

/** Comments out of the way, so that `@IsTest` in a comment does not count. */
const withoutComments = (source: string) =>
    source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');

/** What the org has, as org-detect tells it: the parts that decide what npm run deploy put there. */
export interface OrgApexFacts {
    kind: OrgKind;
    omniChannel: OrgFeature;
    knowledge: OrgFeature;
}

/**
 * The project's Apex that is not in the org because npm run deploy left it out, and why: what
 * org:test must not count. A feature the org could not be asked about counts (the stricter way).
 */
export interface ApexScope {
    /** Package directories (relative to the project root) that were not deployed. */
    directories: string[];
    /** Classes and triggers left out of a deployed directory. */
    names: string[];
    /** One line per exclusion, for the report. */
    notes: string[];
}

/** Why a feature's directory was left out, by npm run deploy's own decision; undefined if it counts. */
function featureLeftOut(
    asked: boolean,
    feature: OrgFeature,
    dir: string,
    flag: string,
    label: string
): string | undefined {
    const { decision, why } = featureDecision(asked, feature, flag, label);
    return decision === 'skip' ? `${dir}: ${why}` : undefined;
}

/** Which of the project's Apex the org has, by the rules npm run deploy plans with. */
export function apexScope(
    org: OrgApexFacts,
    options: Pick<OrgTestOptions, 'omniChannel' | 'knowledge'>
): ApexScope {
    const scope: ApexScope = { directories: [], names: [], notes: [] };
    const omni = featureLeftOut(
        options.omniChannel,
        org.omniChannel,
        OMNI_CHANNEL_DIR,
        '--no-omni-channel',
        'Omni-Channel'
    );
    const knowledge = featureLeftOut(
        options.knowledge,
        org.knowledge,
        KNOWLEDGE_DIR,
        '--no-knowledge',
        'Lightning Knowledge'
    );
    for (const [dir, why] of [
        [OMNI_CHANNEL_DIR, omni],
        [KNOWLEDGE_DIR, knowledge]
    ] as const) {
        if (why) {
            scope.directories.push(dir);
            scope.notes.push(why);
        }
    }
    if (!omni && org.kind === 'production') {
        const names = AGENTWORK_APEX.map((component) => component.replace(/^[^:]+:/, ''));
        scope.names.push(...names);
        scope.notes.push(
            `${names.join(', ')}: npm run deploy leaves them out of production (no Apex test can create AgentWork)`
        );
    }
    return scope;
}

/** The classes and triggers of the project that count for coverage: not test classes. */
export function projectApex(project: SfdxProject, scope?: ApexScope): ApexUnit[] {
    const leftOutDirs = (scope?.directories ?? []).map((dir) => path.join(project.root, dir));
    const inLeftOutDir = (file: string) =>
        leftOutDirs.some((dir) => file === dir || file.startsWith(dir + path.sep));
    return listApexFiles(project)
        .filter((file) => !inLeftOutDir(file))
        .flatMap((file): ApexUnit[] => {
            const name = path.basename(file).replace(/\.(cls|trigger)$/, '');
            if (file.endsWith('.trigger')) return [{ name, kind: 'trigger' }];
            const source = withoutComments(readFileSync(file, 'utf8'));
            const header = source.slice(0, source.search(/\bclass\b/i));
            return /@IsTest\b/i.test(header) ? [] : [{ name, kind: 'class' }];
        })
        .filter((unit) => !scope?.names.includes(unit.name))
        .sort((a, b) => a.name.localeCompare(b.name));
}

/** The sf command: all local tests (ours, in a scratch org), with coverage. */
export function apexTestArgs(targetOrg: string, waitMinutes: number): string[] {
    return [
        'apex',
        'run',
        'test',
        '--target-org',
        targetOrg,
        '--test-level',
        'RunLocalTests',
        '--code-coverage',
        '--wait',
        String(waitMinutes)
    ];
}

/** One project unit's coverage in the run; `percent` undefined when the run reported none. */
export interface CoverageRow extends ApexUnit {
    percent?: number;
    exempt?: string;
}

/** A failed test method. */
export interface TestFailure {
    test: string;
    message: string;
}

/** What `npm run org:test` concludes from `sf apex run test --code-coverage --json`. */
export interface TestRunVerdict {
    ok: boolean;
    summary: string;
    failures: TestFailure[];
    rows: CoverageRow[];
    below: CoverageRow[];
}

interface RunResult {
    summary?: { testsRan?: number; passing?: number; failing?: number; testRunCoverage?: string };
    tests?: {
        FullName?: string;
        Outcome?: string;
        Message?: string | null;
        StackTrace?: string | null;
    }[];
    coverage?: { coverage?: { name?: string; coveredPercent?: number }[] };
}

/**
 * Judges a test run: every test passes, and each of the project's classes and triggers is
 * covered to at least `minimum` percent (the exempt ones are shown, not counted). A unit the run
 * reports no coverage for was never executed by a test, or is not in the org: both fail.
 */
export function judgeTestRun(result: unknown, ours: ApexUnit[], minimum: number): TestRunVerdict {
    const run = (result ?? {}) as RunResult;
    if (!run.summary || !Array.isArray(run.tests)) {
        throw new Error('sf returned no test run result (see the message above).');
    }
    const failures = run.tests
        .filter((test) => test.Outcome !== 'Pass' && test.Outcome !== 'Skip')
        .map((test) => ({
            test: test.FullName ?? '?',
            message: [test.Message, test.StackTrace].filter(Boolean).join(' | ')
        }));
    const percentByName = new Map(
        (run.coverage?.coverage ?? []).map((entry) => [entry.name, entry.coveredPercent])
    );
    const rows = ours.map((unit) => ({
        ...unit,
        percent: percentByName.get(unit.name),
        exempt: COVERAGE_EXEMPT[unit.name]
    }));
    const below = rows.filter((row) => !row.exempt && (row.percent ?? 0) < minimum);
    const { testsRan = 0, passing = 0, failing = 0, testRunCoverage = '?' } = run.summary;
    return {
        ok: failures.length === 0 && below.length === 0,
        summary: `${testsRan} tests ran: ${passing} passed, ${failing} failed; coverage of the run ${testRunCoverage}`,
        failures,
        rows,
        below
    };
}

const percentText = (row: CoverageRow) =>
    row.percent === undefined
        ? 'no coverage reported (never run by a test, or not in the org)'
        : `${row.percent}%`;

/** The report `npm run org:test` prints; `notCounted` are the ApexScope notes. */
export function formatVerdict(
    verdict: TestRunVerdict,
    minimum: number,
    notCounted: string[] = []
): string {
    const counted = verdict.rows.filter((row) => !row.exempt);
    const lines = [
        verdict.summary,
        ...verdict.failures.map((failure) => `  ✖ ${failure.test}: ${failure.message}`),
        `Coverage of this project's ${counted.length} classes and triggers (minimum ${minimum}%):`,
        ...notCounted.map((note) => `  - not in this org, not counted: ${note}`),
        ...verdict.below.map((row) => `  ✖ ${row.kind} ${row.name}: ${percentText(row)}`),
        ...verdict.rows
            .filter((row) => row.exempt)
            .map(
                (row) => `  ~ ${row.kind} ${row.name}: ${percentText(row)}, exempt: ${row.exempt}`
            ),
        `  ${counted.length - verdict.below.length} at or above ${minimum}%`,
        verdict.ok
            ? '✔ All tests passed and every class and trigger is covered.'
            : `✖ ${verdict.failures.length} failed tests, ${verdict.below.length} classes and triggers below ${minimum}%.`
    ];
    return lines.join('\n');
}
