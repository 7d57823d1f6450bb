import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { sfCommandProblems } from '../../test-support/sf-cli-manifest';
import { componentKey, listComponents } from '../deploy-components';
import {
    AGENTWORK_APEX,
    DeployUsageError,
    parseDeployArgs,
    planDeploy,
    SYNC_RUNNER_APEX,
    SYNC_RUNNER_PERMISSION_SET,
    type DeployOptions
} from '../deploy-plan';
import { unknownOrg, type OrgDescription } from '../../org/org-detect';
import { readProject } from '../../project/project';
import { components, env, org, project } from './fixtures/deploy';

const plan = (argv: string[], description: OrgDescription, environment: NodeJS.ProcessEnv = env) =>
    planDeploy(project, parseDeployArgs(argv, {}), environment, description, components);
const commandLines = (planned: ReturnType<typeof plan>) =>
    planned.commands.map((command) => command.args.join(' '));
const decisions = (planned: ReturnType<typeof plan>) =>
    Object.fromEntries(planned.directories.map((dir) => [dir.dir, dir.decision]));

describe('parseDeployArgs', () => {
    it('takes the org from --target-org, -o or SF_TARGET_ORG', () => {
        expect(parseDeployArgs(['--target-org', 'prod'], {}).targetOrg).toBe('prod');
        expect(parseDeployArgs(['-o', 'dev'], {}).targetOrg).toBe('dev');
        expect(parseDeployArgs([], { SF_TARGET_ORG: 'ci' }).targetOrg).toBe('ci');
        expect(parseDeployArgs(['-o', 'dev'], { SF_TARGET_ORG: 'ci' }).targetOrg).toBe('dev');
    });

    it('reads the switches; nothing is assigned unless asked', () => {
        expect(parseDeployArgs([], {}).assign).toBe(false);
        const argv = [
            '--dry-run',
            '--assign',
            '--no-omni-channel',
            '--no-knowledge',
            '--integration-user',
            'api@x.com'
        ];
        expect(parseDeployArgs(argv, {})).toEqual<DeployOptions>({
            targetOrg: undefined,
            dryRun: true,
            assign: true,
            omniChannel: false,
            knowledge: false,
            integrationUser: 'api@x.com'
        });
    });

    it('rejects unknown options, the retired --no-assign and missing values with the usage', () => {
        expect(() => parseDeployArgs(['--force'], {})).toThrow(DeployUsageError);
        expect(() => parseDeployArgs(['--no-assign'], {})).toThrow(
            /nothing is assigned unless you pass --assign[\s\S]*Usage/
        );
        expect(() => parseDeployArgs(['--target-org'], {})).toThrow(
            /--target-org needs a value[\s\S]*Usage/
        );
        expect(() => parseDeployArgs(['--target-org', '--dry-run'], {})).toThrow(/needs a value/);
    });
});

describe('planDeploy in a sandbox with Omni-Channel and Knowledge', () => {
    it('deploys every directory that fits, with no tests and no assignments', async () => {
        const planned = plan(['-o', 'my-org'], await org('organization-sandbox'));
        expect(planned.problems).toEqual([]);
        expect(decisions(planned)).toEqual({
            'force-app/main': 'deploy',
            'force-app/omnichannel': 'deploy',
            'force-app/knowledge': 'deploy',
            'force-app/ai-agent-oauth': 'skip'
        });
        expect(planned.tests).toMatchObject({ level: 'NoTestRun', tests: [] });
        expect(commandLines(planned)).toEqual([
            'project deploy start --metadata-dir dist/deploy-planned --target-org my-org --wait 30 --test-level NoTestRun'
        ]);
        // No Case channel yet: ours is deployed and the presence status names it.
        const omni = planned.directories[1];
        expect(omni.components.map(componentKey)).toContain('ServiceChannel:Sendbird_Cases');
        expect(omni.components.map(componentKey)).toContain('AssignmentRules:Case');
        expect(omni.leftOut).toEqual([]);
        expect(planned.env.SENDBIRD_CASE_SERVICE_CHANNEL).toBe('Sendbird_Cases');
    });

    it('assigns the agent, admin and Omni-Channel permission sets on --assign', async () => {
        const planned = plan(
            ['-o', 'my-org', '--assign', '--integration-user', 'api@x.com'],
            await org('organization-scratch')
        );
        expect(commandLines(planned).slice(1)).toEqual([
            'org assign permset --name Sendbird_Agent --name Sendbird_Admin --name Sendbird_Omni_Agent --target-org my-org',
            'apex run --file scripts/deploy/apex/assign-sync-runner.apex --target-org my-org',
            'org assign permset --name Sendbird_Integration --name Sendbird_Knowledge_Reader --on-behalf-of api@x.com --target-org my-org'
        ]);
        expect(decisions(planned)['force-app/ai-agent-oauth']).toBe('deploy');
        expect(planned.env.SENDBIRD_INTEGRATION_USERNAME).toBe('api@x.com');
    });
});

describe('the Automated Process assignment', () => {
    const ROOT = path.resolve(__dirname, '../../..');

    it('runs an Apex file that exists and names a permission set the core deploys', () => {
        const apex = readFileSync(path.join(ROOT, SYNC_RUNNER_APEX), 'utf8');
        expect(apex).toContain(`Name = '${SYNC_RUNNER_PERMISSION_SET}'`);
        expect(apex).toContain("UserType = 'AutomatedProcess'");
        const permissionSet = path.join(
            ROOT,
            'force-app/main/shared/permissionsets',
            `${SYNC_RUNNER_PERMISSION_SET}.permissionset-meta.xml`
        );
        expect(existsSync(permissionSet)).toBe(true);
    });

    it('is planned only with --assign', async () => {
        const sandbox = await org('organization-sandbox');
        expect(commandLines(plan(['-o', 'my-org'], sandbox)).join('\n')).not.toContain('apex run');
    });
});

describe('planDeploy in production', () => {
    it("runs our test classes and keeps the org's own channel, rule and the AgentWork Apex", async () => {
        const production = await org(
            'organization-production',
            'objects-with-omni-and-knowledge',
            'service-channels-standard-cases',
            'case-assignment-rules'
        );
        const planned = plan(['-o', 'my-org', '--assign'], production);
        expect(planned.problems).toEqual([]);
        expect(planned.tests).toMatchObject({
            level: 'RunSpecifiedTests',
            tests: ['SendbirdKnowledgeArticles_Tests', 'SendbirdPlatformClient_Tests']
        });
        expect(commandLines(planned)[0]).toBe(
            'project deploy start --metadata-dir dist/deploy-planned --target-org my-org --wait 30 --test-level RunSpecifiedTests --tests SendbirdKnowledgeArticles_Tests --tests SendbirdPlatformClient_Tests'
        );
        const omni = planned.directories[1];
        expect(omni.components.map(componentKey)).toEqual([
            'PermissionSet:Sendbird_Omni_Agent',
            'Queue:Sendbird_Chat',
            'ServicePresenceStatus:Sendbird_Available'
        ]);
        expect(omni.leftOut).toEqual([
            {
                component: 'ServiceChannel:Sendbird_Cases',
                why: expect.stringContaining('Service Channel "Cases" already')
            },
            {
                component: 'AssignmentRules:Case',
                why: expect.stringContaining(
                    'Sendbird_Chat_Routing is in the org already (inactive)'
                )
            },
            ...AGENTWORK_APEX.map((component) => ({
                component,
                why: expect.stringContaining('no Apex test can create AgentWork')
            }))
        ]);
        // The presence status is filled with the org's channel at deploy time.
        expect(planned.env.SENDBIRD_CASE_SERVICE_CHANNEL).toBe('Cases');
    });
});

describe('planDeploy in an org without Omni-Channel or Knowledge', () => {
    it('skips both directories, says why, and leaves out their permission sets', async () => {
        const plain = await org(
            'organization-developer-edition',
            'objects-plain',
            'error-invalid-type'
        );
        const planned = plan(['-o', 'my-org', '--assign', '--integration-user', 'a@b.io'], plain);
        expect(planned.problems).toEqual([]);
        const [, omni, knowledge] = planned.directories;
        expect(omni).toMatchObject({ decision: 'skip', components: [] });
        expect(omni.why).toContain('Omni-Channel is off');
        expect(knowledge.why).toContain('Lightning Knowledge is off');
        expect(commandLines(planned).slice(1)).toEqual([
            'org assign permset --name Sendbird_Agent --name Sendbird_Admin --target-org my-org',
            'apex run --file scripts/deploy/apex/assign-sync-runner.apex --target-org my-org',
            'org assign permset --name Sendbird_Integration --on-behalf-of a@b.io --target-org my-org'
        ]);
    });

    it('lets --no-omni-channel and --no-knowledge win over what the org has', async () => {
        const planned = plan(
            ['-o', 'my-org', '--no-omni-channel', '--no-knowledge'],
            await org('organization-sandbox')
        );
        expect(planned.directories.slice(1, 3).map((dir) => [dir.decision, dir.why])).toEqual([
            ['skip', '--no-omni-channel given'],
            ['skip', '--no-knowledge given']
        ]);
    });
});

describe('planDeploy when the org cannot be asked', () => {
    it('plans with the unknowns marked and names the one cause that stops a real deploy', async () => {
        const lost = await org(
            'error-not-logged-in',
            'error-not-logged-in',
            'error-not-logged-in',
            'error-not-logged-in'
        );
        const planned = plan(['-o', 'my-org', '--dry-run'], lost);
        expect(decisions(planned)['force-app/omnichannel']).toBe('undecided');
        expect(planned.tests.level).toBe('undecided');
        expect(commandLines(planned)[0]).not.toContain('--test-level');
        expect(planned.problems).toEqual([
            'Could not ask my-org what kind of org it is (could not read Organization (NamedOrgNotFoundError: Parsing --target-org No authorization information found for my-org. See more help with --help)). Log in again (npx sf org login web --alias my-org), or check the alias with: npx sf org list.'
        ]);
    });

    it('names each directory it cannot decide when only the object list fails', async () => {
        const planned = plan(
            ['-o', 'my-org'],
            await org('organization-sandbox', 'error-not-logged-in')
        );
        expect(planned.problems).toEqual([
            expect.stringMatching(
                /^force-app\/omnichannel: Omni-Channel unknown .*: pass --no-omni-channel or log in\.$/
            ),
            expect.stringMatching(
                /^force-app\/knowledge: Lightning Knowledge unknown .*: pass --no-knowledge or log in\.$/
            )
        ]);
    });

    it('stops when Omni-Channel is there but its Service Channels cannot be listed', async () => {
        const planned = plan(
            ['-o', 'my-org'],
            await org(
                'organization-sandbox',
                'objects-with-omni-and-knowledge',
                'error-invalid-type'
            )
        );
        expect(planned.problems).toEqual([
            expect.stringContaining(
                'force-app/omnichannel: could not list Service Channels (INVALID_TYPE'
            )
        ]);
    });

    it('explains what is missing without an org or app id, and notes what depends on the org', () => {
        const planned = plan([], unknownOrg('no target org'), {});
        expect(planned.problems).toEqual([
            'No target org. Pass --target-org <alias> or set SF_TARGET_ORG.',
            'SENDBIRD_APP_ID is not set. Export it before deploying, e.g. SENDBIRD_APP_ID=<value> npm run deploy.',
            expect.stringMatching(/^SENDBIRD_REGION is not set: /)
        ]);
        expect(commandLines(planned)[0]).toContain('--target-org <target-org>');
        expect(planned.directories[1].notes).toEqual([
            expect.stringContaining(
                'ServiceChannel:Sendbird_Cases is left out where the org already has'
            ),
            expect.stringContaining('in production, ApexTrigger:SendbirdAgentWorkTrigger')
        ]);
    });
});

describe('planDeploy environment', () => {
    it('refuses values that would bend a host name or are no username', async () => {
        const planned = plan(
            ['-o', 'x', '--integration-user', 'not a user'],
            await org('organization-sandbox'),
            {
                SENDBIRD_APP_ID: 'evil.com/#',
                SENDBIRD_REGION: 'us-1.evil.com'
            }
        );
        expect(planned.problems).toEqual([
            expect.stringContaining(
                'SENDBIRD_APP_ID "evil.com/#" is not a Sendbird application id'
            ),
            expect.stringContaining('SENDBIRD_REGION "us-1.evil.com" is not a Sendbird region'),
            expect.stringContaining(
                'SENDBIRD_INTEGRATION_USERNAME "not a user" is not a Salesforce username'
            )
        ]);
    });

    it('needs the region, which names the chat file host, and says where to find it', async () => {
        const sandbox = await org('organization-sandbox');
        const withoutRegion = { ...env, SENDBIRD_REGION: undefined };
        expect(plan(['-o', 'x'], sandbox, withoutRegion).problems).toEqual([
            expect.stringMatching(
                /^SENDBIRD_REGION is not set: .*file-<region>\.sendbird\.com.*Integrations > Salesforce/
            )
        ]);
    });

    it('takes the region given, and refuses a channel name that is no API name', async () => {
        const sandbox = await org('organization-sandbox');
        expect(
            plan(['-o', 'x'], sandbox, { ...env, SENDBIRD_REGION: 'ap-2' }).env.SENDBIRD_REGION
        ).toBe('ap-2');
        expect(
            plan(['-o', 'x'], sandbox, { ...env, SENDBIRD_CASE_SERVICE_CHANNEL: 'Cases</channel>' })
                .problems
        ).toEqual([expect.stringContaining('is not the developer name of a Service Channel')]);
    });
});

describe('planDeploy with the real project', () => {
    const real = readProject(path.resolve(__dirname, '../../..'));
    const realComponents = listComponents(real);

    it('names components that exist in force-app/omnichannel', () => {
        const omni = realComponents.find((dir) => dir.dir === 'force-app/omnichannel');
        const keys = omni?.components.map(componentKey) ?? [];
        expect(keys).toEqual(
            expect.arrayContaining([
                ...AGENTWORK_APEX,
                'AssignmentRules:Case',
                'ServiceChannel:Sendbird_Cases',
                'PermissionSet:Sendbird_Omni_Agent'
            ])
        );
    });

    it('plans only commands and flags the installed sf CLI accepts', async () => {
        const production = await org(
            'organization-production',
            undefined,
            'service-channels-standard-cases'
        );
        const options = parseDeployArgs(
            ['-o', 'prod', '--assign', '--integration-user', 'api@x.com'],
            {}
        );
        for (const description of [production, await org('organization-scratch')]) {
            const planned = planDeploy(real, options, env, description, realComponents);
            expect(planned.commands).toHaveLength(4);
            for (const command of planned.commands) {
                expect(sfCommandProblems(command.args)).toEqual([]);
            }
        }
    });
});
