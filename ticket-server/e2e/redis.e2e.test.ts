import { SalesforceDouble } from '../test-support/salesforce-double';
import { SendbirdDouble } from '../test-support/sendbird-double';
import { freePort, startRedis, type RedisProcess } from '../test-support/redis-server';
import { postTicket, startTicketInstance, type TicketInstance } from '../test-support/stack';

const ticket = { subject: 'Shared', email: 'shared@example.test' };

/** Two instances on one real Redis (Debian's redis-server on a loopback port). */
describe('two ticket server instances sharing Redis', () => {
    let redis: RedisProcess | undefined;
    let salesforce: SalesforceDouble;
    let sendbird: SendbirdDouble;
    let instances: TicketInstance[] = [];

    beforeEach(async () => {
        salesforce = new SalesforceDouble();
        sendbird = new SendbirdDouble();
        await Promise.all([salesforce.listen(), sendbird.listen()]);
    });

    afterEach(async () => {
        await Promise.all(instances.map((instance) => instance.close()));
        instances = [];
        await redis?.stop();
        redis = undefined;
        await Promise.all([salesforce.close(), sendbird.close()]);
    });

    const start = async (env: Record<string, string>, count = 2) => {
        for (let i = 0; i < count; i++) {
            instances.push(await startTicketInstance(salesforce, sendbird, { env }));
        }
        return instances;
    };

    it('replays a key on the other instance: the first ticket, no second Case', async () => {
        redis = await startRedis();
        const [a, b] = await start({ REDIS_URL: redis.url });
        const key = { 'idempotency-key': 'key-two-instances' };

        const first = await postTicket(a.url, ticket, key);
        const replay = await postTicket(b.url, ticket, key);

        expect(first.status).toBe(201);
        expect(replay.status).toBe(201);
        expect(replay.headers.get('idempotent-replayed')).toBe('true');
        expect(replay.body).toEqual(first.body);
        expect(salesforce.callsTo('POST', /composite$/)).toHaveLength(1);
        expect(salesforce.cases.size).toBe(1);
    });

    it('makes a duplicate on the other instance wait for the first, while it runs', async () => {
        redis = await startRedis();
        const [a, b] = await start({ REDIS_URL: redis.url });
        sendbird.latencyMs = 150;
        const key = { 'idempotency-key': 'key-concurrent' };

        const [first, second] = await Promise.all([
            postTicket(a.url, ticket, key),
            new Promise((r) => setTimeout(r, 30)).then(() => postTicket(b.url, ticket, key))
        ]);

        expect(second.body).toEqual(first.body);
        expect(second.headers.get('idempotent-replayed')).toBe('true');
        expect(salesforce.callsTo('POST', /composite$/)).toHaveLength(1);
    });

    it('refuses the key with a different body on the other instance (422)', async () => {
        redis = await startRedis();
        const [a, b] = await start({ REDIS_URL: redis.url });
        const key = { 'idempotency-key': 'key-other-body' };
        await postTicket(a.url, ticket, key);
        const other = await postTicket(b.url, { subject: 'Different' }, key);
        expect(other.status).toBe(422);
        expect(salesforce.cases.size).toBe(1);
    });

    it('shares one per-address limit across both instances', async () => {
        redis = await startRedis();
        const [a, b] = await start({ REDIS_URL: redis.url, TICKET_RATE_LIMIT_PER_MINUTE: '3' });
        const statuses = [];
        for (const instance of [a, b, a, b]) {
            statuses.push((await postTicket(instance.url, ticket)).status);
        }
        expect(statuses).toEqual([201, 201, 201, 429]);
    });

    it('shares the global guest cap across both instances and all addresses', async () => {
        redis = await startRedis();
        const [a, b] = await start({
            REDIS_URL: redis.url,
            TRUST_PROXY_HOPS: '1',
            TICKET_GUEST_TICKETS_PER_MINUTE: '2'
        });
        const from = (ip: string) => ({ 'x-forwarded-for': ip });
        const results = [
            await postTicket(a.url, ticket, from('198.51.100.1')),
            await postTicket(b.url, ticket, from('198.51.100.2')),
            await postTicket(a.url, ticket, from('198.51.100.3'))
        ];
        expect(results.map((r) => r.status)).toEqual([201, 201, 429]);
        expect(results[2].body.error).toMatchObject({ code: 'guest_tickets_capped' });
        expect(salesforce.cases.size).toBe(2);
    });

    it('starts with Redis down, says so, and still makes exactly one Case per key', async () => {
        const port = await freePort();
        const [a, b] = await start({ REDIS_URL: `redis://127.0.0.1:${port}` });
        const health = (await (await fetch(`${a.url}/healthz`)).json()) as {
            status: string;
            warnings: string[];
        };
        expect(health.status).toBe('ok');
        expect(health.warnings.join(' ')).toMatch(/REDIS_URL.*unreachable at start-up/);
        expect(a.logs.text()).toContain('unreachable at start-up');

        const key = { 'idempotency-key': 'key-no-redis' };
        const first = await postTicket(a.url, ticket, key);
        const second = await postTicket(b.url, ticket, key);

        expect([first.status, second.status]).toEqual([201, 201]);
        expect(second.body.caseId).toBe(first.body.caseId);
        expect(salesforce.cases.size).toBe(1);
    });

    it('keeps tickets exactly-once when Redis dies mid-run', async () => {
        redis = await startRedis();
        const [a, b] = await start({ REDIS_URL: redis.url });
        const before = await postTicket(a.url, ticket, { 'idempotency-key': 'key-before' });
        expect(before.status).toBe(201);

        await redis.stop(true);
        const key = { 'idempotency-key': 'key-during-outage' };
        const results = await Promise.all([
            postTicket(a.url, ticket, key),
            postTicket(b.url, ticket, key),
            postTicket(b.url, ticket, { 'idempotency-key': 'key-before' })
        ]);

        for (const result of results) {
            expect([201, 503]).toContain(result.status);
            expect(result.body).toBeInstanceOf(Object);
        }
        const withKey = salesforce.casesWithKey(
            salesforce.cases.get(before.body.caseId as string)!.Sendbird_Ticket_Key__c as string
        );
        expect(withKey).toHaveLength(1);
        // Two tickets in all: the one before the outage, and the one key sent during it.
        expect(salesforce.cases.size).toBe(2);
        expect(results[2].body.caseId).toBe(before.body.caseId);
    });
});
