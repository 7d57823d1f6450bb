import { refreshingSessionHandler } from '../chat-session';
import { TicketStore } from '../ticket-store';
import { MemoryStorage } from '../../../../lwc-container-src/src/platform/memory-storage';

describe('refreshingSessionHandler (UIKit configureSession)', () => {
    it('answers the SDK with a token fetched through the server', async () => {
        const refresh = jest.fn(async () => 'fresh-token');
        const failures: Error[] = [];
        const handler = refreshingSessionHandler(refresh, (e) => failures.push(e));
        const token = await new Promise((resolve, reject) =>
            handler.onSessionTokenRequired(resolve, reject)
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
            new Promise((resolve, reject) => handler.onSessionTokenRequired(resolve, reject))
        ).rejects.toThrow('HTTP 400');
        expect(failures).toHaveLength(1);
    });
});

describe('TicketStore', () => {
    it('keeps the ticket and the pending key across loads, and survives junk', () => {
        const storage = new MemoryStorage();
        const store = new TicketStore(storage);
        store.update({ pending: { body: '{}', key: 'k-1' } });
        expect(new TicketStore(storage).load().pending).toEqual({ body: '{}', key: 'k-1' });
        storage.setItem('sendbird-ticket', 'not json');
        expect(new TicketStore(storage).load()).toEqual({});
    });
});
