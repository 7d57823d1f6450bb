import { parseDeployArgs, planDeploy } from '../deploy-plan';
import { countByType, formatPlan, formatSummary, remainingSteps } from '../deploy-report';
import { unknownOrg } from '../../org/org-detect';
import { components, env, org, project } from './fixtures/deploy';

const plan = async (argv: string[], ...orgFixtures: Parameters<typeof org>) =>
    planDeploy(project, parseDeployArgs(argv, {}), env, await org(...orgFixtures), components);

describe('countByType', () => {
    it('counts per metadata type in name order', () => {
        expect(
            countByType([
                { type: 'Queue', fullName: 'A' },
                { type: 'ApexClass', fullName: 'B' },
                { type: 'ApexClass', fullName: 'C' }
            ])
        ).toBe('2 ApexClass, 1 Queue');
    });
});

describe('formatPlan (the dry run)', () => {
    it('works with no org: what is included, what is unknown and why, and the components', () => {
        const text = formatPlan(
            planDeploy(
                project,
                parseDeployArgs(['--dry-run'], {}),
                env,
                unknownOrg('no target org'),
                components
            )
        );
        expect(text).toContain(
            'Deploy plan (dry run, nothing is changed) for no org (no target org)'
        );
        expect(text).toContain('  ✔ force-app/main: always deployed');
        expect(text).toContain(
            '  ? force-app/omnichannel: Omni-Channel unknown (no target org): pass --no-omni-channel or log in'
        );
        expect(text).toContain('  ✖ force-app/ai-agent-oauth: skipped, no --integration-user');
        expect(text).toContain(
            '    ApexClass: SendbirdPlatformClient, SendbirdPlatformClient_Tests, SendbirdTestData'
        );
        expect(text).toContain("Tests: decided by the org's kind");
        expect(text).toContain('  ! before a real deploy: No target org.');
    });

    it('shows what a production org gets, what it does not and why', async () => {
        const text = formatPlan(
            await plan(
                ['-o', 'my-org', '--dry-run'],
                'organization-production',
                undefined,
                'service-channels-standard-cases'
            )
        );
        expect(text).toContain('for my-org: production (Enterprise Edition)');
        expect(text).toContain(
            '      left out ApexTrigger:SendbirdAgentWorkTrigger: production needs test coverage'
        );
        expect(text).toContain(
            '      left out ServiceChannel:Sendbird_Cases: the org routes Case through Service Channel "Cases"'
        );
        expect(text).toContain('Tests: RunSpecifiedTests: production (Enterprise Edition)');
        expect(text).toContain('  SendbirdKnowledgeArticles_Tests, SendbirdPlatformClient_Tests');
        expect(text).toContain('  none (pass --assign to give yourself Sendbird_Agent)');
        expect(text).not.toContain('before a real deploy');
    });
});

describe('remainingSteps', () => {
    it('always asks for the API token; Omni-Channel and the External Client App add their steps', async () => {
        const plain = remainingSteps(
            await plan(['-o', 'my-org'], 'organization-sandbox', 'objects-plain')
        );
        expect(plain[0]).toMatch(/^Enter the Sendbird API token/);
        expect(plain.join('\n')).not.toContain('Sendbird Chat" queue');
        expect(plain[1]).toContain('You got none: pass --assign next time');
        expect(plain[2]).toBe(
            'Give the Automated Process user Sendbird_Sync_Runner, which the membership sync job runs as (Setup cannot): npx sf apex run --file scripts/deploy/apex/assign-sync-runner.apex --target-org my-org. Until then the Setup assistant\'s "Membership sync can call Sendbird" line is red and no agent is added to a channel.'
        );

        const full = remainingSteps(
            await plan(
                ['-o', 'my-org', '--assign', '--integration-user', 'api@x.com'],
                'organization-sandbox'
            )
        );
        expect(full.join('\n')).toContain(
            'Sendbird_Agent and Sendbird_Omni_Agent to every support agent'
        );
        expect(full.join('\n')).toContain('add your agents to the "Sendbird Chat" queue');
        expect(full.join('\n')).toContain(
            'Case Assignment Rules > Sendbird_Chat_Routing > Activate'
        );
        expect(full.join('\n')).toContain('External Client App Manager > Sendbird AI Agent');
        expect(full.join('\n')).not.toContain('You got none');
        // --assign ran the Apex that gives the Automated Process user its permission set.
        expect(full.join('\n')).not.toContain('Give the Automated Process user');
    });

    it('asks for the Case panel and, outside the deployed app, the chat utility item', async () => {
        for (const steps of [
            remainingSteps(await plan(['-o', 'my-org'], 'organization-sandbox', 'objects-plain')),
            remainingSteps(await plan(['-o', 'my-org', '--assign'], 'organization-sandbox'))
        ]) {
            const panel = steps.findIndex((step) => step.includes('Case conversation panel'));
            expect(steps[panel]).toContain('Edit Page (Lightning App Builder)');
            expect(steps[panel]).toContain('drag "Sendbird Conversation" (Custom)');
            const utility = steps.findIndex((step) => step.startsWith('Chat in the utility bar'));
            expect(steps[utility]).toContain('deployed "Sendbird Service Console" app have it');
            expect(steps[utility]).toContain('Add Utility Item > "Sendbird Chat"');
            // Right after the permission sets, before the Omni-Channel and AI agent steps.
            const sets = steps.filter((step) => /Sendbird_(Agent|Sync_Runner)\b/.test(step));
            expect([panel, utility]).toEqual([sets.length + 1, sets.length + 2]);
        }
    });
});

describe('formatSummary', () => {
    it('counts what was deployed and says what was skipped, left out and assigned', async () => {
        const text = formatSummary(
            await plan(
                ['-o', 'my-org', '--assign'],
                'organization-production',
                'objects-with-omni-and-knowledge',
                'service-channels-standard-cases',
                'case-assignment-rules'
            )
        );
        expect(text).toContain('✔ Deployed to my-org: production (Enterprise Edition)');
        expect(text).toContain(
            '  9 components: force-app/main 4, force-app/omnichannel 3, force-app/knowledge 2'
        );
        expect(text).toContain('  tests: RunSpecifiedTests (2 classes)');
        expect(text).toContain('  skipped force-app/ai-agent-oauth: no --integration-user');
        expect(text).toContain(
            '  left out AssignmentRules:Case: Sendbird_Chat_Routing is in the org already'
        );
        expect(text).toContain(
            '  assigned Sendbird_Agent, Sendbird_Admin, Sendbird_Omni_Agent to you'
        );
        expect(text).toContain('  assigned Sendbird_Sync_Runner to the Automated Process user');
        expect(text).toContain('  1. Enter the Sendbird API token');
    });
});
