import type { ProjectComponent } from './deploy-components';
import {
    CASE_ASSIGNMENT_RULE,
    OAUTH_CLIENT_DIR,
    OMNI_CHANNEL_DIR,
    SYNC_RUNNER_APEX,
    SYNC_RUNNER_PERMISSION_SET,
    type DeployPlan,
    type DirectoryPlan
} from './deploy-plan';

const MARK: Record<DirectoryPlan['decision'], string> = { deploy: '✔', skip: '✖', undecided: '?' };

/** `3 ApexClass, 1 Queue`: counts per metadata type, by type name. */
export function countByType(components: ProjectComponent[]): string {
    const counts = new Map<string, number>();
    for (const { type } of components) counts.set(type, (counts.get(type) ?? 0) + 1);
    return [...counts]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([type, count]) => `${count} ${type}`)
        .join(', ');
}

function orgLine(plan: DeployPlan): string {
    return plan.org.targetOrg
        ? `${plan.org.targetOrg}: ${plan.org.kind === 'unknown' ? `unknown (${plan.org.kindWhy})` : plan.org.kindWhy}`
        : `no org (${plan.org.kindWhy})`;
}

function directoryLines(dir: DirectoryPlan): string[] {
    const lines = [
        `  ${MARK[dir.decision]} ${dir.dir}: ${dir.decision === 'skip' ? 'skipped, ' : ''}${dir.why}`
    ];
    if (dir.components.length > 0) {
        lines.push(`      ${dir.components.length} components: ${countByType(dir.components)}`);
    }
    for (const { component, why } of dir.leftOut) lines.push(`      left out ${component}: ${why}`);
    for (const note of dir.notes) lines.push(`      note: ${note}`);
    return lines;
}

function componentLines(dir: DirectoryPlan): string[] {
    const byType = new Map<string, string[]>();
    for (const { type, fullName } of dir.components) {
        byType.set(type, [...(byType.get(type) ?? []), fullName]);
    }
    return [
        `  ${dir.dir}`,
        ...[...byType].map(([type, names]) => `    ${type}: ${names.join(', ')}`)
    ];
}

function assignmentLines(plan: DeployPlan): string[] {
    if (plan.assignments.length === 0)
        return ['  none (pass --assign to give yourself Sendbird_Agent)'];
    return plan.assignments.map(
        ({ permissionSets, user }) => `  ${permissionSets.join(', ')} → ${user ?? 'you'}`
    );
}

/** What `npm run deploy -- --dry-run` prints: the whole plan, changing nothing. */
export function formatPlan(plan: DeployPlan): string {
    const tests =
        plan.tests.level === 'undecided'
            ? `decided by the org's kind: ${plan.tests.why}`
            : `${plan.tests.level}: ${plan.tests.why}`;
    const lines = [
        `Deploy plan (dry run, nothing is changed) for ${orgLine(plan)}`,
        '',
        'Package directories:',
        ...plan.directories.flatMap(directoryLines),
        '',
        'Components (from SDR):',
        ...plan.directories.filter((dir) => dir.components.length > 0).flatMap(componentLines),
        '',
        `Tests: ${tests}`,
        ...(plan.tests.tests.length > 0 ? [`  ${plan.tests.tests.join(', ')}`] : []),
        '',
        'Permission sets:',
        ...assignmentLines(plan),
        ...(plan.prerequisites.length > 0
            ? ['', 'Before the deploy, in the org:', ...plan.prerequisites.map((p) => `  ! ${p}`)]
            : []),
        '',
        'Commands:',
        ...plan.commands.map((command) => `  sf ${command.args.join(' ')}    # ${command.purpose}`),
        ...plan.problems.map((problem) => `  ! before a real deploy: ${problem}`)
    ];
    return lines.join('\n');
}

/** What the admin still has to do in Setup after this deploy, in order. */
export function remainingSteps(plan: DeployPlan): string[] {
    const deployed = (dir: string) =>
        plan.directories.some((d) => d.dir === dir && d.decision === 'deploy');
    const omni = deployed(OMNI_CHANNEL_DIR);
    const agentSets = omni ? 'Sendbird_Agent and Sendbird_Omni_Agent' : 'Sendbird_Agent';
    const steps = [
        'Enter the Sendbird API token: Setup > Named Credentials > External Credentials > Sendbird > Principals > ApiTokenPrincipal > Edit > Authentication Parameters > add "ApiToken" (Sendbird Dashboard > Settings > Application > General > API tokens).',
        `Assign ${agentSets} to every support agent; Sendbird_Admin to whoever reviews sync failures. Reassigning or closing a Case needs none of them.${plan.assignments.some((a) => !a.user) ? '' : ' (You got none: pass --assign next time, or assign them in Setup.)'}`,
        ...(plan.assignments.some((a) => a.permissionSets.includes(SYNC_RUNNER_PERMISSION_SET))
            ? []
            : [
                  `Give the Automated Process user ${SYNC_RUNNER_PERMISSION_SET}, which the membership sync job runs as (Setup cannot): npx sf apex run --file ${SYNC_RUNNER_APEX} --target-org ${plan.target}. Until then the Setup assistant's "Membership sync can call Sendbird" line is red and no agent is added to a channel.`
              ]),
        // No record page is deployed (ours would replace the customer's Case page): added by hand.
        'Put the Case conversation panel on the Case record page: open a Case > gear icon > Edit Page (Lightning App Builder) > drag "Sendbird Conversation" (Custom) into a column > Save; if the page is new, Activation > App Default for your console app, or Org Default.',
        'Chat in the utility bar: agents who work in the deployed "Sendbird Service Console" app have it already. To use your own console app instead: Setup > App Manager > your app > Edit > Utility Items (Desktop Only) > Add Utility Item > "Sendbird Chat"; width 900, height 500, tick Start automatically > Save.'
    ];
    if (omni) {
        steps.push(
            'Omni-Channel: add your agents to the "Sendbird Chat" queue (Setup > Queues) and to the "Sendbird Chat Agents" presence configuration (Setup > Presence Configurations), and put the Omni-Channel utility in their console app.',
            `To route chat Cases to the queue: Setup > Case Assignment Rules > ${CASE_ASSIGNMENT_RULE} > Activate (it replaces your active Case rule), or copy its entry (Origin is Chat or Web → queue Sendbird Chat) into your active rule.`
        );
    }
    if (deployed(OAUTH_CLIENT_DIR)) {
        steps.push(
            'For the Sendbird AI agent: Setup > External Client App Manager > Sendbird AI Agent > Settings > OAuth Settings > Consumer Key and Secret; paste both into Sendbird Dashboard > Workspace settings > Integrations > Salesforce.'
        );
    }
    steps.push(
        'Optional: set AI_Agent_Webhook_Path__c in Custom Metadata Types > Sendbird Settings > Default to tell the AI agent when its Cases close.'
    );
    return steps;
}

/** What `npm run deploy` prints at the end: done, skipped, left out, assigned, still to do. */
export function formatSummary(plan: DeployPlan): string {
    const deployed = plan.directories.filter((dir) => dir.decision === 'deploy');
    const count = deployed.reduce((sum, dir) => sum + dir.components.length, 0);
    const skipped = plan.directories.filter((dir) => dir.decision === 'skip');
    const leftOut = deployed.flatMap((dir) => dir.leftOut);
    const lines = [
        `✔ Deployed to ${orgLine(plan)}`,
        `  ${count} components: ${deployed.map((dir) => `${dir.dir} ${dir.components.length}`).join(', ')}`,
        `  tests: ${plan.tests.level}${plan.tests.tests.length > 0 ? ` (${plan.tests.tests.length} classes)` : ''}`,
        ...skipped.map((dir) => `  skipped ${dir.dir}: ${dir.why}`),
        ...leftOut.map(({ component, why }) => `  left out ${component}: ${why}`),
        ...(plan.assignments.length > 0
            ? plan.assignments.map(
                  ({ permissionSets, user }) =>
                      `  assigned ${permissionSets.join(', ')} to ${user ?? 'you'}`
              )
            : ['  assigned nothing (no --assign)']),
        '',
        'Still to do in the org (Setup):',
        ...remainingSteps(plan).map((step, index) => `  ${index + 1}. ${step}`)
    ];
    return lines.join('\n');
}
