import { ConfigError, loadConfig } from '../config';

const valid = {
    SF_LOGIN_URL: 'https://example.my.salesforce.com/',
    SF_CLIENT_ID: 'test-client-id',
    SF_CLIENT_SECRET: 'test-client-secret',
    SENDBIRD_APP_ID: 'ABCD-1234',
    SENDBIRD_API_TOKEN: 'test-api-token'
};

function problemsOf(env: Record<string, string | undefined>): string[] {
    try {
        loadConfig(env);
    } catch (error) {
        if (error instanceof ConfigError) return error.problems;
        throw error;
    }
    return [];
}

describe('loadConfig', () => {
    it('reads a complete environment, with defaults for the optional variables', () => {
        const config = loadConfig(valid);
        expect(config.port).toBe(3000);
        expect(config.salesforce).toEqual({
            loginUrl: 'https://example.my.salesforce.com',
            clientId: 'test-client-id',
            clientSecret: 'test-client-secret',
            timeoutMs: 10_000
        });
        expect(config.sendbird.apiUrl).toBe('https://api-ABCD-1234.sendbird.com');
        expect(config.identitySecret).toBeUndefined();
        expect(config.rateLimitPerMinute).toBe(30);
        expect(config.frameAncestors).toEqual(["'self'"]);
    });

    it('reads PAGE_NOTICE, the customer page banner, and refuses one over 500 characters', () => {
        expect(loadConfig(valid).pageNotice).toBeUndefined();
        expect(loadConfig({ ...valid, PAGE_NOTICE: 'Staging site' }).pageNotice).toBe(
            'Staging site'
        );
        expect(() => loadConfig({ ...valid, PAGE_NOTICE: 'x'.repeat(501) })).toThrow(
            /PAGE_NOTICE is too long: at most 500 characters/
        );
    });

    it('names every missing variable at once', () => {
        const problems = problemsOf({});
        for (const name of [
            'SF_LOGIN_URL',
            'SF_CLIENT_ID',
            'SF_CLIENT_SECRET',
            'SENDBIRD_APP_ID',
            'SENDBIRD_API_TOKEN'
        ]) {
            expect(problems.some((p) => p.startsWith(name))).toBe(true);
        }
        expect(problems).toHaveLength(5);
    });

    it('treats a blank variable as missing', () => {
        expect(problemsOf({ ...valid, SF_CLIENT_ID: '  ' })).toEqual([
            expect.stringMatching(/^SF_CLIENT_ID is missing/)
        ]);
    });

    it('accepts SF_INSTANCE_URL in place of SF_LOGIN_URL', () => {
        const config = loadConfig({
            ...valid,
            SF_LOGIN_URL: undefined,
            SF_INSTANCE_URL: 'https://org.my.salesforce.com'
        });
        expect(config.salesforce.loginUrl).toBe('https://org.my.salesforce.com');
    });

    it.each([
        ['PORT', 'eighty', /^PORT is invalid/],
        ['PORT', '70000', /^PORT is invalid/],
        ['SF_LOGIN_URL', 'example.my.salesforce.com', /^SF_LOGIN_URL is invalid/],
        ['SENDBIRD_API_URL', 'ftp://x', /^SENDBIRD_API_URL is invalid/],
        ['SENDBIRD_APP_ID', 'app.example', /^SENDBIRD_APP_ID is invalid/],
        ['TICKET_IDENTITY_SECRET', 'short', /^TICKET_IDENTITY_SECRET is too short/],
        ['TICKET_RATE_LIMIT_PER_MINUTE', '0', /^TICKET_RATE_LIMIT_PER_MINUTE is invalid/],
        ['SENDBIRD_CHAT_WS_HOST', 'https://ws.example', /^SENDBIRD_CHAT_WS_HOST is invalid/]
    ])('rejects %s=%s, naming it', (name, value, message) => {
        expect(problemsOf({ ...valid, [name]: value })).toEqual([expect.stringMatching(message)]);
    });

    it('needs both SF_USERNAME and SF_PASSWORD for the password flow', () => {
        expect(problemsOf({ ...valid, SF_USERNAME: 'api@example.test' })).toEqual([
            expect.stringMatching(/^SF_PASSWORD is missing/)
        ]);
        const config = loadConfig({
            ...valid,
            SF_USERNAME: 'api@example.test',
            SF_PASSWORD: 'test-password'
        });
        expect(config.salesforce.username).toBe('api@example.test');
    });

    it('says which variables are wrong in its message', () => {
        expect(() => loadConfig({ ...valid, SENDBIRD_API_TOKEN: undefined })).toThrow(
            /SENDBIRD_API_TOKEN is missing/
        );
    });

    it('reads SF_TIMEOUT_MS, the bound on each Salesforce call, and refuses odd values', () => {
        expect(loadConfig({ ...valid, SF_TIMEOUT_MS: '2500' }).salesforce.timeoutMs).toBe(2500);
        expect(problemsOf({ ...valid, SF_TIMEOUT_MS: '10s' })).toEqual([
            expect.stringMatching(/^SF_TIMEOUT_MS is invalid/)
        ]);
        expect(problemsOf({ ...valid, SF_TIMEOUT_MS: '5' })).toHaveLength(1);
    });
});
