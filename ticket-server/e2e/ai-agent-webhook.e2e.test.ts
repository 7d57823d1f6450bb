import { signatureOf } from '../src/webhooks/signature';
import { TEST_SENDBIRD_API_TOKEN } from '../test-support/sendbird-double';
import { startTicketStack, type TicketStack } from '../test-support/stack';

// The AI agent's webhooks through the real server, with the Salesforce test double standing in
// for our Apex REST endpoints. Bodies follow the examples of dashboard-guide/webhook.md.
const CHANNEL = 'sendbird_group_channel_113498_600ddafdvijlk9439809890cf9';
const HANDOFF_PATH = /^\/services\/apexrest\/sendbird\/v1\/handoff$/;

function handoffEvent(id = 'd4444jl3239kjlkjfsdl3254359'): Record<string, unknown> {
    return {
        id,
        app_id: 'app_123456',
        category: 'handoff',
        created_at: '2025-07-30T08:30:32Z',
        data: {
            ai_agent_id: 'agent_abc123',
            conversation: {
                id: 2647,
                user_id: 'user_xyz789',
                channel_url: CHANNEL,
                channel_type: 'messenger',
                status: 'open',
                ai_agent_context: { language: 'en', country: 'kr', context: {} }
            },
            handoff_at: '2025-07-30T08:35:25Z'
        }
    };
}

function closedEvent(reason: string): Record<string, unknown> {
    const event = handoffEvent(`closed_${reason}`);
    const data = event.data as { conversation: Record<string, unknown> };
    data.conversation.status = 'closed';
    data.conversation.closed_reason = reason;
    data.conversation.closed_at = '2025-07-30T08:40:00Z';
    return { ...event, category: 'conversation:closed' };
}

/** Posts as Sendbird does: the raw body, signed with the API token unless told otherwise. */
async function deliver(
    stack: TicketStack,
    body: string | Record<string, unknown>,
    signature?: string
): Promise<{ status: number; body: Record<string, unknown> }> {
    const raw = typeof body === 'string' ? body : JSON.stringify(body);
    const response = await fetch(`${stack.url}/webhooks/ai-agent`, {
        method: 'POST',
        headers: {
            'content-type': 'application/json',
            'x-sendbird-signature': signature ?? signatureOf(raw, TEST_SENDBIRD_API_TOKEN)
        },
        body: raw
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : {} };
}

describe('POST /webhooks/ai-agent', () => {
    let stack: TicketStack;
    beforeEach(async () => {
        stack = await startTicketStack();
    });
    afterEach(async () => {
        await stack.close();
    });

    const apexCalls = () => stack.salesforce.callsTo('POST', /^\/services\/apexrest\//);

    it('hands a handoff to the Apex with the customer, and language, country and time in the summary', async () => {
        const answer = await deliver(stack, handoffEvent());

        expect(answer).toEqual({ status: 200, body: { ok: true, handled: true } });
        expect(stack.salesforce.handoffs).toEqual([
            {
                channelUrl: CHANNEL,
                customer: { sendbirdUserId: 'user_xyz789' },
                handoff: true,
                summary: [
                    'Handed off by the Sendbird AI agent at 2025-07-30T08:35:25Z.',
                    'Language: en',
                    'Country: kr',
                    'AI agent conversation: 2647',
                    'Sendbird event: d4444jl3239kjlkjfsdl3254359'
                ].join('\n')
            }
        ]);
    });

    it('answers a replayed event 200 without calling Salesforce again', async () => {
        await deliver(stack, handoffEvent());
        const replay = await deliver(stack, handoffEvent());

        expect(replay).toEqual({ status: 200, body: { ok: true, duplicate: true } });
        expect(stack.salesforce.callsTo('POST', HANDOFF_PATH)).toHaveLength(1);
    });

    it.each([
        ['missing', ''],
        ['made with another key', signatureOf(JSON.stringify(handoffEvent()), 'another-key')]
    ])('refuses a signature %s with 401 and calls nothing upstream', async (_name, signature) => {
        const answer = await deliver(stack, handoffEvent(), signature);

        expect(answer.status).toBe(401);
        expect(answer.body).toMatchObject({ error: { code: 'invalid_signature' } });
        expect(apexCalls()).toHaveLength(0);
        expect(stack.salesforce.logins()).toHaveLength(0);
    });

    it('refuses a body changed after it was signed', async () => {
        const signed = JSON.stringify(handoffEvent());
        const tampered = signed.replace('user_xyz789', 'user_attacker');

        const answer = await deliver(stack, tampered, signatureOf(signed, TEST_SENDBIRD_API_TOKEN));

        expect(answer.status).toBe(401);
        expect(apexCalls()).toHaveLength(0);
    });

    it('answers 503 when Salesforce fails, and handles the retry Sendbird then sends', async () => {
        stack.salesforce.inject('POST', HANDOFF_PATH, {
            status: 503,
            body: [{ errorCode: 'SERVER_UNAVAILABLE', message: 'down for maintenance' }]
        });

        const first = await deliver(stack, handoffEvent());
        const retry = await deliver(stack, handoffEvent());

        expect(first.status).toBe(503);
        expect(first.body).toMatchObject({ error: { code: 'salesforce_unavailable' } });
        expect(retry).toEqual({ status: 200, body: { ok: true, handled: true } });
        expect(stack.salesforce.handoffs).toHaveLength(1);
    });

    it('notes a close by the customer on the Case, and leaves a close by a human agent alone', async () => {
        await deliver(stack, handoffEvent());

        const resolved = await deliver(stack, closedEvent('user_resolved'));
        const byAgent = await deliver(stack, closedEvent('by_human_agent'));

        expect(resolved).toEqual({ status: 200, body: { ok: true, handled: true } });
        expect(byAgent).toEqual({ status: 200, body: { ok: true, handled: false } });
        expect(stack.salesforce.closedNotices).toEqual([
            { channelUrl: CHANNEL, reason: 'user_resolved', closedAt: '2025-07-30T08:40:00Z' }
        ]);
    });

    it('acknowledges other categories without calling Salesforce', async () => {
        const answer = await deliver(stack, { id: 'evt_msg', category: 'message:user_sent' });

        expect(answer).toEqual({ status: 200, body: { ok: true, handled: false } });
        expect(apexCalls()).toHaveLength(0);
    });

    it.each([
        ['a body that is not JSON', 'not json', 'malformed_json'],
        ['an event without an id', { category: 'handoff' }, 'invalid_event'],
        ['an event without a category', { id: 'evt' }, 'invalid_event'],
        [
            'a handoff without a channel',
            { id: 'evt', category: 'handoff', data: {} },
            'invalid_event'
        ]
    ])('refuses %s with 400 JSON and calls nothing upstream', async (_name, body, code) => {
        const answer = await deliver(stack, body as string | Record<string, unknown>);

        expect(answer.status).toBe(400);
        expect(answer.body).toMatchObject({ error: { code } });
        expect(apexCalls()).toHaveLength(0);
    });

    it('refuses a body over 256 KB with 413', async () => {
        const big = { ...handoffEvent(), padding: 'x'.repeat(257 * 1024) };

        const answer = await deliver(stack, big);

        expect(answer.status).toBe(413);
        expect(answer.body).toMatchObject({ error: { code: 'body_too_large' } });
        expect(apexCalls()).toHaveLength(0);
    });
});
