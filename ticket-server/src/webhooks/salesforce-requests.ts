import type { AiAgentEvent } from './ai-agent-event';

/** The body of our Apex REST `POST /sendbird/v1/handoff` (see SendbirdHandoffRequest.cls). */
export interface ApexHandoffBody {
    channelUrl: string;
    customer: { sendbirdUserId: string };
    summary: string;
    handoff: true;
}

/** The body of our Apex REST `POST /sendbird/v1/conversation/closed`. */
export interface ApexClosedBody {
    channelUrl: string;
    reason: string;
    closedAt?: string;
}

/** Closed by a person in Salesforce: the Case already tells that story, nothing to record. */
export const CLOSED_BY_HUMAN_AGENT = 'by_human_agent';

/**
 * A `handoff` event as our handoff request. The contract has no language or country fields, so
 * they travel as lines of the summary, which the Case shows; the transcript is left out, so the
 * Apex reads the full history from Sendbird itself.
 */
export function handoffBodyOf(event: AiAgentEvent): ApexHandoffBody {
    const conversation = event.data!.conversation!;
    const context = conversation.ai_agent_context ?? {};
    const lines = [
        `Handed off by the Sendbird AI agent${at(event.data?.handoff_at ?? event.created_at)}.`,
        line('Language', context.language),
        line('Country', context.country),
        line('AI agent conversation', conversation.id),
        line('Sendbird event', event.id)
    ].filter((text): text is string => text !== undefined);
    return {
        channelUrl: conversation.channel_url,
        customer: { sendbirdUserId: conversation.user_id },
        summary: lines.join('\n'),
        handoff: true
    };
}

/** A `conversation:closed` event as our close note, or undefined when there is nothing to record. */
export function closedBodyOf(event: AiAgentEvent): ApexClosedBody | undefined {
    const conversation = event.data!.conversation!;
    const reason = conversation.closed_reason;
    if (typeof reason !== 'string' || reason === '' || reason === CLOSED_BY_HUMAN_AGENT) {
        return undefined;
    }
    return {
        channelUrl: conversation.channel_url,
        reason,
        ...(conversation.closed_at ? { closedAt: conversation.closed_at } : {})
    };
}

function at(time: string | undefined): string {
    return time ? ` at ${time}` : '';
}

function line(label: string, value: unknown): string | undefined {
    if (value === undefined || value === null || String(value).trim() === '') return undefined;
    return `${label}: ${String(value).trim()}`;
}
