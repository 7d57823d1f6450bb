import { HttpError } from '../errors';

/** `data.conversation.ai_agent_context`: what the AI agent knows of the customer. */
export interface AiAgentContext {
    language?: string;
    country?: string;
    context?: Record<string, unknown>;
}

/** `data.conversation`, as the AI agent's webhook guide documents it. */
export interface AiAgentConversation {
    id?: number | string;
    user_id: string;
    channel_url: string;
    channel_type?: string;
    status?: string;
    closed_at?: string;
    closed_reason?: string;
    ai_agent_context?: AiAgentContext;
}

/** One AI agent webhook event: the envelope every category shares. */
export interface AiAgentEvent {
    id: string;
    app_id?: string;
    category: string;
    created_at?: string;
    data?: {
        ai_agent_id?: string;
        conversation?: AiAgentConversation;
        external_case?: { case_id?: string; type?: string };
        handoff_at?: string;
    };
}

/** The categories this receiver acts on; every other one is acknowledged and ignored. */
export const HANDOFF = 'handoff';
export const CONVERSATION_CLOSED = 'conversation:closed';

/**
 * Parses a webhook body. Refuses (400 JSON) what is not a JSON object with a string `id` and
 * `category`; for the categories acted on, also a conversation without `user_id` or
 * `channel_url`, since nothing useful could be done with it.
 */
export function parseAiAgentEvent(rawBody: Buffer): AiAgentEvent {
    let parsed: unknown;
    try {
        parsed = JSON.parse(rawBody.toString('utf8'));
    } catch {
        throw new HttpError(400, 'malformed_json', 'The webhook body is not JSON.');
    }
    if (!isObject(parsed)) {
        throw new HttpError(400, 'invalid_event', 'The webhook body is not a JSON object.');
    }
    for (const field of ['id', 'category'] as const) {
        const value = parsed[field];
        if (typeof value !== 'string' || value.trim() === '') {
            throw new HttpError(400, 'invalid_event', `The event has no ${field}.`);
        }
    }
    const event = parsed as unknown as AiAgentEvent;
    if (event.category === HANDOFF || event.category === CONVERSATION_CLOSED) {
        const conversation = event.data?.conversation;
        if (!isObject(conversation) || !isText(conversation.channel_url)) {
            throw new HttpError(
                400,
                'invalid_event',
                `A ${event.category} event needs data.conversation.channel_url.`
            );
        }
        if (!isText(conversation.user_id)) {
            throw new HttpError(
                400,
                'invalid_event',
                `A ${event.category} event needs data.conversation.user_id.`
            );
        }
    }
    return event;
}

function isObject(value: unknown): value is Record<string, unknown> {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isText(value: unknown): value is string {
    return typeof value === 'string' && value.trim() !== '';
}
