import { FakeHost, VALID_INIT } from '../../test-support/fake-host';
import { MAX_REPORTED_ERRORS, reportContainerErrors } from '../container-errors';
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
            addMessageHandler: jest.fn(),
            addErrorHandler: jest.fn()
        };
        (window as unknown as { LCC?: unknown }).LCC = { onlineSupport };
        try {
            const bridge = createLccBridge(jest.fn());
            bridge.send({ type: 'sendbird:token-expired' });
            expect(bridge.hosted).toBe(true);
            expect(onlineSupport.addMessageHandler).toHaveBeenCalledTimes(1);
            expect(onlineSupport.addErrorHandler).toHaveBeenCalledTimes(1);
            expect(onlineSupport.sendMessage).toHaveBeenCalledWith('containerUserMessage', {
                payload: { type: 'sendbird:token-expired' }
            });
        } finally {
            delete (window as unknown as { LCC?: unknown }).LCC;
        }
    });
});

describe('reportContainerErrors', () => {
    it('sends each runtime error to the host once as container-error, up to a bound', () => {
        const host = new FakeHost();
        const error = jest.spyOn(console, 'error').mockImplementation(() => undefined);
        const stop = reportContainerErrors(host.bridge);
        host.runtimeError('Unknown LCC message kind: x');
        host.runtimeError('Unknown LCC message kind: x');
        for (let i = 0; i < MAX_REPORTED_ERRORS + 3; i++) {
            host.runtimeError(`error ${i}`);
        }
        stop();
        host.runtimeError('after stop');
        const sent = host.sentOfType('sendbird:error');
        expect(sent[0]).toEqual({
            type: 'sendbird:error',
            code: 'container-error',
            message: 'Unknown LCC message kind: x'
        });
        expect(sent).toHaveLength(MAX_REPORTED_ERRORS);
        expect(sent.every((message) => message.code === 'container-error')).toBe(true);
        error.mockRestore();
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
