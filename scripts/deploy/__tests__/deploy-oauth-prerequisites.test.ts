import { sfCommandProblems } from '../../test-support/sf-cli-manifest';
import { apexComponents } from '../../checks/apex-deploy-coverage';
import {
    CONSUMER_SECRET_SETTING,
    integrationUserFrom,
    integrationUserQuery,
    oauthPrerequisites
} from '../deploy-oauth-prerequisites';
import { parseDeployArgs, planDeploy } from '../deploy-plan';
import { formatPlan } from '../deploy-report';
import { unknownOrg, type OrgDescription } from '../../org/org-detect';
import type { SfOutcome } from '../../org/org-sf';
import { readProject } from '../../project/project';
import { outcome } from '../../test-support/sf-fixtures';

/**
 * Hand-built `sf data query --json` results of integrationUserQuery, in jsforce's QueryResult
 * shape (see test-support/sf-fixtures/index.ts): a parent-to-child subquery is a nested
 * QueryResult, or null when it has no rows.
 */
function userResult(user: Record<string, unknown> | undefined): SfOutcome {
    const records = user
        ? [
              {
                  attributes: { type: 'User', url: '/services/data/v65.0/sobjects/User/005x' },
                  ...user
              }
          ]
        : [];
    return { ok: true, status: 0, result: { records, totalSize: records.length, done: true } };
}
const assignments = (...apiOnly: boolean[]) => ({
    totalSize: apiOnly.length,
    done: true,
    records: apiOnly.map((value) => ({ PermissionSet: { PermissionsApiUserOnly: value } }))
});

describe('the integration user check', () => {
    it('asks one read-only query the installed sf accepts', () => {
        const args = integrationUserQuery('api@example.com');
        expect(sfCommandProblems([...args, '--target-org', 'my-org'])).toEqual([]);
        expect(args.join(' ')).toContain("FROM User WHERE Username = 'api@example.com'");
    });

    it('finds API Only User on the profile or on an assigned permission set', () => {
        const profile = { IsActive: true, Profile: { PermissionsApiUserOnly: true } };
        expect(
            integrationUserFrom(userResult({ ...profile, PermissionSetAssignments: null }))
        ).toEqual({
            state: 'api-only'
        });
        const viaSet = {
            IsActive: true,
            Profile: { PermissionsApiUserOnly: false },
            PermissionSetAssignments: assignments(false, true)
        };
        expect(integrationUserFrom(userResult(viaSet))).toEqual({ state: 'api-only' });
        const neither = { ...viaSet, PermissionSetAssignments: assignments(false) };
        expect(integrationUserFrom(userResult(neither))).toEqual({ state: 'not-api-only' });
        expect(integrationUserFrom(userResult({ ...profile, IsActive: false }))).toEqual({
            state: 'inactive'
        });
        expect(integrationUserFrom(userResult(undefined))).toEqual({ state: 'missing' });
        expect(integrationUserFrom(outcome('error-not-logged-in')).state).toBe('unknown');
    });
});

describe('the External Client App prerequisites in the plan', () => {
    const project = readProject(process.cwd());
    const components = apexComponents(project);
    const production: OrgDescription = {
        ...unknownOrg('x'),
        targetOrg: 'prod',
        kind: 'production',
        kindWhy: 'production (Enterprise Edition)',
        omniChannel: { presence: 'absent', why: 'no AgentWork' },
        knowledge: { presence: 'absent', why: 'no Knowledge__kav' },
        caseServiceChannel: { state: 'none' },
        caseAssignmentRules: []
    };
    const plan = (argv: string[], org: OrgDescription) =>
        planDeploy(
            project,
            parseDeployArgs(argv, {}),
            { SENDBIRD_APP_ID: 'app-1', SENDBIRD_REGION: 'us-1' },
            org,
            components
        );
    const withUser = ['-o', 'prod', '--integration-user', 'api@example.com'];

    it('states the consumer-secret setting and stops on a run-as user without API Only User', () => {
        const planned = plan(withUser, {
            ...production,
            integrationUser: { state: 'not-api-only' }
        });
        expect(planned.prerequisites).toContain(CONSUMER_SECRET_SETTING);
        expect(planned.problems).toEqual([
            expect.stringContaining('api@example.com lacks the API Only User permission')
        ]);
        expect(formatPlan(planned)).toContain(
            '! External Client Apps: the OAuth settings deploy only where "Allow Access to OAuth Consumer Secrets via Metadata API" is on'
        );
    });

    it('passes a run-as user with API Only User, and says so', () => {
        const planned = plan(withUser, { ...production, integrationUser: { state: 'api-only' } });
        expect(planned.problems).toEqual([]);
        expect(planned.prerequisites).toEqual([
            CONSUMER_SECRET_SETTING,
            'api@example.com has API Only User, as the client credentials run-as user must.'
        ]);
    });

    it('states both without an org, and neither without --integration-user', () => {
        const dry = plan(
            ['--dry-run', '--integration-user', 'api@example.com'],
            unknownOrg('no target org')
        );
        expect(dry.prerequisites[1]).toMatch(
            /api@example\.com must have API Only User \(could not ask the org: no target org\)/
        );
        expect(plan(['-o', 'prod'], production).prerequisites).toEqual([]);
    });

    it('names a missing or inactive user as a problem', () => {
        expect(oauthPrerequisites('a@b.co', { state: 'missing' }).problems[0]).toContain(
            'No user a@b.co'
        );
        expect(oauthPrerequisites('a@b.co', { state: 'inactive' }).problems[0]).toContain(
            'not an active user'
        );
    });
});
