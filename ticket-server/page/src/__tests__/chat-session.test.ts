import { refreshingSessionHandler } from '../chat-session';

describe('refreshingSessionHandler (UIKit configureSession)', () => {
    it('answers the SDK with a token fetched through the server', async () => {
        const refresh = jest.fn(async () => 'fresh-token');
        const failures: Error[] = [];
        const handler = refreshingSessionHandler(refresh, (e) => failures.push(e));
        const token = await new Promise((resolve, reject) =>
            handler.onSessionTokenRequired!(resolve, reject)
        );
        expect(token).toBe('fresh-token');
        expect(failures).toEqual([]);
    });

    it('rejects and reports when the server cannot refresh', async () => {
        const failures: Error[] = [];
        const handler = refreshingSessionHandler(
            async () => Promise.reject(new Error('HTTP 400')),
            (e) => failures.push(e)
        );
        await expect(
            new Promise((resolve, reject) => handler.onSessionTokenRequired!(resolve, reject))
        ).rejects.toThrow('HTTP 400');
        expect(failures).toHaveLength(1);
    });
});
