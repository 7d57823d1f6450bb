import {
    checkIntegrationUser,
    type IntegrationUserCheck
} from '../deploy/deploy-oauth-prerequisites';
import type { SfCli, SfOutcome } from './org-sf';

/**
 * What kind of org a deploy goes to. Production must run tests on deploy; the others are
 * "development environments" for the Metadata API (sandbox, scratch, Developer Edition, trial).
 */
export type OrgKind = 'production' | 'sandbox' | 'scratch' | 'development' | 'unknown';

export type Presence = 'present' | 'absent' | 'unknown';

/** Whether the org has a feature, and the evidence (or why it could not be told). */
export interface OrgFeature {
    presence: Presence;
    why: string;
}

/** A Case assignment rule of the org. */
export interface AssignmentRuleInfo {
    name: string;
    active: boolean;
}

/** The Service Channel that routes Case in the org: Salesforce allows one per object. */
export type CaseServiceChannel =
    { state: 'none' } | { state: 'exists'; name: string } | { state: 'unknown'; why: string };

/** What `npm run deploy` needs to know about the target org before it plans. */
export interface OrgDescription {
    targetOrg?: string;
    kind: OrgKind;
    kindWhy: string;
    omniChannel: OrgFeature;
    knowledge: OrgFeature;
    caseServiceChannel: CaseServiceChannel;
    /** The org's Case assignment rules; undefined when they could not be listed. */
    caseAssignmentRules?: AssignmentRuleInfo[];
    /** The --integration-user as the org knows it (asked only when one is given). */
    integrationUser?: IntegrationUserCheck;
}

/** The same fields and rule @salesforce/core uses (Org.determineIfScratch / determineIfSandbox). */
export const ORGANIZATION_QUERY =
    'SELECT IsSandbox, OrganizationType, TrialExpirationDate FROM Organization';
/**
 * ServiceChannel is a data (SOAP/REST) object with query() since API 32.0, once Omni-Channel is on
 * (Object Reference); the Tooling API has it only from 65.0, so the data API is asked. Salesforce
 * allows one channel per object.
 */
export const SERVICE_CHANNEL_QUERY = 'SELECT DeveloperName, RelatedEntity FROM ServiceChannel';
export const CASE_ASSIGNMENT_RULE_QUERY =
    "SELECT Name, Active FROM AssignmentRule WHERE SobjectType = 'Case'";

/** The sf commands `describeOrg` runs, all read-only. */
export const DETECTION_COMMANDS = {
    organization: ['data', 'query', '--query', ORGANIZATION_QUERY],
    objects: ['sobject', 'list', '--sobject', 'all'],
    serviceChannels: ['data', 'query', '--query', SERVICE_CHANNEL_QUERY],
    caseAssignmentRules: ['data', 'query', '--query', CASE_ASSIGNMENT_RULE_QUERY]
} as const;

function isRecord(value: unknown): value is Record<string, unknown> {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The records of a `sf data query --json` result, or undefined if it has none. */
function queryRecords(outcome: SfOutcome): Record<string, unknown>[] | undefined {
    if (!outcome.ok || !isRecord(outcome.result) || !Array.isArray(outcome.result.records)) {
        return undefined;
    }
    return outcome.result.records.filter(isRecord);
}

function failure(outcome: SfOutcome): string {
    // sf's messages span lines ("Parsing --target-org \n\tNo authorization..."): keep one line.
    return outcome.ok
        ? 'sf returned no records'
        : `${outcome.name}: ${outcome.message.replace(/\s+/g, ' ').trim()}`;
}

/** The org's kind, from the Organization query. */
export function orgKindFrom(outcome: SfOutcome): { kind: OrgKind; why: string } {
    const org = queryRecords(outcome)?.[0];
    if (!org) return { kind: 'unknown', why: `could not read Organization (${failure(outcome)})` };
    const trialEnds = typeof org.TrialExpirationDate === 'string' ? org.TrialExpirationDate : '';
    const type = typeof org.OrganizationType === 'string' ? org.OrganizationType : 'unknown';
    if (org.IsSandbox === true) {
        return trialEnds
            ? { kind: 'scratch', why: `scratch org (${type}, expires ${trialEnds.slice(0, 10)})` }
            : { kind: 'sandbox', why: `sandbox (${type})` };
    }
    if (type === 'Developer Edition') return { kind: 'development', why: 'Developer Edition' };
    if (trialEnds) {
        return { kind: 'development', why: `trial (${type}, ends ${trialEnds.slice(0, 10)})` };
    }
    return { kind: 'production', why: `production (${type})` };
}

/** Omni-Channel and Lightning Knowledge, from the objects the deploying user can see. */
export function featuresFrom(outcome: SfOutcome): {
    omniChannel: OrgFeature;
    knowledge: OrgFeature;
} {
    if (!outcome.ok || !Array.isArray(outcome.result)) {
        const why = `could not list the org's objects (${failure(outcome)})`;
        return {
            omniChannel: { presence: 'unknown', why },
            knowledge: { presence: 'unknown', why }
        };
    }
    const objects = new Set(outcome.result.filter((name) => typeof name === 'string'));
    return {
        omniChannel: objects.has('AgentWork')
            ? { presence: 'present', why: 'the org has the AgentWork object' }
            : {
                  presence: 'absent',
                  why: 'no AgentWork object: Omni-Channel is off (Setup > Omni-Channel Settings)'
              },
        knowledge: objects.has('Knowledge__kav')
            ? { presence: 'present', why: 'the org has the Knowledge__kav object' }
            : {
                  presence: 'absent',
                  why: 'no Knowledge__kav object you can see: Lightning Knowledge is off, or you are not a Knowledge User'
              }
    };
}

/** The Service Channel that already routes Case, from the ServiceChannel query. */
export function caseServiceChannelFrom(outcome: SfOutcome): CaseServiceChannel {
    const records = queryRecords(outcome);
    if (!records) {
        return { state: 'unknown', why: `could not list Service Channels (${failure(outcome)})` };
    }
    const channel = records.find((record) => record.RelatedEntity === 'Case');
    return typeof channel?.DeveloperName === 'string'
        ? { state: 'exists', name: channel.DeveloperName }
        : { state: 'none' };
}

/** The org's Case assignment rules, or undefined if they could not be read. */
export function caseAssignmentRulesFrom(outcome: SfOutcome): AssignmentRuleInfo[] | undefined {
    return queryRecords(outcome)?.map((record) => ({
        name: String(record.Name),
        active: record.Active === true
    }));
}

/** The description used when there is no org to ask (e.g. `npm run deploy -- --dry-run`). */
export function unknownOrg(why: string): OrgDescription {
    return {
        kind: 'unknown',
        kindWhy: why,
        omniChannel: { presence: 'unknown', why },
        knowledge: { presence: 'unknown', why },
        caseServiceChannel: { state: 'unknown', why }
    };
}

/**
 * The org's kind and features only: two of describeOrg's questions, in parallel (what org:test
 * needs to know which package directories a deploy put there).
 */
export async function describeOrgFeatures(
    sf: SfCli,
    targetOrg: string
): Promise<Pick<OrgDescription, 'kind' | 'kindWhy' | 'omniChannel' | 'knowledge'>> {
    const ask = (args: readonly string[]) => sf.json([...args, '--target-org', targetOrg]);
    const [organization, objects] = await Promise.all([
        ask(DETECTION_COMMANDS.organization),
        ask(DETECTION_COMMANDS.objects)
    ]);
    const { kind, why } = orgKindFrom(organization);
    return { kind, kindWhy: why, ...featuresFrom(objects) };
}

/**
 * Asks the org, read-only and in parallel, what the deploy plan depends on; with an integration
 * user, also whether it can be the External Client App's run-as user.
 */
export async function describeOrg(
    sf: SfCli,
    targetOrg: string,
    integrationUser?: string
): Promise<OrgDescription> {
    const ask = (args: readonly string[]) => sf.json([...args, '--target-org', targetOrg]);
    const [organization, objects, channels, rules, user] = await Promise.all([
        ask(DETECTION_COMMANDS.organization),
        ask(DETECTION_COMMANDS.objects),
        ask(DETECTION_COMMANDS.serviceChannels),
        ask(DETECTION_COMMANDS.caseAssignmentRules),
        integrationUser ? checkIntegrationUser(sf, targetOrg, integrationUser) : undefined
    ]);
    const { kind, why } = orgKindFrom(organization);
    return {
        targetOrg,
        kind,
        kindWhy: why,
        ...featuresFrom(objects),
        caseServiceChannel: caseServiceChannelFrom(channels),
        caseAssignmentRules: caseAssignmentRulesFrom(rules),
        ...(user ? { integrationUser: user } : {})
    };
}
