import type { SalesforceDouble } from '../../../../ticket-server/test-support/salesforce-double';
import type { SendbirdDouble } from '../../../test-support/sendbird-double/sendbirdDouble';

/** How often the stand-in routing looks for new Cases. */
export const ROUTING_POLL_MS = 100;

/**
 * Plays Salesforce's routing for the demo and the full-flow test: when a new Case appears in
 * the Salesforce test double, the agent becomes its owner, and (as the Case owner trigger's
 * Queueable does in an org) is invited to the Case's channel, `Sendbird_Channel_URL__c`. A Case
 * whose channel does not exist (yet) is tried again. Returns the function that stops it.
 */
export function playRouting(
    salesforce: SalesforceDouble,
    sendbird: SendbirdDouble,
    agentUserId: string,
    onRouted: (caseId: string) => void = () => undefined
): () => void {
    const routed = new Set<string>();
    const timer = setInterval(() => {
        for (const [caseId, stored] of salesforce.cases) {
            const channelUrl = stored.Sendbird_Channel_URL__c;
            if (routed.has(caseId) || typeof channelUrl !== 'string') {
                continue;
            }
            try {
                sendbird.invite(channelUrl, [agentUserId]);
                routed.add(caseId);
                onRouted(caseId);
            } catch {
                // The ticket server creates the channel right after the Case: next round.
            }
        }
    }, ROUTING_POLL_MS);
    return () => clearInterval(timer);
}
