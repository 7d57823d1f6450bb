import { FakeHost, VALID_INIT } from '../../test-support/fake-host';
import { createLccBridge, lccRuntimePresent } from '../lcc-bridge';

describe('createLccBridge', () => {
    it('sends container messages through lightning-container unchanged', () => {
        const host = new FakeHost();
        host.bridge.send({ type: 'sendbird:unread', count: 3 });
        expect(host.sent).toEqual([{ type: 'sendbird:unread', count: 3 }]);
    });

    it('passes valid host messages to every listener until it unsubscribes', () => {
        const host = new FakeHost();
        const first = jest.fn();
        const second = jest.fn();
        const unsubscribe = host.bridge.subscribe(first);
        host.bridge.subscribe(second);

        host.post(VALID_INIT);
        unsubscribe();
        host.post({ type: 'sendbird:token', accessToken: 'test-next-token' });

        expect(first.mock.calls).toEqual([[VALID_INIT]]);
        expect(second).toHaveBeenCalledTimes(2);
    });

    it('gives invalid messages to onIgnored, never to listeners', () => {
        const host = new FakeHost();
        const listener = jest.fn();
        host.bridge.subscribe(listener);
        host.post({ type: 'sendbird:init', protocol: 1 });
        expect(listener).not.toHaveBeenCalled();
        expect(host.ignored).toEqual([{ type: 'sendbird:init', protocol: 1 }]);
    });

    it('calls the real lightning-container module, which needs window.LCC.onlineSupport', () => {
        const onlineSupport = {
            sendMessage: jest.fn(),
            addMessageHandler: jest.fn()
        };
        (window as unknown as { LCC?: unknown }).LCC = { onlineSupport };
        try {
            const bridge = createLccBridge(jest.fn());
            bridge.send({ type: 'sendbird:token-expired' });
            expect(bridge.hosted).toBe(true);
            expect(onlineSupport.addMessageHandler).toHaveBeenCalledTimes(1);
            expect(onlineSupport.sendMessage).toHaveBeenCalledWith('containerUserMessage', {
                payload: { type: 'sendbird:token-expired' }
            });
        } finally {
            delete (window as unknown as { LCC?: unknown }).LCC;
        }
    });
});

describe('lccRuntimePresent', () => {
    it('is true only when LCC.onlineSupport exists', () => {
        expect(lccRuntimePresent({})).toBe(false);
        expect(lccRuntimePresent({ LCC: {} })).toBe(false);
        expect(lccRuntimePresent({ LCC: null })).toBe(false);
        expect(lccRuntimePresent({ LCC: { onlineSupport: {} } })).toBe(true);
    });
});
