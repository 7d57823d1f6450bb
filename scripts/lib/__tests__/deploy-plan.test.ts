import { DeployUsageError, parseDeployArgs, planDeploy } from '../deploy-plan';
import type { SfdxProject } from '../project';

const project: SfdxProject = {
    root: '/repo',
    sourceApiVersion: '65.0',
    packageDirectories: ['/repo/force-app/main', '/repo/force-app/omnichannel'],
    replacements: [
        { glob: 'x', stringToReplace: '${SENDBIRD_APP_ID}', replaceWithEnv: 'SENDBIRD_APP_ID' }
    ]
};
const env = { SENDBIRD_APP_ID: '0A1B2C3D-1111-2222-3333-444455556666' };

describe('parseDeployArgs', () => {
    it('takes the org from --target-org, -o or SF_TARGET_ORG', () => {
        expect(parseDeployArgs(['--target-org', 'prod'], {}).targetOrg).toBe('prod');
        expect(parseDeployArgs(['-o', 'dev'], {}).targetOrg).toBe('dev');
        expect(parseDeployArgs([], { SF_TARGET_ORG: 'ci' }).targetOrg).toBe('ci');
        expect(parseDeployArgs(['-o', 'dev'], { SF_TARGET_ORG: 'ci' }).targetOrg).toBe('dev');
    });

    it('reads the switches', () => {
        const argv = [
            '--dry-run',
            '--no-assign',
            '--no-omni-channel',
            '--integration-user',
            'api@x.com'
        ];
        expect(parseDeployArgs(argv, {})).toEqual({
            targetOrg: undefined,
            dryRun: true,
            assignPermissionSets: false,
            omniChannel: false,
            integrationUser: 'api@x.com'
        });
    });

    it('rejects unknown options and missing values with the usage', () => {
        expect(() => parseDeployArgs(['--force'], {})).toThrow(DeployUsageError);
        expect(() => parseDeployArgs(['--target-org'], {})).toThrow(
            /--target-org needs a value[\s\S]*Usage/
        );
        expect(() => parseDeployArgs(['--target-org', '--dry-run'], {})).toThrow(/needs a value/);
    });
});

describe('planDeploy', () => {
    it('deploys every package directory, then assigns the permission sets', () => {
        const options = parseDeployArgs(['-o', 'prod', '--integration-user', 'api@x.com'], {});
        const plan = planDeploy(project, options, env);
        expect(plan.problems).toEqual([]);
        expect(plan.commands.map((command) => command.args.join(' '))).toEqual([
            'project deploy start --source-dir force-app/main --source-dir force-app/omnichannel --target-org prod --wait 30',
            'org assign permset --name Sendbird_Agent --name Sendbird_Admin --target-org prod',
            'org assign permset --name Sendbird_Integration --on-behalf-of api@x.com --target-org prod'
        ]);
    });

    it('leaves out the Omni-Channel package on --no-omni-channel', () => {
        const plan = planDeploy(
            project,
            parseDeployArgs(['-o', 'prod', '--no-omni-channel'], {}),
            env
        );
        expect(plan.commands[0].args.join(' ')).toBe(
            'project deploy start --source-dir force-app/main --target-org prod --wait 30'
        );
    });

    it('skips the permission sets on --no-assign', () => {
        const plan = planDeploy(project, parseDeployArgs(['-o', 'prod', '--no-assign'], {}), env);
        expect(plan.commands.map((command) => command.args[1])).toEqual(['deploy']);
    });

    it('explains what is missing without an org or app id', () => {
        const plan = planDeploy(project, parseDeployArgs([], {}), {});
        expect(plan.problems).toEqual([
            'No target org. Pass --target-org <alias> or set SF_TARGET_ORG.',
            'SENDBIRD_APP_ID is not set. Export it before deploying, e.g. SENDBIRD_APP_ID=<value> npm run deploy.'
        ]);
        expect(plan.commands[0].args).toContain('<target-org>');
    });

    it('refuses an app id that is not a host-name label', () => {
        const plan = planDeploy(project, parseDeployArgs(['-o', 'x'], {}), {
            SENDBIRD_APP_ID: 'evil.com/#'
        });
        expect(plan.problems).toEqual([
            expect.stringContaining('SENDBIRD_APP_ID "evil.com/#" is not a Sendbird application id')
        ]);
    });
});
