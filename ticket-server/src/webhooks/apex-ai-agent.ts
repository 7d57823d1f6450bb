import type { SalesforceRestClient } from '../salesforce/rest-client';
import type { AiAgentSalesforce } from '../routes/ai-agent-webhook';
import type { ApexClosedBody, ApexHandoffBody } from './salesforce-requests';

/** The AI agent's events into our Apex REST endpoints, through the server's cached session. */
export class ApexAiAgent implements AiAgentSalesforce {
    constructor(private readonly rest: SalesforceRestClient) {}

    async handOff(body: ApexHandoffBody): Promise<void> {
        await this.rest.apex('hand the conversation over', 'POST', '/sendbird/v1/handoff', body);
    }

    async recordClosed(body: ApexClosedBody): Promise<void> {
        await this.rest.apex(
            'note the closed conversation',
            'POST',
            '/sendbird/v1/conversation/closed',
            body
        );
    }
}
