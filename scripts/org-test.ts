import { OrgUsageError } from './lib/org-args';
import {
    apexTestArgs,
    formatVerdict,
    judgeTestRun,
    parseOrgTestArgs,
    projectApex
} from './lib/org-coverage';
import { projectSf } from './lib/org-sf';
import { readProject } from './lib/project';

/** `npm run org:test`: run the Apex tests in an org and fail below the coverage minimum. */
async function main(): Promise<void> {
    const { targetOrg, minimum, waitMinutes } = parseOrgTestArgs(
        process.argv.slice(2),
        process.env
    );

    console.log(`Running all Apex tests in ${targetOrg} with coverage...`);
    const outcome = await projectSf(process.cwd()).json(apexTestArgs(targetOrg, waitMinutes));
    if (!outcome.ok && outcome.result === undefined) {
        throw new Error(`sf apex run test failed: ${outcome.name}: ${outcome.message}`);
    }
    const verdict = judgeTestRun(outcome.result, projectApex(readProject(process.cwd())), minimum);
    console.log(formatVerdict(verdict, minimum));
    if (!verdict.ok) process.exitCode = 1;
}

main().catch((error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    console.error(error instanceof OrgUsageError ? message : `✖ ${message}`);
    process.exitCode = 1;
});
