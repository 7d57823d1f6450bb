import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { listComponents } from '../deploy/deploy-components';
import { parseDeployArgs, planDeploy } from '../deploy/deploy-plan';
import { formatPlan } from '../deploy/deploy-report';
import { DETECTION_COMMANDS, unknownOrg } from '../org/org-detect';
import { projectSf } from '../org/org-sf';
import { readProject } from '../project/project';
import { percentile } from './support/load';

export const title = 'npm run deploy: plan (SDR component list) and org detection overhead';

const ROOT = path.resolve(__dirname, '../..');
const RUNS = 5;

const median = (values: number[]) => percentile(values, 0.5);

async function timed(run: () => unknown): Promise<number> {
    const start = performance.now();
    await run();
    return performance.now() - start;
}

/**
 * The plan is what a dry run costs without an org. Detection adds four sf commands in parallel;
 * with no org here, each fails at once after sf has started, which is the part we control (the
 * org's answer time is the network's).
 */
export async function run(): Promise<void> {
    const project = readProject(ROOT);
    const options = parseDeployArgs(['--dry-run'], {});
    const plans: number[] = [];
    let components = 0;
    for (let index = 0; index < RUNS; index++) {
        plans.push(
            await timed(() => {
                const listed = listComponents(project);
                components = listed.reduce((sum, dir) => sum + dir.components.length, 0);
                formatPlan(planDeploy(project, options, {}, unknownOrg('bench'), listed));
            })
        );
    }
    console.log(
        `  plan + dry-run text, ${components} components: median ${median(plans).toFixed(0)} ms of ${RUNS}`
    );

    const sf = projectSf(ROOT);
    const ask = (args: readonly string[]) =>
        sf.json([...args, '--target-org', 'bench-no-such-org']);
    const single: number[] = [];
    for (let index = 0; index < 3; index++) {
        single.push(await timed(() => ask(DETECTION_COMMANDS.organization)));
    }
    console.log(`  one sf command, start-up only: median ${median(single).toFixed(0)} ms of 3`);
    const detections: number[] = [];
    for (let index = 0; index < 3; index++) {
        detections.push(await timed(() => Promise.all(Object.values(DETECTION_COMMANDS).map(ask))));
    }
    console.log(
        `  detection: 4 sf commands in parallel, sf start-up only: median ${median(detections).toFixed(0)} ms of 3`
    );
}
