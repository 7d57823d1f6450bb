import type { SfCli, SfOutcome } from '../org/org-sf';

/**
 * The External Client App (force-app/ai-agent-oauth) has two prerequisites a deploy cannot set
 * (issue 13, finding 18), both from Salesforce's docs:
 * - ExtlClntAppOauthSettings deploys only where "Allow Access to OAuth Consumer Secrets via
 *   Metadata API" is on (Metadata API Developer Guide, ExtlClntAppOauthSettings, "Special Access
 *   Rules"). The Metadata API can read that setting only by retrieving it, so it is stated;
 * - the client-credentials run-as user needs the API Only User permission. That is asked of the
 *   org, read-only, from the user's profile and permission sets.
 */
export const CONSUMER_SECRET_SETTING =
    'External Client Apps: the OAuth settings deploy only where "Allow Access to OAuth Consumer Secrets via Metadata API" is on: Setup > Quick Find "External Client App Settings" > turn it on (turn it off again after the deploy if you like).';

/** Where to give the run-as user API Only User, as a sentence. */
export const API_ONLY_HOW =
    'Setup > Users > Permission Sets > New (or your integration permission set) > System Permissions > Edit > tick "API Only User" > Save, then Manage Assignments > add the user; or give the user the "Minimum Access - API Only Integrations" profile';

/** What the org says about the integration user. */
export type IntegrationUserCheck =
    | { state: 'api-only' }
    | { state: 'not-api-only' }
    | { state: 'inactive' }
    | { state: 'missing' }
    | { state: 'unknown'; why: string };

/** One read-only query: the user, its profile's and its permission sets' API Only User. */
export function integrationUserQuery(username: string): string[] {
    // The username passed deploy-env's format check (no quotes), so it can sit in the literal.
    return [
        'data',
        'query',
        '--query',
        `SELECT IsActive, Profile.PermissionsApiUserOnly, (SELECT PermissionSet.PermissionsApiUserOnly FROM PermissionSetAssignments) FROM User WHERE Username = '${username}'`
    ];
}

function isRecord(value: unknown): value is Record<string, unknown> {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Reads `sf data query --json` of integrationUserQuery. */
export function integrationUserFrom(outcome: SfOutcome): IntegrationUserCheck {
    const result = outcome.ok && isRecord(outcome.result) ? outcome.result : undefined;
    const records = Array.isArray(result?.records) ? result.records.filter(isRecord) : undefined;
    if (!records) {
        const why = outcome.ok ? 'sf returned no records' : `${outcome.name}: ${outcome.message}`;
        return { state: 'unknown', why: why.replace(/\s+/g, ' ').trim() };
    }
    const user = records[0];
    if (!user) return { state: 'missing' };
    if (user.IsActive !== true) return { state: 'inactive' };
    const profile = isRecord(user.Profile) ? user.Profile : {};
    const assignments = isRecord(user.PermissionSetAssignments)
        ? user.PermissionSetAssignments.records
        : undefined;
    const viaSet = (Array.isArray(assignments) ? assignments : []).some(
        (row) =>
            isRecord(row) &&
            isRecord(row.PermissionSet) &&
            row.PermissionSet.PermissionsApiUserOnly === true
    );
    return profile.PermissionsApiUserOnly === true || viaSet
        ? { state: 'api-only' }
        : { state: 'not-api-only' };
}

export async function checkIntegrationUser(
    sf: SfCli,
    targetOrg: string,
    username: string
): Promise<IntegrationUserCheck> {
    return integrationUserFrom(
        await sf.json([...integrationUserQuery(username), '--target-org', targetOrg])
    );
}

/**
 * What to say before anything changes: the setting (always stated), and the run-as user's
 * permission (a problem that stops the deploy when the org says it is missing).
 */
export function oauthPrerequisites(
    username: string,
    check: IntegrationUserCheck
): { prerequisites: string[]; problems: string[] } {
    const prerequisites = [CONSUMER_SECRET_SETTING];
    const problems: string[] = [];
    switch (check.state) {
        case 'api-only':
            prerequisites.push(
                `${username} has API Only User, as the client credentials run-as user must.`
            );
            break;
        case 'not-api-only':
            problems.push(
                `${username} lacks the API Only User permission, which the External Client App's client credentials run-as user needs: ${API_ONLY_HOW}.`
            );
            break;
        case 'inactive':
            problems.push(`${username} is not an active user; activate it in Setup > Users.`);
            break;
        case 'missing':
            problems.push(
                `No user ${username} in the org. Create the integration user first (Salesforce Integration license, "Minimum Access - API Only Integrations" profile).`
            );
            break;
        default:
            prerequisites.push(
                `${username} must have API Only User (could not ask the org: ${check.why}): ${API_ONLY_HOW}.`
            );
    }
    return { prerequisites, problems };
}
