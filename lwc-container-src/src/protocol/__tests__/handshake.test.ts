import { FakeHost, VALID_INIT } from '../../test-support/fake-host';
import { Handshake, HANDSHAKE_DEFAULTS, readyDelay, type HandshakeState } from '../handshake';

describe('Handshake', () => {
    let host: FakeHost;
    let states: HandshakeState[];
    let handshake: Handshake;

    beforeEach(() => {
        jest.useFakeTimers();
        // As main.tsx wires it: messages the bridge ignores reach the handshake.
        host = new FakeHost((raw) => handshake.ignored(raw));
        states = [];
        handshake = new Handshake(host.bridge);
        handshake.subscribe((state) => states.push(state));
    });

    afterEach(() => {
        handshake.stop();
        jest.useRealTimers();
    });

    /** Milliseconds after start at which each sendbird:ready went out. */
    function readyTimesUntil(ms: number): number[] {
        const times: number[] = [];
        const start = Date.now();
        let seen = 0;
        for (let t = 0; t <= ms; t += 10) {
            const count = host.sentOfType('sendbird:ready').length;
            for (; seen < count; seen++) {
                times.push(Date.now() - start);
            }
            jest.advanceTimersByTime(10);
        }
        return times;
    }

    it('sends sendbird:ready at once, then backs off from 100 ms, doubling up to the cap', () => {
        handshake.start();
        expect(readyTimesUntil(9200)).toEqual([0, 100, 300, 700, 1500, 3100, 5100, 7100, 9100]);
        expect(host.sent[0]).toEqual({ type: 'sendbird:ready', protocol: 1 });
        expect(states).toEqual([{ status: 'waiting' }]);
    });

    it('computes the delays from the options', () => {
        expect([1, 2, 3, 4, 5, 6, 7].map((n) => readyDelay(n, HANDSHAKE_DEFAULTS))).toEqual([
            100, 200, 400, 800, 1600, 2000, 2000
        ]);
    });

    it('stops sending ready once a valid init arrives, and hands it over', () => {
        handshake.start();
        jest.advanceTimersByTime(350);
        host.post({ ...VALID_INIT, nickname: 'Ada' });
        const readyCount = host.sentOfType('sendbird:ready').length;
        jest.advanceTimersByTime(60000);

        expect(readyCount).toBe(3);
        expect(host.sentOfType('sendbird:ready')).toHaveLength(3);
        expect(handshake.getState()).toEqual({
            status: 'initialized',
            init: { ...VALID_INIT, nickname: 'Ada' }
        });
        expect(host.sentOfType('sendbird:error')).toEqual([]);
    });

    it('ignores malformed messages and keeps asking', () => {
        handshake.start();
        host.post({ ...VALID_INIT, protocol: 2 });
        host.post({ ...VALID_INIT, accessToken: '' });
        host.post('sendbird:init');
        host.post(null);
        jest.advanceTimersByTime(1600);

        expect(handshake.getState()).toEqual({ status: 'waiting' });
        expect(host.ignored).toHaveLength(4);
        expect(host.sentOfType('sendbird:ready').length).toBeGreaterThan(4);
    });

    it('times out with an error screen state and a sendbird:error, then stops asking', () => {
        handshake.start();
        jest.advanceTimersByTime(HANDSHAKE_DEFAULTS.timeoutMs - 1);
        expect(handshake.getState().status).toBe('waiting');

        jest.advanceTimersByTime(1);
        const readyCount = host.sentOfType('sendbird:ready').length;
        jest.advanceTimersByTime(60000);

        expect(handshake.getState()).toEqual({ status: 'timed-out' });
        expect(host.sentOfType('sendbird:ready')).toHaveLength(readyCount);
        // The screen says so; the contract has no error code for a host that never answered.
        expect(host.sentOfType('sendbird:error')).toEqual([]);
    });

    it('reports an init of another protocol once, and still accepts a valid init', () => {
        handshake.start();
        host.post({ ...VALID_INIT, protocol: 2 });
        host.post({ ...VALID_INIT, protocol: 2 });
        host.post({ ...VALID_INIT, appId: 'not an app id!' });
        expect(host.sentOfType('sendbird:error')).toEqual([
            {
                type: 'sendbird:error',
                code: 'protocol-mismatch',
                message: expect.stringContaining('protocol 2; this chat speaks protocol 1')
            }
        ]);
        host.post(VALID_INIT);
        expect(handshake.getState()).toEqual({ status: 'initialized', init: VALID_INIT });
        host.post({ ...VALID_INIT, protocol: '1' });
        expect(host.sentOfType('sendbird:error')).toHaveLength(1);
    });

    it('starts over on retry after a timeout', () => {
        handshake.start();
        jest.advanceTimersByTime(HANDSHAKE_DEFAULTS.timeoutMs);
        const before = host.sentOfType('sendbird:ready').length;

        handshake.retry();
        expect(handshake.getState()).toEqual({ status: 'waiting' });
        expect(host.sentOfType('sendbird:ready')).toHaveLength(before + 1);
        jest.advanceTimersByTime(100);
        expect(host.sentOfType('sendbird:ready')).toHaveLength(before + 2);
    });

    it('does nothing on retry while still waiting', () => {
        handshake.start();
        handshake.retry();
        expect(host.sentOfType('sendbird:ready')).toHaveLength(1);
    });

    it('still accepts an init that arrives after the timeout', () => {
        handshake.start();
        jest.advanceTimersByTime(HANDSHAKE_DEFAULTS.timeoutMs);
        host.post(VALID_INIT);
        expect(handshake.getState()).toEqual({ status: 'initialized', init: VALID_INIT });
    });

    it('keeps the first init and ignores later ones', () => {
        handshake.start();
        host.post(VALID_INIT);
        host.post({ ...VALID_INIT, userId: 'someone-else' });
        expect(handshake.getState()).toEqual({ status: 'initialized', init: VALID_INIT });
        expect(states.filter((state) => state.status === 'initialized')).toHaveLength(1);
    });

    it('stops telling a listener that unsubscribed', () => {
        const unsubscribe = handshake.subscribe(() => {
            throw new Error('should not be called');
        });
        unsubscribe();
        handshake.start();
        expect(states).toEqual([{ status: 'waiting' }]);
    });

    it('stops its timers and listening on stop', () => {
        handshake.start();
        handshake.stop();
        jest.advanceTimersByTime(60000);
        host.post(VALID_INIT);
        expect(host.sent).toEqual([{ type: 'sendbird:ready', protocol: 1 }]);
        expect(handshake.getState()).toEqual({ status: 'waiting' });
    });
});
