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
});
