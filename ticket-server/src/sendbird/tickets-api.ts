import { UpstreamError } from '../errors';
import type { SendbirdPlatformClient } from './platform-client';

/** The `custom_type` of ticket channels, so agents' apps and webhooks can tell them apart. */
export const TICKET_CHANNEL_TYPE = 'salesforce_case';

/** How long the customer's session token lasts. */
export const SESSION_TOKEN_TTL_MS = 24 * 60 * 60 * 1000;

export interface TicketChannel {
    channelUrl: string;
    userId: string;
    /** Shown as the chat's title, e.g. "Ticket 00001001: Printer on fire". */
    name: string;
    caseId: string;
    caseNumber: string;
}

/** The three Platform API calls a ticket needs, in the documented wire format. */
export class SendbirdTickets {
    constructor(private readonly client: SendbirdPlatformClient) {}

    /** POST /v3/users; an existing user (400202) is fine. True when this call created it. */
    async ensureUser(userId: string, nickname: string): Promise<boolean> {
        const created = await this.client.request({
            method: 'POST',
            path: '/users',
            body: { user_id: userId, nickname, profile_url: '' },
            alreadyExistsIsSuccess: true
        });
        return created !== undefined;
    }

    /**
     * POST /v3/group_channels with the ticket's channel URL; 400202 on a retry is success. `data`
     * names the Case, which is how the agents' app finds it (channel URL ≠ Case Id).
     */
    async createChannel(channel: TicketChannel): Promise<void> {
        await this.client.request({
            method: 'POST',
            path: '/group_channels',
            body: {
                channel_url: channel.channelUrl,
                name: channel.name,
                custom_type: TICKET_CHANNEL_TYPE,
                data: JSON.stringify({ caseId: channel.caseId, caseNumber: channel.caseNumber }),
                user_ids: [channel.userId],
                is_distinct: false
            },
            alreadyExistsIsSuccess: true
        });
    }

    /** POST /v3/users/{id}/token: a session token for the customer's chat view. */
    async issueSessionToken(userId: string, now = Date.now()): Promise<string> {
        const issued = await this.client.request<{ token?: string }>({
            method: 'POST',
            path: `/users/${encodeURIComponent(userId)}/token`,
            body: { expires_at: now + SESSION_TOKEN_TTL_MS }
        });
        if (!issued?.token) throw new UpstreamError('sendbird', 'the token response had no token');
        return issued.token;
    }
}
