import { SalesforceDouble } from '../test-support/salesforce-double';
import { SendbirdDouble } from '../test-support/sendbird-double';
import {
    postTicket,
    startTicketInstance,
    startTicketStack,
    type TicketStack
} from '../test-support/stack';

const COMPOSITE = /composite$/;
const ticket = { subject: 'Once only', email: 'once@example.test' };

/** The three ways a second Case used to appear, each now converging on the first (issue 15). */
describe('exactly one Case per ticket key', () => {
    let stack: TicketStack | undefined;

    afterEach(async () => {
        await stack?.close();
        stack = undefined;
    });

    it('asks again when the Case call times out after Salesforce saved it, and finds that Case', async () => {
        stack = await startTicketStack({ env: { SF_TIMEOUT_MS: '300' } });
        // Salesforce saves the Case, but the answer never arrives.
        stack.salesforce.inject('POST', COMPOSITE, 'lose-answer');

        const response = await postTicket(stack.url, ticket, { 'idempotency-key': 'key-lost' });
        await stack.settled();

        expect(response.status).toBe(201);
        expect(stack.salesforce.callsTo('POST', COMPOSITE)).toHaveLength(2);
        expect(stack.salesforce.cases.size).toBe(1);
        expect(stack.sendbird.channels.size).toBe(1);
        expect(stack.salesforce.cases.get(response.body.caseId as string)).toMatchObject({
            Sendbird_Channel_URL__c: response.body.channelUrl,
            Sendbird_Channel_Missing__c: false
        });
    });

    it('leaves the saved Case flagged when no answer ever comes, and a retry completes it', async () => {
        stack = await startTicketStack({ env: { SF_TIMEOUT_MS: '300' } });
        stack.salesforce.inject('POST', COMPOSITE, 'lose-answer', 2);
        const key = { 'idempotency-key': 'key-lost-twice' };

        const first = await postTicket(stack.url, ticket, key);
        const [saved] = [...stack.salesforce.cases.values()];

        expect(first.status).toBe(502);
        expect(stack.salesforce.cases.size).toBe(1);
        expect(saved.Sendbird_Channel_Missing__c).toBe(true);

        const retry = await postTicket(stack.url, ticket, key);
        await stack.settled();
        expect(retry.status).toBe(201);
        expect(retry.body.caseId).toBe(saved.Id);
        expect(stack.salesforce.cases.size).toBe(1);
        expect(saved.Sendbird_Channel_Missing__c).toBe(false);
    });

    it('finds the Case when the server restarts between two attempts with the same key', async () => {
        const salesforce = new SalesforceDouble();
        const sendbird = new SendbirdDouble();
        await Promise.all([salesforce.listen(), sendbird.listen()]);
        try {
            const key = { 'idempotency-key': 'key-restart' };
            const before = await startTicketInstance(salesforce, sendbird);
            const first = await postTicket(before.url, ticket, key);
            await before.close();
            // A new process: its in-memory replay cache knows nothing of the first request.
            const after = await startTicketInstance(salesforce, sendbird);
            const second = await postTicket(after.url, ticket, key);
            await after.close();

            expect([first.status, second.status]).toEqual([201, 201]);
            expect(second.headers.get('idempotent-replayed')).toBeNull();
            for (const field of ['caseId', 'caseNumber', 'channelUrl', 'userId']) {
                expect(second.body[field]).toBe(first.body[field]);
            }
            expect(salesforce.cases.size).toBe(1);
            expect(sendbird.channels.size).toBe(1);
            expect(sendbird.users.size).toBe(1);
        } finally {
            await Promise.all([salesforce.close(), sendbird.close()]);
        }
    });

    it('converges when two instances upsert the same key at the same moment (DUPLICATE_VALUE)', async () => {
        stack = await startTicketStack();
        // The other instance's insert commits first; this one hits the unique index.
        stack.salesforce.loseNextUpsertRace();

        const response = await postTicket(stack.url, ticket, { 'idempotency-key': 'key-race' });

        expect(response.status).toBe(201);
        expect(stack.salesforce.callsTo('POST', COMPOSITE)).toHaveLength(2);
        expect(stack.salesforce.cases.size).toBe(1);
    });

    it('gives requests without an Idempotency-Key a key of their own each', async () => {
        stack = await startTicketStack();
        const [a, b] = await Promise.all([
            postTicket(stack.url, ticket),
            postTicket(stack.url, ticket)
        ]);
        expect(a.body.channelUrl).not.toBe(b.body.channelUrl);
        expect(stack.salesforce.cases.size).toBe(2);
    });
});
