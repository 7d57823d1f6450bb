import path from 'node:path';
import { build } from '../build/build';
import { listComponents } from './deploy-components';
import { buildDeployPackage } from './deploy-package';
import {
    DEPLOY_PACKAGE,
    DEPLOY_USAGE,
    DeployUsageError,
    parseDeployArgs,
    planDeploy
} from './deploy-plan';
import { formatPlan, formatSummary } from './deploy-report';
import { describeOrg, unknownOrg } from '../org/org-detect';
import { projectSf } from '../org/org-sf';
import { readProject } from '../project/project';

/**
 * `npm run deploy`: ask the org what it has, plan, then build, deploy the planned components
 * with sf, assign permission sets when asked, and say what is left. `--dry-run` stops after
 * the plan.
 */
async function main(): Promise<void> {
    const root = process.cwd();
    const project = readProject(root);
    const options = parseDeployArgs(process.argv.slice(2), process.env);
    const sf = projectSf(root);
    if (options.targetOrg) console.log(`Asking ${options.targetOrg} what it has...`);
    const org = options.targetOrg
        ? await describeOrg(sf, options.targetOrg, options.integrationUser)
        : unknownOrg('no target org');
    const plan = planDeploy(project, options, process.env, org, listComponents(project));
    if (options.dryRun) {
        console.log(formatPlan(plan));
        return;
    }
    if (plan.problems.length > 0) {
        throw new DeployUsageError(`${plan.problems.join('\n')}\n${DEPLOY_USAGE}`);
    }
    for (const prerequisite of plan.prerequisites) console.log(`! ${prerequisite}`);
    // The build and every sf command fill the placeholders from this environment.
    Object.assign(process.env, plan.env);
    await build(root);
    const components = plan.directories.flatMap((dir) => dir.components);
    // SDR fills every placeholder here, and fails naming any variable that is unset.
    await buildDeployPackage(project, path.join(root, DEPLOY_PACKAGE), {
        applyReplacements: true,
        only: components
    });
    for (const command of plan.commands) {
        console.log(`\n→ ${command.purpose}\n  sf ${command.args.join(' ')}`);
        const status = sf.interactive(command.args);
        if (status !== 0) {
            throw new Error(`"sf ${command.args.slice(0, 3).join(' ')}" failed (exit ${status}).`);
        }
    }
    console.log(`\n${formatSummary(plan)}`);
}

main().catch((error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    console.error(error instanceof DeployUsageError ? message : `✖ Deploy failed: ${message}`);
    process.exitCode = 1;
});
