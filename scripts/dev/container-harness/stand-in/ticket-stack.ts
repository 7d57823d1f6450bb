import { startTicketStack, type TicketStack } from '../../../../ticket-server/test-support/stack';
import type { SendbirdDouble } from '../../../test-support/sendbird-double/sendbirdDouble';

/**
 * The ticket server with its Salesforce test double, pointed at the Sendbird stand-in for both
 * the Platform API (users, channels, tokens) and the customer page's chat hosts, so the customer,
 * the ticket server and the agent console share one Sendbird world. (The stack's own Platform
 * API double is started too but left unused.)
 */
export function startTicketServer(
    double: SendbirdDouble,
    env: Record<string, string> = {}
): Promise<TicketStack> {
    return startTicketStack({
        env: {
            SENDBIRD_APP_ID: double.appId,
            SENDBIRD_API_TOKEN: double.apiToken,
            SENDBIRD_API_URL: double.apiUrl,
            SENDBIRD_CHAT_API_HOST: double.apiUrl,
            SENDBIRD_CHAT_WS_HOST: double.wsUrl,
            ...env
        }
    });
}
