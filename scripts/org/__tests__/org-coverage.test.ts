import path from 'node:path';
import { sfCommandProblems } from '../../test-support/sf-cli-manifest';
import { makeProject, removeProject, classMeta } from '../../test-support/fixture-project';
import { OrgUsageError } from '../org-args';
import { featuresFrom, orgKindFrom } from '../org-detect';
import {
    apexScope,
    apexTestArgs,
    formatVerdict,
    judgeTestRun,
    parseOrgTestArgs,
    projectApex,
    type ApexUnit
} from '../org-coverage';
import { readProject } from '../../project/project';
import { outcome } from '../../test-support/sf-fixtures';

const ours: ApexUnit[] = [
    { name: 'SendbirdAgentWorkTrigger', kind: 'trigger' },
    { name: 'SendbirdPlatformClient', kind: 'class' },
    { name: 'SendbirdCallOuts', kind: 'class' },
    { name: 'SendbirdCaseTrigger', kind: 'trigger' },
    { name: 'SendbirdUsers', kind: 'class' }
];
const recorded = outcome('apex-test-run');
const run = recorded.ok ? undefined : recorded.result;

describe('judgeTestRun', () => {
    it('fails on a failed test and on each class below the minimum or missing', () => {
        const verdict = judgeTestRun(run, ours, 90);
        expect(verdict.ok).toBe(false);
        expect(verdict.failures).toEqual([
            {
                test: 'SendbirdCallOuts_Tests.retriesAfterTheRateLimit',
                message:
                    'System.AssertException: Assertion Failed: one retry: Expected: 1, Actual: 2 | Class.SendbirdCallOuts_Tests.retriesAfterTheRateLimit: line 88, column 1'
            }
        ]);
        expect(verdict.below.map((row) => [row.name, row.percent])).toEqual([
            ['SendbirdCallOuts', 82],
            ['SendbirdUsers', undefined]
        ]);
        // Classes that are not ours (LegacyInvoiceHelper at 30%) do not count.
        expect(verdict.rows.map((row) => row.name)).not.toContain('LegacyInvoiceHelper');
    });

    it('keeps the AgentWork trigger visible but exempt', () => {
        const trigger = judgeTestRun(run, ours, 90).rows[0];
        expect(trigger).toEqual({
            name: 'SendbirdAgentWorkTrigger',
            kind: 'trigger',
            percent: undefined,
            exempt: expect.stringContaining('no Apex test can create AgentWork')
        });
    });

    it('passes when every test passes and our units are covered', () => {
        const result = JSON.parse(JSON.stringify(run)) as {
            tests: { Outcome: string }[];
        };
        result.tests.forEach((test) => (test.Outcome = 'Pass'));
        const covered = ours.filter((unit) =>
            ['SendbirdPlatformClient', 'SendbirdCaseTrigger'].includes(unit.name)
        );
        expect(judgeTestRun(result, covered, 90).ok).toBe(true);
        expect(judgeTestRun(result, covered, 96).below.map((row) => row.name)).toEqual([
            'SendbirdPlatformClient'
        ]);
    });

    it('refuses output that is not a test run', () => {
        expect(() => judgeTestRun(outcome('error-not-logged-in'), ours, 90)).toThrow(
            /no test run result/
        );
    });
});

describe('formatVerdict', () => {
    it('lists each failure, each unit below the minimum and the exempt ones', () => {
        const text = formatVerdict(judgeTestRun(run, ours, 90), 90);
        expect(text).toContain('3 tests ran: 2 passed, 1 failed; coverage of the run 82%');
        expect(text).toContain(
            '  ✖ SendbirdCallOuts_Tests.retriesAfterTheRateLimit: System.AssertException'
        );
        expect(text).toContain("Coverage of this project's 4 classes and triggers (minimum 90%):");
        expect(text).toContain('  ✖ class SendbirdCallOuts: 82%');
        expect(text).toContain(
            '  ✖ class SendbirdUsers: no coverage reported (never run by a test, or not in the org)'
        );
        expect(text).toContain('  ~ trigger SendbirdAgentWorkTrigger: no coverage reported');
        expect(text).toContain('  2 at or above 90%');
        expect(text).toContain('✖ 1 failed tests, 2 classes and triggers below 90%.');
        expect(text).not.toContain('not counted');
    });

    it('says which Apex of the project is not in the org and why', () => {
        const text = formatVerdict(judgeTestRun(run, ours, 90), 90, [
            'force-app/omnichannel: --no-omni-channel given'
        ]);
        expect(text).toContain(
            '  - not in this org, not counted: force-app/omnichannel: --no-omni-channel given'
        );
    });
});

/** What org-detect tells from the fixtures: the org's kind and its features. */
const facts = (organization: string, objects: string) => ({
    kind: orgKindFrom(outcome(organization)).kind,
    ...featuresFrom(outcome(objects))
});
const everything = { omniChannel: true, knowledge: true };

describe('apexScope', () => {
    it('counts everything in an org with Omni-Channel and Knowledge', () => {
        expect(
            apexScope(facts('organization-scratch', 'objects-with-omni-and-knowledge'), everything)
        ).toEqual({ directories: [], names: [], notes: [] });
    });

    it('leaves out the directories of the features the org does not have, saying why', () => {
        const scope = apexScope(facts('organization-sandbox', 'objects-plain'), everything);
        expect(scope.directories).toEqual(['force-app/omnichannel', 'force-app/knowledge']);
        expect(scope.names).toEqual([]);
        expect(scope.notes).toEqual([
            expect.stringMatching(/^force-app\/omnichannel: no AgentWork object/),
            expect.stringMatching(/^force-app\/knowledge: no Knowledge__kav object/)
        ]);
    });

    it('follows --no-omni-channel and --no-knowledge as npm run deploy does', () => {
        const scope = apexScope(facts('organization-scratch', 'objects-with-omni-and-knowledge'), {
            omniChannel: false,
            knowledge: true
        });
        expect(scope).toEqual({
            directories: ['force-app/omnichannel'],
            names: [],
            notes: ['force-app/omnichannel: --no-omni-channel given']
        });
    });

    it('leaves out the AgentWork Apex in production, where the deploy leaves it out', () => {
        const scope = apexScope(
            facts('organization-production', 'objects-with-omni-and-knowledge'),
            everything
        );
        expect(scope.directories).toEqual([]);
        expect(scope.names).toEqual([
            'SendbirdAgentWorkTrigger',
            'SendbirdAgentWorkSync',
            'SendbirdAgentWorkSync_Tests'
        ]);
        expect(scope.notes[0]).toContain('npm run deploy leaves them out of production');
    });

    it('counts everything when the org could not be asked (the stricter way)', () => {
        expect(apexScope(facts('error-not-logged-in', 'error-not-logged-in'), everything)).toEqual({
            directories: [],
            names: [],
            notes: []
        });
    });
});

describe('projectApex', () => {
    let root: string;
    afterEach(() => removeProject(root));

    it('counts classes and triggers, not test classes (annotation anywhere before "class")', () => {
        const classes = 'force-app/main/default/classes';
        root = makeProject({
            [`${classes}/Api.cls`]:
                '// @IsTest is mentioned here only\npublic with sharing class Api {}\n',
            [`${classes}/Api.cls-meta.xml`]: classMeta(),
            [`${classes}/Api_Tests.cls`]: '@IsTest\nprivate class Api_Tests {}\n',
            [`${classes}/Api_Tests.cls-meta.xml`]: classMeta(),
            [`${classes}/Mock.cls`]: '@isTest(SeeAllData=false)\npublic class Mock {}\n',
            [`${classes}/Mock.cls-meta.xml`]: classMeta(),
            'force-app/main/default/triggers/OnCase.trigger':
                'trigger OnCase on Case(after update) {}\n'
        });
        expect(projectApex(readProject(root))).toEqual([
            { name: 'Api', kind: 'class' },
            { name: 'OnCase', kind: 'trigger' }
        ]);
    });
});

describe('projectApex on this project', () => {
    it('finds the AgentWork trigger among the units, and no test class', () => {
        const units = projectApex(readProject(path.resolve(__dirname, '../../..')));
        expect(units).toContainEqual({ name: 'SendbirdAgentWorkTrigger', kind: 'trigger' });
        expect(units.some((unit) => unit.name.endsWith('_Tests'))).toBe(false);
    });

    it('counts only what an org without Omni-Channel and Knowledge has', () => {
        const project = readProject(path.resolve(__dirname, '../../..'));
        const all = projectApex(project).map((unit) => unit.name);
        const scope = apexScope(facts('organization-sandbox', 'objects-plain'), everything);
        const counted = projectApex(project, scope).map((unit) => unit.name);
        expect(all).toEqual(
            expect.arrayContaining(['SendbirdAgentWorkSync', 'SendbirdPlatformClient'])
        );
        expect(counted).not.toContain('SendbirdAgentWorkSync');
        expect(counted).not.toContain('SendbirdAgentWorkTrigger');
        expect(counted).toContain('SendbirdPlatformClient');
        expect(counted).toContain('SendbirdKnowledgePush');
        expect(all.filter((name) => !counted.includes(name))).toEqual([
            'SendbirdAgentWorkSync',
            'SendbirdAgentWorkTrigger',
            'SendbirdKnowledgeArticleSelector'
        ]);
    });

    it('counts the routing metadata but not the AgentWork Apex in production', () => {
        const project = readProject(path.resolve(__dirname, '../../..'));
        const scope = apexScope(
            facts('organization-production', 'objects-with-omni-and-knowledge'),
            everything
        );
        const counted = projectApex(project, scope).map((unit) => unit.name);
        expect(counted).not.toContain('SendbirdAgentWorkSync');
        expect(counted).not.toContain('SendbirdAgentWorkTrigger');
    });
});

describe('apexTestArgs', () => {
    it('runs all local tests with coverage, in a form the installed sf accepts', () => {
        const args = apexTestArgs('ci-scratch', 30);
        expect(args.join(' ')).toBe(
            'apex run test --target-org ci-scratch --test-level RunLocalTests --code-coverage --wait 30'
        );
        expect(sfCommandProblems(args)).toEqual([]);
    });
});

describe('parseOrgTestArgs', () => {
    it('takes the org from --target-org or SF_TARGET_ORG, with a 90% default minimum', () => {
        expect(parseOrgTestArgs(['-o', 'ci'], {})).toEqual({
            targetOrg: 'ci',
            minimum: 90,
            waitMinutes: 30,
            omniChannel: true,
            knowledge: true
        });
        expect(parseOrgTestArgs(['--min-coverage', '75'], { SF_TARGET_ORG: 'dev' })).toMatchObject({
            targetOrg: 'dev',
            minimum: 75
        });
    });

    it('takes --no-omni-channel and --no-knowledge, as npm run deploy does', () => {
        expect(
            parseOrgTestArgs(['-o', 'ci', '--no-omni-channel', '--no-knowledge'], {})
        ).toMatchObject({ omniChannel: false, knowledge: false });
    });

    it('needs an org and a sensible minimum', () => {
        expect(() => parseOrgTestArgs([], {})).toThrow(
            /No target org[\s\S]*Usage: npm run org:test/
        );
        expect(() => parseOrgTestArgs(['-o', 'x', '--min-coverage', '101'], {})).toThrow(
            OrgUsageError
        );
    });
});
