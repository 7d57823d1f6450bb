import { OrgUsageError } from './org-args';
import {
    apexScope,
    apexTestArgs,
    formatVerdict,
    judgeTestRun,
    parseOrgTestArgs,
    projectApex
} from './org-coverage';
import { describeOrgFeatures } from './org-detect';
import { projectSf } from './org-sf';
import { readProject } from '../project/project';

/** `npm run org:test`: run the Apex tests in an org and fail below the coverage minimum. */
async function main(): Promise<void> {
    const options = parseOrgTestArgs(process.argv.slice(2), process.env);
    const { targetOrg, minimum, waitMinutes } = options;
    const sf = projectSf(process.cwd());

    // Count only the Apex the org has: npm run deploy leaves out what the org cannot take.
    console.log(`Asking ${targetOrg} what it has...`);
    const scope = apexScope(await describeOrgFeatures(sf, targetOrg), options);

    console.log(`Running all Apex tests in ${targetOrg} with coverage...`);
    const outcome = await sf.json(apexTestArgs(targetOrg, waitMinutes));
    if (!outcome.ok && outcome.result === undefined) {
        throw new Error(`sf apex run test failed: ${outcome.name}: ${outcome.message}`);
    }
    const ours = projectApex(readProject(process.cwd()), scope);
    const verdict = judgeTestRun(outcome.result, ours, minimum);
    console.log(formatVerdict(verdict, minimum, scope.notes));
    if (!verdict.ok) process.exitCode = 1;
}

main().catch((error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    console.error(error instanceof OrgUsageError ? message : `✖ ${message}`);
    process.exitCode = 1;
});
