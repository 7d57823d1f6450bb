import { startSendbirdDouble, STANDIN_NOTICE, type SendbirdDouble } from '../sendbirdDouble';

/** The Platform API half of the local stand-in for Sendbird, over real loopback HTTP. */

let double: SendbirdDouble;

beforeEach(async () => {
    double = await startSendbirdDouble();
});

afterEach(async () => {
    await double.close();
});

async function call(method: string, path: string, body?: unknown, token = double.apiToken) {
    const response = await fetch(`${double.apiUrl}/v3${path}`, {
        method,
        headers: { 'Api-Token': token, 'Content-Type': 'application/json; charset=utf8' },
        body: body === undefined ? undefined : JSON.stringify(body)
    });
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON under test
    const json: any = await response.json();
    return { status: response.status, headers: response.headers, body: json };
}

const user = (id: string, nickname = id) =>
    call('POST', '/users', { user_id: id, nickname, profile_url: '' });

describe('Platform API subset', () => {
    it('says it is a local stand-in at its root', async () => {
        const response = await fetch(double.apiUrl);
        expect(await response.text()).toContain(STANDIN_NOTICE);
    });

    it('refuses a wrong Api-Token with Sendbird’s error shape', async () => {
        const refused = await call(
            'POST',
            '/users',
            { user_id: 'u1', nickname: '', profile_url: '' },
            'wrong'
        );
        expect(refused).toMatchObject({ status: 401, body: { error: true, code: 400401 } });
        expect(double.world.users.size).toBe(0);
    });

    it('creates users once (400202 on a repeat), renames them and issues tokens (400201 for nobody)', async () => {
        expect((await user('cust_1', 'Casey')).body).toMatchObject({
            user_id: 'cust_1',
            nickname: 'Casey'
        });
        expect((await user('cust_1')).body).toMatchObject({ error: true, code: 400202 });
        const renamed = await call('PUT', '/users/cust_1', { nickname: 'Casey C.' });
        expect(renamed.body.nickname).toBe('Casey C.');
        const expiresAt = Date.now() + 60_000;
        const token = await call('POST', '/users/cust_1/token', { expires_at: expiresAt });
        expect(token.body).toEqual({ token: expect.any(String), expires_at: expiresAt });
        expect(double.world.checkToken('cust_1', token.body.token)).toBe('cust_1');
        expect((await call('POST', '/users/nobody/token', {})).body).toMatchObject({
            code: 400201
        });
        const incomplete = await call('POST', '/users', { user_id: 'x' });
        expect(incomplete).toMatchObject({ status: 400, body: { error: true, code: 400100 } });
    });

    it('creates a channel with channel_url, user_ids and name, refuses a duplicate and unknown members', async () => {
        await user('cust_1');
        const created = await call('POST', '/group_channels', {
            channel_url: '500Aa00000Ticket1',
            user_ids: ['cust_1'],
            name: 'Case 00001001',
            is_distinct: false
        });
        expect(created.body).toMatchObject({
            channel_url: '500Aa00000Ticket1',
            name: 'Case 00001001',
            member_count: 1,
            members: [expect.objectContaining({ user_id: 'cust_1' })]
        });
        const again = await call('POST', '/group_channels', {
            channel_url: '500Aa00000Ticket1',
            user_ids: ['cust_1']
        });
        expect(again).toMatchObject({ status: 400, body: { error: true, code: 400202 } });
        const ghost = await call('POST', '/group_channels', {
            channel_url: 'ticket_ghost',
            user_ids: ['ghost']
        });
        expect(ghost.body).toMatchObject({ code: 400201 });
        expect(double.world.channels.has('ticket_ghost')).toBe(false);
        const bad = await call('POST', '/group_channels', { channel_url: 'a b', user_ids: [] });
        expect(bad.body).toMatchObject({ error: true, code: 400111 });
        expect((await call('GET', '/group_channels/nope')).body).toMatchObject({ code: 400201 });
    });

    it('reuses a distinct channel for the same members', async () => {
        await user('a_1');
        await user('b_1');
        const first = await call('POST', '/group_channels', {
            user_ids: ['a_1', 'b_1'],
            is_distinct: true
        });
        const second = await call('POST', '/group_channels', {
            user_ids: ['b_1', 'a_1'],
            is_distinct: true
        });
        expect(second.body.channel_url).toBe(first.body.channel_url);
    });

    it('invites and removes members, and GET shows the result', async () => {
        await user('cust_1');
        await user('agent_1');
        await call('POST', '/group_channels', { channel_url: 'ticket_1', user_ids: ['cust_1'] });
        const invited = await call('POST', '/group_channels/ticket_1/invite', {
            user_ids: ['agent_1']
        });
        expect(invited.body.members.map((m: { user_id: string }) => m.user_id)).toEqual([
            'cust_1',
            'agent_1'
        ]);
        // Inviting twice changes nothing.
        await call('POST', '/group_channels/ticket_1/invite', { user_ids: ['agent_1'] });
        expect((await call('GET', '/group_channels/ticket_1')).body.member_count).toBe(2);
        expect(
            (await call('PUT', '/group_channels/ticket_1/leave', { user_ids: ['agent_1'] })).body
        ).toEqual({});
        expect((await call('GET', '/group_channels/ticket_1')).body.member_count).toBe(1);
        expect(
            (await call('POST', '/group_channels/nope/invite', { user_ids: ['agent_1'] })).body
        ).toMatchObject({ code: 400201 });
    });

    it('sends messages as a user and lists them around message_ts, counting them unread for the others', async () => {
        await user('cust_1', 'Casey');
        await user('agent_1');
        await call('POST', '/group_channels', {
            channel_url: 'ticket_1',
            user_ids: ['cust_1', 'agent_1']
        });
        for (const message of ['one', 'two', 'three']) {
            const sent = await call('POST', '/group_channels/ticket_1/messages', {
                message_type: 'MESG',
                user_id: 'cust_1',
                message
            });
            expect(sent.body).toMatchObject({
                type: 'MESG',
                message,
                user: { user_id: 'cust_1', nickname: 'Casey' }
            });
        }
        const listed = await call(
            'GET',
            `/group_channels/ticket_1/messages?message_ts=${Date.now() + 1000}&prev_limit=2&next_limit=0`
        );
        expect(listed.body.messages.map((m: { message: string }) => m.message)).toEqual([
            'two',
            'three'
        ]);
        expect(double.unreadCount('agent_1', 'ticket_1')).toBe(3);
        expect(double.unreadCount('cust_1', 'ticket_1')).toBe(0);
        const outsider = await call('POST', '/group_channels/ticket_1/messages', {
            message_type: 'MESG',
            user_id: 'nobody',
            message: 'x'
        });
        expect(outsider.body).toMatchObject({ error: true, code: 400201 });
        expect(double.messages('ticket_1')).toHaveLength(3);
    });

    it('answers an injected rate limit as Sendbird does (429, 500910, X-RateLimit-RetryAfter), then recovers', async () => {
        double.failNext({
            method: 'POST',
            path: /^\/v3\/users$/,
            status: 429,
            code: 500910,
            retryAfter: '1'
        });
        const limited = await user('cust_1');
        expect(limited).toMatchObject({ status: 429, body: { error: true, code: 500910 } });
        expect(limited.headers.get('x-ratelimit-retryafter')).toBe('1');
        expect(double.world.users.size).toBe(0);
        expect((await user('cust_1')).status).toBe(200);
        expect(double.platformCalls.map((c) => `${c.method} ${c.path}`)).toEqual([
            'POST /v3/users',
            'POST /v3/users'
        ]);
        expect(JSON.parse(double.platformCalls[1].body)).toMatchObject({ user_id: 'cust_1' });
    });

    it('records a request no route handles, so a test can tell', async () => {
        const unknown = await call('GET', '/no_such_thing');
        expect(unknown.status).toBe(404);
        expect(double.unhandled).toEqual(['GET /v3/no_such_thing']);
    });

    it('refuses malformed JSON with a 400 and Sendbird’s error shape', async () => {
        const response = await fetch(`${double.apiUrl}/v3/users`, {
            method: 'POST',
            headers: { 'Api-Token': double.apiToken, 'Content-Type': 'application/json' },
            body: '{not json'
        });
        expect(response.status).toBe(400);
        expect(await response.json()).toMatchObject({ error: true, code: 400403 });
    });
});
