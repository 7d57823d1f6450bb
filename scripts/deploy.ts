import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { build } from './build';
import {
    DEPLOY_USAGE,
    DeployUsageError,
    parseDeployArgs,
    planDeploy,
    type PlannedCommand
} from './lib/deploy-plan';
import { readProject } from './lib/project';

const REMAINING_STEPS = `
Still to do in the org (Setup):
  1. Named Credentials > External Credentials > Sendbird > Principals > ApiTokenPrincipal:
     Edit > Authentication Parameters > add "ApiToken" = your Sendbird API token
     (Sendbird Dashboard > Settings > Application > General > API tokens).
  2. Assign the Sendbird_Agent permission set to every support agent and to everyone who
     reassigns or closes Cases; Sendbird_Admin to whoever reviews sync failures.
  3. For the Sendbird AI agent (see README, "OAuth for the AI agent"): App Manager >
     Sendbird AI Agent > View > Manage Consumer Details, and paste the consumer key and secret
     into Sendbird Dashboard > Workspace settings > Integrations > Salesforce. Optional scopes
     the seed lists (content, lightning, interaction_api, sfap_api) are ticked there by hand.
  4. Set AI_Agent_Webhook_Path__c in Custom Metadata Types > Sendbird Settings > Default to
     tell the AI agent when its Cases close.
`;

function sfCommand(root: string): string {
    return path.join(root, 'node_modules', '.bin', 'sf');
}

function run(root: string, command: PlannedCommand): void {
    console.log(`\n→ ${command.purpose}\n  sf ${command.args.join(' ')}`);
    const result = spawnSync(sfCommand(root), command.args, { stdio: 'inherit' });
    if (result.status !== 0) {
        throw new Error(
            `"sf ${command.args.slice(0, 3).join(' ')}" failed (exit ${result.status ?? result.signal}).`
        );
    }
}

/** `npm run deploy`: build, deploy with sf, assign permission sets, then say what is left. */
async function main(): Promise<void> {
    const root = process.cwd();
    const project = readProject(root);
    const options = parseDeployArgs(process.argv.slice(2), process.env);
    const { commands, problems, env } = planDeploy(project, options, process.env);
    if (options.dryRun) {
        console.log('Deploy plan (dry run, nothing is changed):');
        for (const command of commands) {
            console.log(`  sf ${command.args.join(' ')}    # ${command.purpose}`);
        }
        problems.forEach((problem) => console.log(`  ! before a real deploy: ${problem}`));
        return;
    }
    if (problems.length > 0) {
        throw new DeployUsageError(`${problems.join('\n')}\n${DEPLOY_USAGE}`);
    }
    // The build and every sf command fill the placeholders from this environment.
    Object.assign(process.env, env);
    await build(root);
    commands.forEach((command) => run(root, command));
    console.log(`\n✔ Deployed to ${options.targetOrg}.${REMAINING_STEPS}`);
}

main().catch((error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    console.error(error instanceof DeployUsageError ? message : `✖ Deploy failed: ${message}`);
    process.exitCode = 1;
});
