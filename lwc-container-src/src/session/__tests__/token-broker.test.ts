import { FakeHost } from '../../test-support/fake-host';
import { sessionHandlerFor, TOKEN_WAIT_MS, TokenBroker } from '../token-broker';

describe('TokenBroker', () => {
    let host: FakeHost;
    let broker: TokenBroker;

    beforeEach(() => {
        jest.useFakeTimers();
        host = new FakeHost();
        broker = new TokenBroker(host.bridge, 'test-first-token');
    });

    afterEach(() => {
        broker.dispose();
        jest.useRealTimers();
    });

    it('starts with the token from init', () => {
        expect(broker.current).toBe('test-first-token');
    });

    it('asks the host with sendbird:token-expired and resolves with the next token', async () => {
        const token = broker.request();
        expect(host.sent).toEqual([{ type: 'sendbird:token-expired' }]);
        host.post({ type: 'sendbird:token', accessToken: 'test-second-token' });
        await expect(token).resolves.toBe('test-second-token');
        expect(broker.current).toBe('test-second-token');
    });

    it('asks once for concurrent requests', async () => {
        const first = broker.request();
        const second = broker.request();
        host.post({ type: 'sendbird:token', accessToken: 'test-second-token' });
        await expect(Promise.all([first, second])).resolves.toEqual([
            'test-second-token',
            'test-second-token'
        ]);
        expect(host.sentOfType('sendbird:token-expired')).toHaveLength(1);
    });

    it('asks again for a later expiry', async () => {
        const first = broker.request();
        host.post({ type: 'sendbird:token', accessToken: 'test-second-token' });
        await first;
        const second = broker.request();
        host.post({ type: 'sendbird:token', accessToken: 'test-third-token' });
        await expect(second).resolves.toBe('test-third-token');
        expect(host.sentOfType('sendbird:token-expired')).toHaveLength(2);
    });

    it('ignores a malformed token message', () => {
        const token = broker.request();
        host.post({ type: 'sendbird:token', accessToken: '' });
        host.post({ type: 'sendbird:token' });
        expect(broker.current).toBe('test-first-token');
        host.post({ type: 'sendbird:token', accessToken: 'test-second-token' });
        return expect(token).resolves.toBe('test-second-token');
    });

    it('rejects when no token arrives in time', async () => {
        const token = broker.request();
        jest.advanceTimersByTime(TOKEN_WAIT_MS);
        await expect(token).rejects.toThrow(
            'No sendbird:token arrived within 30 s of sendbird:token-expired.'
        );
    });

    it('keeps a token the host sends unasked for the next connect', () => {
        host.post({ type: 'sendbird:token', accessToken: 'test-pushed-token' });
        expect(broker.current).toBe('test-pushed-token');
        expect(host.sent).toEqual([]);
    });

    it('rejects a pending request and stops listening when disposed', async () => {
        const token = broker.request();
        broker.dispose();
        await expect(token).rejects.toThrow('The chat was closed.');
        host.post({ type: 'sendbird:token', accessToken: 'test-late-token' });
        expect(broker.current).toBe('test-first-token');
    });
});

describe('sessionHandlerFor', () => {
    it('answers Sendbird with the host token, and reports failures', async () => {
        const host = new FakeHost();
        const broker = new TokenBroker(host.bridge, 'test-first-token');
        const onFailure = jest.fn();
        const handler = sessionHandlerFor(broker, onFailure);

        const resolve = jest.fn();
        const reject = jest.fn();
        handler.onSessionTokenRequired?.(resolve, reject);
        host.post({ type: 'sendbird:token', accessToken: 'test-second-token' });
        await Promise.resolve();
        expect(resolve).toHaveBeenCalledWith('test-second-token');
        expect(reject).not.toHaveBeenCalled();

        handler.onSessionError?.(new Error('invalid token'));
        handler.onSessionClosed?.();
        expect(onFailure.mock.calls.map(([error]) => (error as Error).message)).toEqual([
            'invalid token',
            'Sendbird closed the session.'
        ]);
        broker.dispose();
    });

    it('passes a refresh failure to Sendbird', async () => {
        const host = new FakeHost();
        const broker = new TokenBroker(host.bridge, 'test-first-token');
        const reject = jest.fn();
        sessionHandlerFor(broker, jest.fn()).onSessionTokenRequired?.(jest.fn(), reject);
        broker.dispose();
        await Promise.resolve();
        await Promise.resolve();
        expect(reject).toHaveBeenCalledWith(new Error('The chat was closed.'));
    });
});
