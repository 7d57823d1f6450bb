import { DeployUsageError, parseDeployArgs, planDeploy } from '../deploy-plan';
import type { SfdxProject } from '../project';

const project: SfdxProject = {
    root: '/repo',
    sourceApiVersion: '65.0',
    packageDirectories: [
        '/repo/force-app/main',
        '/repo/force-app/omnichannel',
        '/repo/force-app/knowledge',
        '/repo/force-app/ai-agent-oauth'
    ],
    replacements: [
        { glob: 'x', stringToReplace: '${SENDBIRD_APP_ID}', replaceWithEnv: 'SENDBIRD_APP_ID' },
        { glob: 'y', stringToReplace: '${SENDBIRD_REGION}', replaceWithEnv: 'SENDBIRD_REGION' },
        {
            glob: 'z',
            stringToReplace: '${SENDBIRD_INTEGRATION_USERNAME}',
            replaceWithEnv: 'SENDBIRD_INTEGRATION_USERNAME'
        }
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
            '--no-knowledge',
            '--integration-user',
            'api@x.com'
        ];
        expect(parseDeployArgs(argv, {})).toEqual({
            targetOrg: undefined,
            dryRun: true,
            assignPermissionSets: false,
            omniChannel: false,
            knowledge: false,
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
            'project deploy start --source-dir force-app/main --source-dir force-app/omnichannel --source-dir force-app/knowledge --source-dir force-app/ai-agent-oauth --target-org prod --wait 30',
            'org assign permset --name Sendbird_Agent --name Sendbird_Admin --target-org prod',
            'org assign permset --name Sendbird_Integration --name Sendbird_Knowledge_Reader --on-behalf-of api@x.com --target-org prod'
        ]);
        expect(plan.env).toMatchObject({
            SENDBIRD_REGION: 'unconfigured',
            SENDBIRD_INTEGRATION_USERNAME: 'api@x.com'
        });
    });

    it('leaves out the Connected App without an integration user', () => {
        const plan = planDeploy(project, parseDeployArgs(['-o', 'prod'], {}), env);
        expect(plan.problems).toEqual([]);
        expect(plan.commands[0].args).not.toContain('force-app/ai-agent-oauth');
        expect(plan.env.SENDBIRD_INTEGRATION_USERNAME).toBeUndefined();
    });

    it('leaves out the Omni-Channel and Knowledge packages when asked', () => {
        const plan = planDeploy(
            project,
            parseDeployArgs(
                [
                    '-o',
                    'prod',
                    '--no-omni-channel',
                    '--no-knowledge',
                    '--integration-user',
                    'a@b.io'
                ],
                {}
            ),
            env
        );
        expect(plan.commands.map((command) => command.args.join(' '))).toEqual([
            'project deploy start --source-dir force-app/main --source-dir force-app/ai-agent-oauth --target-org prod --wait 30',
            'org assign permset --name Sendbird_Agent --name Sendbird_Admin --target-org prod',
            'org assign permset --name Sendbird_Integration --on-behalf-of a@b.io --target-org prod'
        ]);
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

    it('refuses values that would bend a host name or are no username', () => {
        const plan = planDeploy(
            project,
            parseDeployArgs(['-o', 'x', '--integration-user', 'not a user'], {}),
            { SENDBIRD_APP_ID: 'evil.com/#', SENDBIRD_REGION: 'us-1.evil.com' }
        );
        expect(plan.problems).toEqual([
            expect.stringContaining(
                'SENDBIRD_APP_ID "evil.com/#" is not a Sendbird application id'
            ),
            expect.stringContaining('SENDBIRD_REGION "us-1.evil.com" is not a Sendbird region'),
            expect.stringContaining(
                'SENDBIRD_INTEGRATION_USERNAME "not a user" is not a Salesforce username'
            )
        ]);
    });

    it('takes a region in place of the default', () => {
        const plan = planDeploy(project, parseDeployArgs(['-o', 'x'], {}), {
            ...env,
            SENDBIRD_REGION: 'ap-2'
        });
        expect(plan.problems).toEqual([]);
        expect(plan.env.SENDBIRD_REGION).toBe('ap-2');
    });
});
