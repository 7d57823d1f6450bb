import path from 'node:path';
import { deployEnvProblems, INTEGRATION_USERNAME, withDeployDefaults } from './deploy-env';
import type { SfdxProject } from './project';

/** What the admin asked `npm run deploy` to do. */
export interface DeployOptions {
    targetOrg?: string;
    dryRun: boolean;
    assignPermissionSets: boolean;
    omniChannel: boolean;
    knowledge: boolean;
    integrationUser?: string;
}

/** The package directory that needs Omni-Channel (it names AgentWork). */
export const OMNI_CHANNEL_DIR = path.join('force-app', 'omnichannel');
/** The package directory that needs Lightning Knowledge (it names Knowledge__kav). */
export const KNOWLEDGE_DIR = path.join('force-app', 'knowledge');
/** The Connected App, which needs the integration user's username. */
export const OAUTH_CLIENT_DIR = path.join('force-app', 'ai-agent-oauth');

/** The plan of a deploy: the `sf` commands in order, and what stops it from running. */
export interface DeployPlan {
    commands: PlannedCommand[];
    problems: string[];
    /** The environment the commands run with: defaults and the integration username filled. */
    env: NodeJS.ProcessEnv;
}

/** One `sf` command of the plan, with why it runs. */
export interface PlannedCommand {
    purpose: string;
    args: string[];
}

export class DeployUsageError extends Error {}

const USAGE = `Usage: npm run deploy -- --target-org <alias> [--integration-user <username>] [--no-omni-channel] [--no-knowledge] [--no-assign] [--dry-run]
  --target-org        org alias or username (or set SF_TARGET_ORG); log in first with: npx sf org login web --alias <alias>
  --integration-user  the API user of the AI agent and ticket server: deploys the Sendbird_AI_Agent
                      Connected App (${OAUTH_CLIENT_DIR}) running as that user, and assigns it Sendbird_Integration
  --no-omni-channel   leave out ${OMNI_CHANNEL_DIR} (the AgentWork trigger), for orgs without Omni-Channel
  --no-knowledge      leave out ${KNOWLEDGE_DIR} (Knowledge reader permission set and tests), for orgs without Lightning Knowledge
  --no-assign         do not assign Sendbird_Agent and Sendbird_Admin to the deploying user
  --dry-run           print the plan without deploying`;

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
        assignPermissionSets: true,
        omniChannel: true,
        knowledge: true
    };
    for (let index = 0; index < argv.length; index++) {
        const flag = argv[index];
        if (flag === '--target-org' || flag === '-o') {
            options.targetOrg = valueAfter(argv, index++, flag);
        } else if (flag === '--integration-user') {
            options.integrationUser = valueAfter(argv, index++, flag);
        } else if (flag === '--no-assign') {
            options.assignPermissionSets = false;
        } else if (flag === '--no-omni-channel') {
            options.omniChannel = false;
        } else if (flag === '--no-knowledge') {
            options.knowledge = false;
        } else if (flag === '--dry-run') {
            options.dryRun = true;
        } else {
            throw new DeployUsageError(`Unknown option "${flag}".\n${USAGE}`);
        }
    }
    return options;
}

/**
 * The `sf` commands a deploy runs, in order, and the problems (no org, missing or invalid
 * environment) that must be fixed before it can run.
 */
export function planDeploy(
    project: SfdxProject,
    options: DeployOptions,
    env: NodeJS.ProcessEnv
): DeployPlan {
    const deployEnv = withDeployDefaults(env);
    if (options.integrationUser) deployEnv[INTEGRATION_USERNAME] = options.integrationUser;
    const left = new Set<string>([
        ...(options.omniChannel ? [] : [OMNI_CHANNEL_DIR]),
        ...(options.knowledge ? [] : [KNOWLEDGE_DIR]),
        ...(options.integrationUser ? [] : [OAUTH_CLIENT_DIR])
    ]);
    const problems = deployEnvProblems(
        project,
        deployEnv,
        options.integrationUser ? [] : [INTEGRATION_USERNAME]
    );
    if (!options.targetOrg) {
        problems.unshift('No target org. Pass --target-org <alias> or set SF_TARGET_ORG.');
    }
    const org = options.targetOrg ?? '<target-org>';
    const sourceDirs = project.packageDirectories
        .map((dir) => path.relative(project.root, dir))
        .filter((dir) => !left.has(dir))
        .flatMap((dir) => ['--source-dir', dir]);
    const commands: PlannedCommand[] = [
        {
            purpose: 'deploy the metadata (sf fills the placeholders from the environment)',
            args: ['project', 'deploy', 'start', ...sourceDirs, '--target-org', org, '--wait', '30']
        }
    ];
    if (options.assignPermissionSets) {
        commands.push({
            purpose: 'give the deploying user the agent and admin permission sets',
            args: assignArgs(['Sendbird_Agent', 'Sendbird_Admin'], org)
        });
    }
    if (options.integrationUser) {
        const sets = [
            'Sendbird_Integration',
            ...(options.knowledge ? ['Sendbird_Knowledge_Reader'] : [])
        ];
        commands.push({
            purpose: 'give the integration user its permission sets',
            args: assignArgs(sets, org, options.integrationUser)
        });
    }
    return { commands, problems, env: deployEnv };
}

function assignArgs(permissionSets: string[], org: string, onBehalfOf?: string): string[] {
    return [
        'org',
        'assign',
        'permset',
        ...permissionSets.flatMap((name) => ['--name', name]),
        ...(onBehalfOf ? ['--on-behalf-of', onBehalfOf] : []),
        '--target-org',
        org
    ];
}

/** How to call the script; printed with every usage problem. */
export { USAGE as DEPLOY_USAGE };
