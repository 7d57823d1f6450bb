import { startSendbirdDouble, type SendbirdDouble } from '../sendbirdDouble';
import { connectSdk, type SdkClient } from './sdkClient';

/**
 * Drift guard: the pinned, unmodified @sendbird/chat against the local stand-in for Sendbird.
 * When the SDK's wire behaviour changes (paths, fields, commands), these fail, and
 * PROTOCOL.md / the stand-in need another look.
 */

jest.setTimeout(30_000);

async function until<T>(probe: () => T | undefined | false, what: string, ms = 5_000): Promise<T> {
    const deadline = Date.now() + ms;
    for (;;) {
        const value = probe();
        if (value) return value;
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
        await new Promise((r) => setTimeout(r, 20));
    }
}

describe('pinned @sendbird/chat against the stand-in', () => {
    let double: SendbirdDouble;
    const clients: SdkClient[] = [];

    beforeEach(async () => {
        double = await startSendbirdDouble();
        double.createUser({ userId: 'customer_1', nickname: 'Casey Customer' });
        double.createUser({ userId: 'agent_1', nickname: 'Alex Agent' });
    });

    afterEach(async () => {
        await Promise.all(clients.splice(0).map((c) => c.close().catch(() => undefined)));
        await double.close();
    });

    async function connect(userId: string, options?: Parameters<typeof connectSdk>[3]) {
        const client = await connectSdk(double, userId, double.issueToken(userId), options);
        clients.push(client);
        return client;
    }

    it('connects, lists my channels and round-trips a user message', async () => {
        const url = double.createChannel({
            url: '500Aa00000Ticket1',
            name: 'Case 00001001',
            userIds: ['customer_1', 'agent_1']
        });
        const customer = await connect('customer_1');
        const agent = await connect('agent_1');
        expect(agent.sb.currentUser?.nickname).toBe('Alex Agent');

        const query = agent.sb.groupChannel.createMyGroupChannelListQuery({ includeEmpty: true });
        const channels = await query.next();
        expect(channels.map((c) => c.url)).toEqual([url]);

        const customerChannel = await customer.sb.groupChannel.getChannel(url);
        const sent = await new Promise<string>((resolve, reject) =>
            customerChannel
                .sendUserMessage({ message: 'My order never arrived' })
                .onSucceeded((m) => resolve(m.message))
                .onFailed(reject)
        );
        expect(sent).toBe('My order never arrived');
        await until(() => agent.received.length > 0, 'the agent to receive the message');
        expect(agent.received).toEqual(['My order never arrived']);
        expect(double.messages(url).map((m) => m.message)).toEqual(['My order never arrived']);
        expect(double.unhandled).toEqual([]);
    });

    it('loads earlier messages around a timestamp, oldest first', async () => {
        const url = double.createChannel({
            url: 'ticket_history',
            userIds: ['customer_1', 'agent_1']
        });
        for (const text of ['one', 'two', 'three']) double.sendMessage(url, 'customer_1', text);
        const agent = await connect('agent_1');
        const channel = await agent.sb.groupChannel.getChannel(url);
        const earlier = await channel.getMessagesByTimestamp(Date.now() + 1_000, {
            prevResultSize: 2,
            nextResultSize: 0
        });
        expect(earlier.map((m) => (m.isUserMessage() ? m.message : ''))).toEqual(['two', 'three']);
        expect(earlier[0].isUserMessage() && earlier[0].sender.nickname).toBe('Casey Customer');
    });

    it('refuses an expired token at connect with 400302, and accepts a fresh one', async () => {
        const stale = double.issueToken('agent_1');
        double.expireToken('agent_1', stale);
        await expect(connectSdk(double, 'agent_1', stale)).rejects.toMatchObject({ code: 400302 });
        const agent = await connect('agent_1');
        expect(agent.sb.currentUser?.userId).toBe('agent_1');
    });

    it('refreshes an expired session mid-session through onSessionTokenRequired (400309, LOGI, 400302)', async () => {
        const fresh: string[] = [];
        const agent = await connect('agent_1', {
            onSessionTokenRequired: async () => {
                fresh.push(double.issueToken('agent_1'));
                return fresh[0];
            }
        });
        double.expireToken('agent_1');
        double.expireSession('agent_1');
        // Any REST call now gets 400309; the SDK refreshes over the socket and retries.
        await expect(agent.sb.groupChannel.getTotalUnreadMessageCount()).resolves.toBe(0);
        expect(agent.events).toEqual(
            expect.arrayContaining(['session-token-required', 'session-refreshed'])
        );
        const logins = double.received.filter(
            (f) => f.userId === 'agent_1' && f.command === 'LOGI'
        );
        expect(logins.map((f) => f.payload.token)).toEqual([expect.any(String), fresh[0]]);
        expect(logins[0].payload).toMatchObject({ expiring_session: 1 });
    });

    it('refreshes at once when the stand-in pushes EXPR', async () => {
        const agent = await connect('agent_1', {
            onSessionTokenRequired: async () => double.issueToken('agent_1')
        });
        double.expireToken('agent_1');
        double.expireSession('agent_1', { push: true });
        await until(() => agent.events.includes('session-refreshed'), 'the session refresh');
        expect(agent.events).toContain('session-token-required');
    });

    it('counts unread messages on the server, pushes the count, and sends read receipts', async () => {
        const url = double.createChannel({
            url: 'ticket_unread',
            userIds: ['customer_1', 'agent_1']
        });
        const agent = await connect('agent_1');
        const customer = await connect('customer_1');
        const customerChannel = await customer.sb.groupChannel.getChannel(url);
        for (const text of ['Hello?', 'Anyone there?']) {
            await new Promise((resolve, reject) =>
                customerChannel
                    .sendUserMessage({ message: text })
                    .onSucceeded(resolve)
                    .onFailed(reject)
            );
        }
        await until(() => agent.events.includes('unread:2'), 'the unread count push');
        await expect(agent.sb.groupChannel.getTotalUnreadMessageCount()).resolves.toBe(2);
        expect(double.unreadCount('agent_1', url)).toBe(2);
        // The channel list carries the per-channel count too.
        const [listed] = await agent.sb.groupChannel.createMyGroupChannelListQuery().next();
        expect(listed.unreadMessageCount).toBe(2);

        const agentChannel = await agent.sb.groupChannel.getChannel(url);
        await agentChannel.markAsRead();
        await until(() => agent.events.includes('unread:0'), 'the count to drop to 0');
        expect(double.unreadCount('agent_1')).toBe(0);
        await until(() => customer.events.includes(`read:${url}`), 'the read receipt');
        const last = customerChannel.lastMessage!;
        expect(customerChannel.getUnreadMemberCount(last)).toBe(0);
        expect(double.readReceipts(url).agent_1).toBeGreaterThanOrEqual(last.createdAt);
    });

    it('uploads a file to the stand-in, sends it as a file message and serves it', async () => {
        const url = double.createChannel({
            url: 'ticket_file',
            userIds: ['customer_1', 'agent_1']
        });
        const agent = await connect('agent_1');
        const customer = await connect('customer_1');
        const channel = await customer.sb.groupChannel.getChannel(url);
        const bytes = Buffer.from('89504e470d0a1a0a', 'hex');
        const sent = await new Promise<{ url: string; name: string }>((resolve, reject) =>
            channel
                .sendFileMessage({ file: new File([bytes], 'receipt.png', { type: 'image/png' }) })
                .onSucceeded((m) => resolve(m as never))
                .onFailed(reject)
        );
        expect(sent.name).toBe('receipt.png');
        await until(() => agent.received.includes('receipt.png'), 'the file message');
        const served = await fetch(sent.url);
        expect(served.headers.get('content-type')).toBe('image/png');
        expect(Buffer.from(await served.arrayBuffer())).toEqual(bytes);
        const file = double.received.find((f) => f.command === 'FILE');
        expect(file?.payload).toMatchObject({
            channel_url: url,
            name: 'receipt.png',
            type: 'image/png'
        });
    });

    it('relays typing indicators to the other members', async () => {
        const url = double.createChannel({
            url: 'ticket_typing',
            userIds: ['customer_1', 'agent_1']
        });
        const agent = await connect('agent_1');
        const customer = await connect('customer_1');
        const channel = await customer.sb.groupChannel.getChannel(url);
        await agent.sb.groupChannel.getChannel(url);
        await channel.startTyping();
        await until(() => agent.events.includes('typing:customer_1'), 'typing start');
        await channel.endTyping();
        await until(() => agent.events.includes('typing:'), 'typing end');
    });

    it('shows a channel to an agent the Platform API invites, with a message sent as the customer', async () => {
        const agent = await connect('agent_1');
        const platform = (path: string, method: string, body: unknown) =>
            fetch(`${double.apiUrl}${path}`, {
                method,
                headers: { 'Api-Token': double.apiToken, 'content-type': 'application/json' },
                body: JSON.stringify(body)
            });
        expect(
            (
                await platform('/v3/group_channels', 'POST', {
                    channel_url: 'ticket_invite',
                    user_ids: ['customer_1'],
                    name: 'Case 1',
                    is_distinct: false
                })
            ).status
        ).toBe(200);
        expect(
            (
                await platform('/v3/group_channels/ticket_invite/invite', 'POST', {
                    user_ids: ['agent_1']
                })
            ).status
        ).toBe(200);
        await until(() => agent.events.includes('invited:ticket_invite'), 'the invitation event');
        expect(
            (
                await platform('/v3/group_channels/ticket_invite/messages', 'POST', {
                    message_type: 'MESG',
                    user_id: 'customer_1',
                    message: 'From the ticket form'
                })
            ).status
        ).toBe(200);
        await until(() => agent.received.includes('From the ticket form'), 'the message');
        const channels = await agent.sb.groupChannel.createMyGroupChannelListQuery().next();
        expect(channels.map((c) => [c.url, c.name, c.unreadMessageCount])).toEqual([
            ['ticket_invite', 'Case 1', 1]
        ]);
    });

    it('reconnects after the stand-in drops and refuses sockets, once it accepts again', async () => {
        const agent = await connect('agent_1');
        double.connections.drop({ refuse: true });
        await until(() => agent.events.includes('reconnect-started'), 'the reconnect to start');
        expect(double.connections.count('agent_1')).toBe(0);
        double.connections.accept();
        await until(() => agent.events.includes('reconnect-succeeded'), 'the reconnect', 15_000);
        expect(double.connections.count('agent_1')).toBe(1);
        // The reconnect authenticates with the session key, not the token.
        expect(agent.sb.connectionState).toBe('OPEN');
    });

    it('holds a socket open without answering while blackholed, and answers once it accepts', async () => {
        double.connections.blackhole();
        const attempt = connectSdk(double, 'agent_1', double.issueToken('agent_1'), {
            responseTimeoutMs: 3_000
        });
        attempt.catch(() => undefined);
        const outcome = await Promise.race([
            attempt.then(() => 'connected'),
            new Promise((r) => setTimeout(() => r('no answer'), 1_500))
        ]);
        expect(outcome).toBe('no answer');
        expect(double.connections.count()).toBe(0);
        double.connections.accept();
        double.connections.drop();
        // The SDK's next attempt gets through.
        const agent = await attempt;
        clients.push(agent);
        expect(double.connections.count('agent_1')).toBe(1);
    });
});
