import { signIdentityToken } from '../test-support/identity-token';
import { TEST_SF_CREDENTIALS } from '../test-support/salesforce-double';
import { TEST_SENDBIRD_API_TOKEN } from '../test-support/sendbird-double';
import { TEST_IDENTITY_SECRET, postTicket, startTicketStack } from '../test-support/stack';

/**
 * Secrets never reach the logs: run successes and failures at debug level, then search every
 * captured line for the API token, the OAuth secret and password, and the tokens issued.
 */
describe('ticket server logs', () => {
    it('are structured JSON and never contain secrets or tokens', async () => {
        const stack = await startTicketStack({
            env: {
                SF_USERNAME: TEST_SF_CREDENTIALS.username,
                SF_PASSWORD: TEST_SF_CREDENTIALS.password
            }
        });
        try {
            const identityToken = await signIdentityToken('logged-customer');
            const ok = await postTicket(stack.url, { subject: 'Logged', identityToken });
            stack.salesforce.expireSessions();
            stack.sendbird.inject('POST', /group_channels$/, { status: 500 }, 10);
            await postTicket(
                stack.url,
                { subject: 'Fails' },
                { authorization: 'Bearer test-caller-secret' }
            );
            await postTicket(stack.url, { subject: 'x', identityToken: `${identityToken}x` });

            const logText = stack.logs.text();
            expect(stack.logs.lines.length).toBeGreaterThan(5);
            for (const line of stack.logs.lines) expect(() => JSON.parse(line)).not.toThrow();
            expect(logText).toContain('Sendbird channel creation failed');
            const secrets = [
                TEST_SENDBIRD_API_TOKEN,
                TEST_SF_CREDENTIALS.clientSecret,
                TEST_SF_CREDENTIALS.password,
                TEST_IDENTITY_SECRET,
                identityToken,
                ok.body.accessToken as string,
                '00Dtest!session-1',
                '00Dtest!session-2',
                'test-caller-secret'
            ];
            for (const secret of secrets) expect(logText).not.toContain(secret);
        } finally {
            await stack.close();
        }
    });
});
