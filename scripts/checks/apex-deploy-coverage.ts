import path from 'node:path';
import type { Finding } from './shared/findings';
import { runGateCommand, type Gate, type GateResult } from './shared/gate';
import type { PackageDirectoryComponents } from '../deploy/deploy-components';
import { planDeploy, type DeployPlan } from '../deploy/deploy-plan';
import type { OrgDescription } from '../org/org-detect';
import { listApexFiles, readProject, type SfdxProject } from '../project/project';
import { ApexFlow } from './apex-flow/apex-flow';
import { statementsOf } from './apex-flow/apex-model';
import { loadApexProject, testMethods, testSetupMethods } from './apex-flow/apex-project';

/** The per-class bar a production deploy (RunSpecifiedTests) enforces. */
export const MINIMUM_SHARE = 0.75;

/** The deploy plans a production org can get, by which optional features it has. */
export const PLANS = [
    { name: 'core only', omniChannel: false, knowledge: false },
    { name: 'core + Omni-Channel', omniChannel: true, knowledge: false },
    { name: 'core + Knowledge', omniChannel: false, knowledge: true },
    { name: 'everything', omniChannel: true, knowledge: true }
] as const;

function productionOrg(omniChannel: boolean, knowledge: boolean): OrgDescription {
    const feature = (present: boolean) => ({
        presence: present ? ('present' as const) : ('absent' as const),
        why: present ? 'assumed present' : 'assumed absent'
    });
    return {
        kind: 'production',
        kindWhy: 'a production org',
        omniChannel: feature(omniChannel),
        knowledge: feature(knowledge),
        caseServiceChannel: { state: 'none' },
        caseAssignmentRules: []
    };
}

/** What one plan deploys and runs, as file lists. */
export interface PlanApex {
    name: string;
    /** Deployed classes and triggers that are not tests. */
    classes: string[];
    /** The test classes the deploy runs (RunSpecifiedTests). */
    tests: string[];
    /** Every deployed Apex file (the call graph sees only what the org will have). */
    files: string[];
    /** Objects the plan's org lacks (lower-case), as the code probes for them at run time. */
    absentObjects: string[];
}

/** What a plan's org lacks: Knowledge's article object, Omni-Channel's objects. */
const KNOWLEDGE_OBJECTS = ['knowledge__kav'];
const OMNI_CHANNEL_OBJECTS = [
    'agentwork',
    'servicechannel',
    'servicepresencestatus',
    'pendingservicerouting',
    'userservicepresence'
];

const apexName = (file: string) => path.basename(file).replace(/\.(cls|trigger)$/, '');

/**
 * The Apex classes and triggers of each package directory, as `planDeploy` takes components
 * (the plan needs only these; SDR would also want the built static resource).
 */
export function apexComponents(project: SfdxProject): PackageDirectoryComponents[] {
    const apexFiles = listApexFiles(project);
    return project.packageDirectories.map((dir) => ({
        dir: path.relative(project.root, dir).split(path.sep).join('/'),
        components: apexFiles
            .filter((file) => file.startsWith(dir + path.sep))
            .map((file) => ({
                type: file.endsWith('.trigger') ? 'ApexTrigger' : 'ApexClass',
                fullName: apexName(file)
            }))
    }));
}

/** The Apex each production plan deploys and the tests it runs, from `planDeploy` itself. */
export function planApex(project: SfdxProject): PlanApex[] {
    const apexFiles = listApexFiles(project);
    const byName = new Map(apexFiles.map((file) => [apexName(file), file]));
    const components = apexComponents(project);
    return PLANS.map(({ name, omniChannel, knowledge }) => {
        const plan: DeployPlan = planDeploy(
            project,
            { targetOrg: 'coverage-check', dryRun: true, assign: false, omniChannel, knowledge },
            {},
            productionOrg(omniChannel, knowledge),
            components
        );
        const apex = plan.directories
            .flatMap((dir) => dir.components)
            .filter((c) => c.type === 'ApexClass' || c.type === 'ApexTrigger');
        const files = apex.map((c) => byName.get(c.fullName)).filter((f): f is string => !!f);
        const tests = plan.tests.tests.map((t) => byName.get(t)).filter((f): f is string => !!f);
        const absentObjects = [
            ...(knowledge ? [] : KNOWLEDGE_OBJECTS),
            ...(omniChannel ? [] : OMNI_CHANNEL_OBJECTS)
        ];
        return {
            name,
            files,
            tests,
            absentObjects,
            classes: files.filter((file) => !tests.includes(file))
        };
    });
}

/** Per deployed class: its statements, and how many the plan's tests can reach. */
export interface ClassReach {
    file: string;
    statements: number;
    reached: number;
}

export function reachOf(plan: PlanApex): ClassReach[] {
    const apex = loadApexProject(plan.files);
    const reached = new Set<string>();
    const flow = new ApexFlow(apex.index, {
        onStatement: (id) => reached.add(id),
        absentObjects: plan.absentObjects
    });
    const testTypes = apex.types.filter((type) => plan.tests.includes(type.file));
    for (const method of [...testSetupMethods(testTypes), ...testMethods(testTypes)]) {
        flow.walkTest(method);
    }
    return plan.classes.flatMap((file) => {
        const ids = apex.types
            .filter((type) => type.file === file && !type.isTest)
            .flatMap((type) => type.methods)
            .flatMap((method) => statementsOf(file, method.body))
            .map((statement) => statement.id);
        if (ids.length === 0) return [];
        return [
            { file, statements: ids.length, reached: ids.filter((id) => reached.has(id)).length }
        ];
    });
}

const percent = (share: number) => `${Math.round(share * 100)}%`;

/**
 * For each production deploy plan (core only, + Omni-Channel, + Knowledge, everything): the
 * classes it deploys, the tests it runs, and per class the share of its statements that the
 * plan's tests can reach through the call graph. Below 75% the deploy would likely fail, since
 * production checks each class: a class reached by no test of the plan, or reached only on
 * paths the tests switch off (`SendbirdKnowledge.unavailable = true`), shows up here.
 */
export async function checkDeployCoverage(root: string): Promise<GateResult> {
    const project = readProject(root);
    const findings: Finding[] = [];
    const lines: string[] = [];
    for (const plan of planApex(project)) {
        const reach = reachOf(plan);
        for (const { file, statements, reached } of reach) {
            const share = reached / statements;
            if (share >= MINIMUM_SHARE) continue;
            findings.push({
                file,
                message: `${plan.name}: about ${percent(share)} of ${path.basename(file)}'s statements (${reached} of ${statements}) are reachable from the test classes this production deploy runs; each class needs 75%.`
            });
        }
        lines.push(
            `${plan.name}: ${plan.classes.length} classes and triggers, ${plan.tests.length} test classes`
        );
    }
    return { findings, summary: `${lines.join('; ')}.` };
}

export const deployCoverageGate: Gate = {
    name: 'Apex coverage by deploy subset',
    check: checkDeployCoverage
};

if (require.main === module) {
    void runGateCommand(deployCoverageGate);
}
