import {
    caseAssignmentRulesFrom,
    caseServiceChannelFrom,
    describeOrg,
    describeOrgFeatures,
    featuresFrom,
    orgKindFrom,
    unknownOrg
} from '../org-detect';
import { fakeSf, outcome } from '../../test-support/sf-fixtures';

describe('orgKindFrom', () => {
    it('tells production, sandbox, scratch and Developer Edition apart', () => {
        expect(orgKindFrom(outcome('organization-production'))).toEqual({
            kind: 'production',
            why: 'production (Enterprise Edition)'
        });
        expect(orgKindFrom(outcome('organization-sandbox')).kind).toBe('sandbox');
        expect(orgKindFrom(outcome('organization-scratch'))).toEqual({
            kind: 'scratch',
            why: 'scratch org (Enterprise Edition, expires 2026-11-28)'
        });
        expect(orgKindFrom(outcome('organization-developer-edition'))).toEqual({
            kind: 'development',
            why: 'Developer Edition'
        });
    });

    it('treats a trial as a development org', () => {
        const trial = outcome('organization-production');
        if (!trial.ok) throw new Error('fixture');
        const records = (trial.result as { records: Record<string, unknown>[] }).records;
        records[0].TrialExpirationDate = '2026-12-01T00:00:00.000+0000';
        expect(orgKindFrom(trial)).toEqual({
            kind: 'development',
            why: 'trial (Enterprise Edition, ends 2026-12-01)'
        });
    });

    it('says why the kind is unknown when sf fails', () => {
        expect(orgKindFrom(outcome('error-not-logged-in'))).toEqual({
            kind: 'unknown',
            why: expect.stringContaining(
                'NamedOrgNotFoundError: Parsing --target-org No authorization information found for my-org.'
            )
        });
        expect(orgKindFrom(outcome('query-no-records')).why).toContain('sf returned no records');
    });
});

describe('featuresFrom', () => {
    it('finds Omni-Channel by AgentWork and Knowledge by Knowledge__kav', () => {
        const found = featuresFrom(outcome('objects-with-omni-and-knowledge'));
        expect(found.omniChannel.presence).toBe('present');
        expect(found.knowledge.presence).toBe('present');
    });

    it('says what to turn on when they are missing', () => {
        const found = featuresFrom(outcome('objects-plain'));
        expect(found.omniChannel).toEqual({
            presence: 'absent',
            why: expect.stringContaining('Setup > Omni-Channel Settings')
        });
        expect(found.knowledge).toEqual({
            presence: 'absent',
            why: expect.stringContaining('not a Knowledge User')
        });
    });

    it('does not guess when the objects cannot be listed', () => {
        const found = featuresFrom(outcome('error-not-logged-in'));
        expect(found.omniChannel.presence).toBe('unknown');
        expect(found.knowledge.why).toContain('No authorization information found for my-org');
    });
});

describe('caseServiceChannelFrom', () => {
    it('finds the channel that routes Case', () => {
        expect(caseServiceChannelFrom(outcome('service-channels-standard-cases'))).toEqual({
            state: 'exists',
            name: 'Cases'
        });
        expect(caseServiceChannelFrom(outcome('query-no-records'))).toEqual({ state: 'none' });
    });

    it('keeps a failed query apart from "no channel"', () => {
        expect(caseServiceChannelFrom(outcome('error-invalid-type'))).toEqual({
            state: 'unknown',
            why: expect.stringContaining('INVALID_TYPE: SELECT DeveloperName')
        });
    });
});

describe('caseAssignmentRulesFrom', () => {
    it('lists the rules with their state', () => {
        expect(caseAssignmentRulesFrom(outcome('case-assignment-rules'))).toEqual([
            { name: 'Standard Case Routing', active: true },
            { name: 'Sendbird_Chat_Routing', active: false }
        ]);
        expect(caseAssignmentRulesFrom(outcome('error-not-logged-in'))).toBeUndefined();
    });
});

describe('describeOrg', () => {
    it('asks the target org four read-only questions', async () => {
        const sf = fakeSf([
            ['FROM Organization', 'organization-scratch'],
            ['sobject list', 'objects-with-omni-and-knowledge'],
            ['FROM ServiceChannel', 'service-channels-standard-cases'],
            ['FROM AssignmentRule', 'case-assignment-rules']
        ]);
        const org = await describeOrg(sf, 'ci-scratch');
        expect(org).toMatchObject({
            targetOrg: 'ci-scratch',
            kind: 'scratch',
            omniChannel: { presence: 'present' },
            knowledge: { presence: 'present' },
            caseServiceChannel: { state: 'exists', name: 'Cases' }
        });
        expect(sf.calls).toHaveLength(4);
        for (const call of sf.calls) {
            expect(call.slice(-2)).toEqual(['--target-org', 'ci-scratch']);
            expect(['data query', 'sobject list']).toContain(call.slice(0, 2).join(' '));
            // ServiceChannel and AssignmentRule are data objects: nothing asks the Tooling API.
            expect(call).not.toContain('--use-tooling-api');
        }
    });

    it('asks only the kind and the features for org:test', async () => {
        const sf = fakeSf([
            ['FROM Organization', 'organization-production'],
            ['sobject list', 'objects-plain']
        ]);
        expect(await describeOrgFeatures(sf, 'prod')).toEqual({
            kind: 'production',
            kindWhy: 'production (Enterprise Edition)',
            omniChannel: { presence: 'absent', why: expect.stringContaining('no AgentWork') },
            knowledge: { presence: 'absent', why: expect.stringContaining('Knowledge__kav') }
        });
        expect(sf.calls.map((call) => call.slice(0, 2).join(' '))).toEqual([
            'data query',
            'sobject list'
        ]);
    });

    it('describes an org it cannot ask as unknown throughout', () => {
        const org = unknownOrg('no org');
        expect([org.kind, org.omniChannel.presence, org.knowledge.presence]).toEqual([
            'unknown',
            'unknown',
            'unknown'
        ]);
        expect(org.caseServiceChannel).toEqual({ state: 'unknown', why: 'no org' });
    });
});
