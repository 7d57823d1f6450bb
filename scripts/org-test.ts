import { OrgUsageError, parseScriptArgs, wholeNumber } from './lib/org-args';
import { apexTestArgs, formatVerdict, judgeTestRun, projectApex } from './lib/org-coverage';
import { projectSf } from './lib/org-sf';
import { readProject } from './lib/project';

const USAGE = `Usage: npm run org:test -- --target-org <alias> [--min-coverage <percent>] [--wait <minutes>]
  --target-org    the org to test in (or SF_TARGET_ORG), with every package directory deployed
  --min-coverage  the least coverage each of this project's classes and triggers needs (default 90)
  --wait          minutes to wait for the run (default 30)`;

/** `npm run org:test`: run the Apex tests in an org and fail below the coverage minimum. */
async function main(): Promise<void> {
    const values = parseScriptArgs(
        process.argv.slice(2),
        {
            'target-org': { type: 'string', short: 'o' },
            'min-coverage': { type: 'string' },
            wait: { type: 'string', short: 'w' }
        },
        USAGE
    );
    const targetOrg = values['target-org'] ?? process.env.SF_TARGET_ORG;
    if (!targetOrg) throw new OrgUsageError(`No target org.\n${USAGE}`);
    const minimum = wholeNumber(values['min-coverage'], 90, [0, 100], '--min-coverage', USAGE);
    const waitMinutes = wholeNumber(values.wait, 30, [1, 240], '--wait', USAGE);

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
