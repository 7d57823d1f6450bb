import { HttpError } from '../../errors';
import { parseAiAgentEvent } from '../ai-agent-event';
import { closedBodyOf, handoffBodyOf } from '../salesforce-requests';

// The handoff example of the AI agent's webhook guide (dashboard-guide/webhook.md).
const HANDOFF_EVENT = {
    id: 'd4444jl3239kjlkjfsdl3254359',
    app_id: 'app_123456',
    category: 'handoff',
    created_at: '2025-07-30T08:30:32.d25Z',
    data: {
        ai_agent_id: 'agent_abc123',
        conversation: {
            id: 2647,
            user_id: 'user_xyz789',
            channel_url: 'sendbird_group_channel_113498_600ddafdvijlk9439809890cf9',
            channel_type: 'messenger',
            started_at: '2025-07-30T08:30:25Z',
            status: 'open',
            ai_agent_context: { language: 'en', country: 'kr', context: { arbitray_key: 'value' } }
        },
        external_case: { case_id: 'sprinklr_123', type: 'sprinklr' },
        handoff_at: '2025-07-30T08:35:25Z'
    }
};

function parse(value: unknown) {
    return parseAiAgentEvent(
        Buffer.from(typeof value === 'string' ? value : JSON.stringify(value))
    );
}

function refusal(value: unknown): { status: number; code: string } {
    try {
        parse(value);
    } catch (error) {
        if (error instanceof HttpError) return { status: error.statusCode, code: error.code };
        throw error;
    }
    throw new Error('expected a refusal');
}

describe('parseAiAgentEvent', () => {
    it('reads the documented handoff event', () => {
        expect(parse(HANDOFF_EVENT).data?.conversation?.user_id).toBe('user_xyz789');
    });

    it.each([
        ['not JSON', 'not json', 'malformed_json'],
        ['a JSON array', '[1]', 'invalid_event'],
        ['no id', { category: 'handoff' }, 'invalid_event'],
        ['no category', { id: 'evt' }, 'invalid_event'],
        ['a blank id', { id: ' ', category: 'handoff' }, 'invalid_event'],
        ['a handoff without a channel', { ...HANDOFF_EVENT, data: {} }, 'invalid_event'],
        [
            'a handoff without a user',
            {
                ...HANDOFF_EVENT,
                data: { conversation: { channel_url: 'sendbird_group_channel_1' } }
            },
            'invalid_event'
        ]
    ])('refuses %s with 400', (_name, body, code) => {
        expect(refusal(body)).toEqual({ status: 400, code });
    });

    it('accepts a category it does not act on without its data', () => {
        expect(parse({ id: 'evt', category: 'message:user_sent' }).category).toBe(
            'message:user_sent'
        );
    });
});

describe('handoffBodyOf', () => {
    it('hands the channel and customer to the Apex, with language, country and time in the summary', () => {
        expect(handoffBodyOf(parse(HANDOFF_EVENT))).toEqual({
            channelUrl: 'sendbird_group_channel_113498_600ddafdvijlk9439809890cf9',
            customer: { sendbirdUserId: 'user_xyz789' },
            handoff: true,
            summary: [
                'Handed off by the Sendbird AI agent at 2025-07-30T08:35:25Z.',
                'Language: en',
                'Country: kr',
                'AI agent conversation: 2647',
                'Sendbird event: d4444jl3239kjlkjfsdl3254359'
            ].join('\n')
        });
    });

    it('leaves out the lines the event has no value for', () => {
        const event = parse({
            id: 'evt_2',
            category: 'handoff',
            data: { conversation: { user_id: 'u', channel_url: 'sendbird_group_channel_2' } }
        });
        expect(handoffBodyOf(event).summary).toBe(
            'Handed off by the Sendbird AI agent.\nSendbird event: evt_2'
        );
    });
});

describe('closedBodyOf', () => {
    const closed = (reason: string | undefined) =>
        parse({
            id: 'evt_3',
            category: 'conversation:closed',
            data: {
                conversation: {
                    user_id: 'u',
                    channel_url: 'sendbird_group_channel_3',
                    closed_at: '2025-07-30T08:35:32Z',
                    ...(reason ? { closed_reason: reason } : {})
                }
            }
        });

    it('notes a close by the AI agent or the customer', () => {
        expect(closedBodyOf(closed('user_resolved'))).toEqual({
            channelUrl: 'sendbird_group_channel_3',
            reason: 'user_resolved',
            closedAt: '2025-07-30T08:35:32Z'
        });
    });

    it('leaves a close by a human agent to Salesforce, and one with no reason', () => {
        expect(closedBodyOf(closed('by_human_agent'))).toBeUndefined();
        expect(closedBodyOf(closed(undefined))).toBeUndefined();
    });
});
