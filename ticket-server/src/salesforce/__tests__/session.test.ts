import { CachedSessionSource, type SalesforceSession } from '../session';

function counterLogin() {
    let n = 0;
    const login = jest.fn(async (): Promise<SalesforceSession> => ({
        accessToken: `test-token-${++n}`,
        instanceUrl: 'https://example.my.salesforce.com'
    }));
    return login;
}

describe('CachedSessionSource', () => {
    it('logs in once for any number of concurrent and later callers', async () => {
        const login = counterLogin();
        const source = new CachedSessionSource(login);
        const sessions = await Promise.all([source.current(), source.current(), source.current()]);
        await source.current();
        expect(login).toHaveBeenCalledTimes(1);
        expect(new Set(sessions.map((s) => s.accessToken))).toEqual(new Set(['test-token-1']));
    });

    it('renews once for everyone who held the rejected session', async () => {
        const login = counterLogin();
        const source = new CachedSessionSource(login);
        const stale = await source.current();
        const renewed = await Promise.all([source.renew(stale), source.renew(stale)]);
        expect(renewed.map((s) => s.accessToken)).toEqual(['test-token-2', 'test-token-2']);
        await expect(source.renew(stale)).resolves.toMatchObject({ accessToken: 'test-token-2' });
        expect(login).toHaveBeenCalledTimes(2);
        await expect(source.renew(renewed[0])).resolves.toMatchObject({
            accessToken: 'test-token-3'
        });
    });

    it('forgets a failed login, so the next caller tries again', async () => {
        const login = jest
            .fn<Promise<SalesforceSession>, []>()
            .mockRejectedValueOnce(new Error('OAuth login failed'))
            .mockResolvedValueOnce({ accessToken: 'test-token-ok', instanceUrl: 'https://x' });
        const source = new CachedSessionSource(login);
        await expect(source.current()).rejects.toThrow('OAuth login failed');
        await expect(source.current()).resolves.toMatchObject({ accessToken: 'test-token-ok' });
    });
});
