import path from 'node:path';
import {
    componentKey,
    type PackageDirectoryComponents,
    type ProjectComponent
} from './deploy-components';
import {
    CASE_SERVICE_CHANNEL,
    deployEnvProblems,
    INTEGRATION_USERNAME,
    SENDBIRD_CASE_SERVICE_CHANNEL,
    withDeployDefaults
} from './deploy-env';
import { oauthPrerequisites } from './deploy-oauth-prerequisites';
import type { OrgDescription, OrgFeature } from '../org/org-detect';
import type { SfdxProject } from '../project/project';

/** What the admin asked `npm run deploy` to do. */
export interface DeployOptions {
    targetOrg?: string;
    dryRun: boolean;
    /** Assign Sendbird_Agent (and its companions) to the deploying user: opt-in with --assign. */
    assign: boolean;
    omniChannel: boolean;
    knowledge: boolean;
    integrationUser?: string;
}

/** The package directory that needs Omni-Channel (AgentWork, routing metadata). */
export const OMNI_CHANNEL_DIR = 'force-app/omnichannel';
/** The package directory that needs Lightning Knowledge (it names Knowledge__kav). */
export const KNOWLEDGE_DIR = 'force-app/knowledge';
/** The External Client App (client credentials run as the integration user), which needs that username. */
export const OAUTH_CLIENT_DIR = 'force-app/ai-agent-oauth';
/**
 * Where the deploy writes the Metadata API package it deploys: exactly the planned components,
 * converted with the placeholders filled (dist/ is build output). A package, not a manifest:
 * `--manifest` finds source only in sfdx-project.json's package directories, and the optional
 * directories are deliberately not among them (a plain `sf project deploy start` must deploy
 * only the core).
 */
export const DEPLOY_PACKAGE = path.join('dist', 'deploy-planned');

/** The Case assignment rule force-app/omnichannel ships (inactive). */
export const CASE_ASSIGNMENT_RULE = 'Sendbird_Chat_Routing';
const ASSIGNMENT_RULES = 'AssignmentRules:Case';
const OWN_SERVICE_CHANNEL = `ServiceChannel:${SENDBIRD_CASE_SERVICE_CHANNEL}`;
/**
 * The AgentWork trigger with its handler and tests. A production deploy needs test coverage for
 * every trigger it deploys, and no Apex test can create AgentWork (the agent must be online in
 * Omni-Channel), so production gets the routing metadata without them.
 */
export const AGENTWORK_APEX = [
    'ApexTrigger:SendbirdAgentWorkTrigger',
    'ApexClass:SendbirdAgentWorkSync',
    'ApexClass:SendbirdAgentWorkSync_Tests'
];

export const AGENT_PERMISSION_SETS = ['Sendbird_Agent', 'Sendbird_Admin'];
export const SYNC_RUNNER_PERMISSION_SET = 'Sendbird_Sync_Runner';
export const AUTOMATED_PROCESS_USER = 'the Automated Process user';
/**
 * Gives the Automated Process user Sendbird_Sync_Runner: the membership sync job runs as that user
 * and needs the permission set's principal for its callouts. Setup cannot assign permission sets
 * to that user and `sf org assign permset` cannot name it, so anonymous Apex does (idempotent).
 */
export const SYNC_RUNNER_APEX = path.join('scripts', 'deploy', 'apex', 'assign-sync-runner.apex');
export const OMNI_PERMISSION_SET = 'Sendbird_Omni_Agent';

export type Decision = 'deploy' | 'skip' | 'undecided';

/** A component of a deployed directory that stays out of this deploy, and why. */
export interface LeftOut {
    component: string;
    why: string;
}

/** What happens to one package directory. */
export interface DirectoryPlan {
    dir: string;
    decision: Decision;
    why: string;
    /** What is deployed from it (empty when skipped). */
    components: ProjectComponent[];
    leftOut: LeftOut[];
    /** What will be left out once the org is known (for a plan made without asking it). */
    notes: string[];
}

export type TestLevel = 'NoTestRun' | 'RunSpecifiedTests';

/** The tests `sf project deploy start` runs; `undecided` until the org's kind is known. */
export interface TestPlan {
    level: TestLevel | 'undecided';
    tests: string[];
    why: string;
}

/** Permission sets for one user; no `user` means the deploying user. */
export interface Assignment {
    permissionSets: string[];
    user?: string;
    /** Assigned by this anonymous Apex instead of `sf org assign permset` (see SYNC_RUNNER_APEX). */
    apexFile?: string;
}

/** One `sf` command of the plan, with why it runs. */
export interface PlannedCommand {
    purpose: string;
    args: string[];
}

/** Everything a deploy will do, decided before anything changes. */
export interface DeployPlan {
    /** The org alias or username the commands name (`<target-org>` when none was given). */
    target: string;
    org: OrgDescription;
    directories: DirectoryPlan[];
    tests: TestPlan;
    assignments: Assignment[];
    commands: PlannedCommand[];
    /** What must be fixed before a real deploy; a dry run prints them. */
    problems: string[];
    /** What must hold in the org for this deploy, stated before anything changes. */
    prerequisites: string[];
    /** The environment the commands run with: defaults and deploy-time values filled. */
    env: NodeJS.ProcessEnv;
}

export class DeployUsageError extends Error {}

const USAGE = `Usage: npm run deploy -- --target-org <alias> [--assign] [--integration-user <username>] [--no-omni-channel] [--no-knowledge] [--dry-run]
  --target-org        org alias or username (or set SF_TARGET_ORG); log in first with: npx sf org login web --alias <alias>
  --assign            assign Sendbird_Agent and Sendbird_Admin (and Sendbird_Omni_Agent with Omni-Channel) to you
  --integration-user  the API user of the AI agent and ticket server: deploys the Sendbird_AI_Agent
                      External Client App (${OAUTH_CLIENT_DIR}) running as that user, and assigns it Sendbird_Integration
  --no-omni-channel   leave out ${OMNI_CHANNEL_DIR} even if the org has Omni-Channel
  --no-knowledge      leave out ${KNOWLEDGE_DIR} even if the org has Lightning Knowledge
  --dry-run           print the plan (it asks the org what it has, and changes nothing)`;

function valueAfter(argv: string[], index: number, flag: string): string {
    const value = argv[index + 1];
    if (!value || value.startsWith('--'))
        throw new DeployUsageError(`${flag} needs a value.\n${USAGE}`);
    return value;
}

export function parseDeployArgs(argv: string[], env: NodeJS.ProcessEnv): DeployOptions {
    const options: DeployOptions = {
        targetOrg: env.SF_TARGET_ORG || undefined,
        dryRun: false,
        assign: false,
        omniChannel: true,
        knowledge: true
    };
    for (let index = 0; index < argv.length; index++) {
        const flag = argv[index];
        if (flag === '--target-org' || flag === '-o') {
            options.targetOrg = valueAfter(argv, index++, flag);
        } else if (flag === '--integration-user') {
            options.integrationUser = valueAfter(argv, index++, flag);
        } else if (flag === '--assign') {
            options.assign = true;
        } else if (flag === '--no-omni-channel') {
            options.omniChannel = false;
        } else if (flag === '--no-knowledge') {
            options.knowledge = false;
        } else if (flag === '--dry-run') {
            options.dryRun = true;
        } else if (flag === '--no-assign') {
            throw new DeployUsageError(
                `--no-assign is gone: nothing is assigned unless you pass --assign.\n${USAGE}`
            );
        } else {
            throw new DeployUsageError(`Unknown option "${flag}".\n${USAGE}`);
        }
    }
    return options;
}

/** The decision for a directory that needs an org feature (org:test counts its Apex by it too). */
export function featureDecision(
    asked: boolean,
    feature: OrgFeature,
    flag: string,
    label: string
): { decision: Decision; why: string } {
    if (!asked) return { decision: 'skip', why: `${flag} given` };
    if (feature.presence === 'present') return { decision: 'deploy', why: feature.why };
    if (feature.presence === 'absent') return { decision: 'skip', why: feature.why };
    return {
        decision: 'undecided',
        why: `${label} unknown (${feature.why}): pass ${flag} or log in`
    };
}

function directoryDecision(
    dir: string,
    options: DeployOptions,
    org: OrgDescription
): { decision: Decision; why: string } {
    switch (dir) {
        case OMNI_CHANNEL_DIR:
            return featureDecision(
                options.omniChannel,
                org.omniChannel,
                '--no-omni-channel',
                'Omni-Channel'
            );
        case KNOWLEDGE_DIR:
            return featureDecision(
                options.knowledge,
                org.knowledge,
                '--no-knowledge',
                'Lightning Knowledge'
            );
        case OAUTH_CLIENT_DIR:
            return options.integrationUser
                ? { decision: 'deploy', why: `--integration-user ${options.integrationUser}` }
                : {
                      decision: 'skip',
                      why: 'no --integration-user (the External Client App runs as that user)'
                  };
        default:
            return { decision: 'deploy', why: 'always deployed' };
    }
}

/** Components of force-app/omnichannel that this org must not get, each with the reason. */
function omniChannelLeftOut(org: OrgDescription): LeftOut[] {
    const leftOut: LeftOut[] = [];
    const channel = org.caseServiceChannel;
    if (channel.state === 'exists' && channel.name !== SENDBIRD_CASE_SERVICE_CHANNEL) {
        leftOut.push({
            component: OWN_SERVICE_CHANNEL,
            why: `the org routes Case through Service Channel "${channel.name}" already (Salesforce allows one per object); the presence status uses it`
        });
    }
    const rules = org.caseAssignmentRules;
    const ours = rules?.find((rule) => rule.name === CASE_ASSIGNMENT_RULE);
    if (!rules) {
        leftOut.push({
            component: ASSIGNMENT_RULES,
            why: `the org's Case assignment rules could not be read; ${CASE_ASSIGNMENT_RULE} is deployed only where it does not exist yet`
        });
    } else if (ours) {
        leftOut.push({
            component: ASSIGNMENT_RULES,
            why: `${CASE_ASSIGNMENT_RULE} is in the org already (${ours.active ? 'active' : 'inactive'}); deploying it again would undo what you set in Setup`
        });
    }
    if (org.kind === 'production') {
        const why =
            'production needs test coverage for every deployed trigger, and no Apex test can create AgentWork; the agent who accepts the Case becomes its owner, so the Case trigger invites them';
        leftOut.push(...AGENTWORK_APEX.map((component) => ({ component, why })));
    }
    return leftOut;
}

/** What the omnichannel plan would leave out, for the parts of the org that are unknown. */
function omniChannelNotes(org: OrgDescription): string[] {
    const notes: string[] = [];
    if (org.caseServiceChannel.state === 'unknown') {
        notes.push(
            `${OWN_SERVICE_CHANNEL} is left out where the org already has a Case Service Channel (one per object); the presence status then uses that one`
        );
    }
    if (org.kind === 'unknown') {
        notes.push(
            `in production, ${AGENTWORK_APEX.join(', ')} are left out (no Apex test can create AgentWork)`
        );
    }
    return notes;
}

function planDirectory(
    { dir, components }: PackageDirectoryComponents,
    options: DeployOptions,
    org: OrgDescription
): DirectoryPlan {
    const { decision, why } = directoryDecision(dir, options, org);
    if (decision === 'skip') return { dir, decision, why, components: [], leftOut: [], notes: [] };
    const omni = dir === OMNI_CHANNEL_DIR;
    const leftOut = omni ? omniChannelLeftOut(org) : [];
    const out = new Set(leftOut.map((entry) => entry.component));
    return {
        dir,
        decision,
        why,
        components: components.filter((component) => !out.has(componentKey(component))),
        leftOut: leftOut.filter((entry) =>
            components.some((c) => componentKey(c) === entry.component)
        ),
        notes: omni ? omniChannelNotes(org) : []
    };
}

/**
 * Production runs the `_Tests` classes of what is deployed (RunSpecifiedTests): each deployed
 * class and trigger must reach 75% from them, and the customer's own tests, which may fail for
 * reasons of their own, do not block our deploy. Elsewhere tests are optional (NoTestRun).
 */
function planTests(org: OrgDescription, deployed: ProjectComponent[]): TestPlan {
    const tests = deployed
        .filter((c) => c.type === 'ApexClass' && c.fullName.endsWith('_Tests'))
        .map((c) => c.fullName)
        .sort();
    switch (org.kind) {
        case 'production':
            return tests.length > 0
                ? {
                      level: 'RunSpecifiedTests',
                      tests,
                      why: `${org.kindWhy}: our ${tests.length} test classes must pass and cover each class and trigger to 75%`
                  }
                : { level: 'NoTestRun', tests, why: `${org.kindWhy}, but no Apex is deployed` };
        case 'unknown':
            return {
                level: 'undecided',
                tests,
                why: 'RunSpecifiedTests with the test classes below in production, NoTestRun elsewhere'
            };
        default:
            return {
                level: 'NoTestRun',
                tests: [],
                why: `${org.kindWhy}: tests are optional here; run them all with npm run org:test`
            };
    }
}

function assignmentPurpose(assignment: Assignment): string {
    if (assignment.apexFile) {
        return `give ${assignment.user} ${assignment.permissionSets.join(', ')} (the membership sync job runs as that user)`;
    }
    return assignment.user
        ? 'give the integration user its permission sets'
        : 'give you the agent and admin permission sets';
}

function assignArgs(assignment: Assignment, org: string): string[] {
    if (assignment.apexFile) {
        return ['apex', 'run', '--file', assignment.apexFile, '--target-org', org];
    }
    return [
        'org',
        'assign',
        'permset',
        ...assignment.permissionSets.flatMap((name) => ['--name', name]),
        ...(assignment.user ? ['--on-behalf-of', assignment.user] : []),
        '--target-org',
        org
    ];
}

/** Problems that stop a real deploy because the org could not be asked. */
function detectionProblems(
    org: OrgDescription,
    directories: DirectoryPlan[],
    target: string
): string[] {
    const relogin = `Log in again (npx sf org login web --alias ${target})`;
    // One cause (no login, no network) makes every question fail: say it once.
    if (org.kind === 'unknown') {
        return [
            `Could not ask ${target} what kind of org it is (${org.kindWhy}). ${relogin}, or check the alias with: npx sf org list.`
        ];
    }
    const problems = directories
        .filter((dir) => dir.decision === 'undecided')
        .map((dir) => `${dir.dir}: ${dir.why}.`);
    const omni = directories.find((d) => d.dir === OMNI_CHANNEL_DIR);
    if (omni?.decision === 'deploy' && org.caseServiceChannel.state === 'unknown') {
        problems.push(
            `${OMNI_CHANNEL_DIR}: ${org.caseServiceChannel.why}. ${relogin}, or pass --no-omni-channel.`
        );
    }
    return problems;
}

/**
 * The whole deploy, decided from the options, the org's description and the components of each
 * package directory. Pure: it runs nothing.
 */
export function planDeploy(
    project: SfdxProject,
    options: DeployOptions,
    env: NodeJS.ProcessEnv,
    org: OrgDescription,
    components: PackageDirectoryComponents[]
): DeployPlan {
    const target = options.targetOrg ?? '<target-org>';
    const directories = components.map((dir) => planDirectory(dir, options, org));
    const deployed = directories.flatMap((dir) => dir.components);
    const tests = planTests(org, deployed);
    const decisionOf = (dir: string) => directories.find((d) => d.dir === dir)?.decision ?? 'skip';

    const deployEnv = withDeployDefaults(env);
    if (options.integrationUser) deployEnv[INTEGRATION_USERNAME] = options.integrationUser;
    if (org.caseServiceChannel.state === 'exists') {
        deployEnv[CASE_SERVICE_CHANNEL] = org.caseServiceChannel.name;
    }

    const assignments: Assignment[] = [];
    if (options.assign) {
        const omni = decisionOf(OMNI_CHANNEL_DIR) === 'skip' ? [] : [OMNI_PERMISSION_SET];
        assignments.push({ permissionSets: [...AGENT_PERMISSION_SETS, ...omni] });
        assignments.push({
            permissionSets: [SYNC_RUNNER_PERMISSION_SET],
            user: AUTOMATED_PROCESS_USER,
            apexFile: SYNC_RUNNER_APEX
        });
    }
    if (options.integrationUser) {
        const reader = decisionOf(KNOWLEDGE_DIR) === 'skip' ? [] : ['Sendbird_Knowledge_Reader'];
        assignments.push({
            permissionSets: ['Sendbird_Integration', ...reader],
            user: options.integrationUser
        });
    }

    const testArgs =
        tests.level === 'undecided'
            ? []
            : ['--test-level', tests.level, ...tests.tests.flatMap((name) => ['--tests', name])];
    const commands: PlannedCommand[] = [
        {
            purpose:
                'deploy the planned components (converted with the placeholders filled from the environment)',
            args: [
                'project',
                'deploy',
                'start',
                '--metadata-dir',
                DEPLOY_PACKAGE,
                '--target-org',
                target,
                '--wait',
                '30',
                ...testArgs
            ]
        },
        ...assignments.map((assignment) => ({
            purpose: assignmentPurpose(assignment),
            args: assignArgs(assignment, target)
        }))
    ];

    const problems = deployEnvProblems(
        project,
        deployEnv,
        options.integrationUser ? [] : [INTEGRATION_USERNAME]
    );
    if (options.targetOrg) {
        problems.push(...detectionProblems(org, directories, options.targetOrg));
    } else {
        problems.unshift('No target org. Pass --target-org <alias> or set SF_TARGET_ORG.');
    }
    const prerequisites: string[] = [];
    if (options.integrationUser && decisionOf(OAUTH_CLIENT_DIR) === 'deploy') {
        const check = org.integrationUser ?? {
            state: 'unknown' as const,
            why: options.targetOrg ? 'not asked' : 'no target org'
        };
        const oauth = oauthPrerequisites(options.integrationUser, check);
        prerequisites.push(...oauth.prerequisites);
        problems.push(...oauth.problems);
    }
    return {
        target,
        org,
        directories,
        tests,
        assignments,
        commands,
        problems,
        prerequisites,
        env: deployEnv
    };
}

/** How to call the script; printed with every usage problem. */
export { USAGE as DEPLOY_USAGE };
