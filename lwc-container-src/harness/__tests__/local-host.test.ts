import { initMessage, LocalHost, maskedJson, type SessionSettings } from '../local-host';

const SESSION: SessionSettings = {
    appId: 'TEST-APP-ID',
    userId: 'agent-0001',
    accessToken: 'test-session-token',
    nickname: '',
    apiHost: 'http://127.0.0.1:9',
    wsHost: '',
    channelUrl: ''
};

function host(answerReady = true) {
    const posted: unknown[] = [];
    const view = { unread: jest.fn(), openRecord: jest.fn(), error: jest.fn() };
    const local = new LocalHost((payload) => posted.push(payload), view, {
        answerReady,
        session: () => SESSION,
        nextToken: () => 'test-next-token'
    });
    return { local, posted, view };
}

describe('LocalHost', () => {
    it('answers every ready with init, leaving out empty fields', () => {
        const { local, posted } = host();
        local.receive({ type: 'sendbird:ready', protocol: 1 });
        local.receive({ type: 'sendbird:ready', protocol: 1 });
        const init = {
            type: 'sendbird:init',
            protocol: 1,
            appId: 'TEST-APP-ID',
            userId: 'agent-0001',
            accessToken: 'test-session-token',
            apiHost: 'http://127.0.0.1:9'
        };
        expect(posted).toEqual([init, init]);
        expect(initMessage(SESSION)).toEqual(init);
    });

    it('leaves ready unanswered in manual mode', () => {
        const { local, posted } = host(false);
        local.receive({ type: 'sendbird:ready', protocol: 1 });
        expect(posted).toEqual([]);
    });

    it('answers token-expired with the next token', () => {
        const { local, posted } = host();
        local.receive({ type: 'sendbird:token-expired' });
        expect(posted).toEqual([{ type: 'sendbird:token', accessToken: 'test-next-token' }]);
    });

    it('shows unread counts, opened records and errors; ignores malformed ones', () => {
        const { local, view, posted } = host();
        local.receive({ type: 'sendbird:unread', count: 3 });
        local.receive({ type: 'sendbird:unread', count: -1 });
        local.receive({ type: 'sendbird:unread', count: '3' });
        local.receive({ type: 'sendbird:open-record', recordId: '500000000000001' });
        local.receive({ type: 'sendbird:open-record', recordId: 5 });
        local.receive({ type: 'sendbird:error', code: 'connect-failed', message: 'offline' });
        local.receive({ type: 'sendbird:whatever' });
        local.receive(null);
        expect(view.unread.mock.calls).toEqual([[3]]);
        expect(view.openRecord.mock.calls).toEqual([['500000000000001']]);
        expect(view.error.mock.calls).toEqual([['connect-failed', 'offline']]);
        expect(posted).toEqual([]);
    });
});

describe('maskedJson', () => {
    it('shortens session tokens', () => {
        expect(maskedJson({ type: 'sendbird:token', accessToken: 'abcdefghijklmnop' })).toBe(
            '{"type":"sendbird:token","accessToken":"abcd… (16 characters)"}'
        );
    });
});
