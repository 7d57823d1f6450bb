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

function host(
    answerReady = true,
    nextToken: () => string | Promise<string> = () => 'test-next-token'
) {
    const posted: unknown[] = [];
    const view = {
        unread: jest.fn(),
        openRecord: jest.fn(),
        error: jest.fn(),
        channelOpened: jest.fn()
    };
    const local = new LocalHost((payload) => posted.push(payload), view, {
        answerReady,
        session: () => SESSION,
        nextToken,
        visible: () => false
    });
    return { local, posted, view };
}

const flush = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

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
        const hidden = { type: 'sendbird:visibility', visible: false };
        expect(posted).toEqual([init, hidden, init, hidden]);
        expect(initMessage(SESSION)).toEqual(init);
    });

    it('leaves ready unanswered in manual mode', () => {
        const { local, posted } = host(false);
        local.receive({ type: 'sendbird:ready', protocol: 1 });
        expect(posted).toEqual([]);
    });

    it('answers each token-expired with a fresh token from its source', async () => {
        let issued = 0;
        const { local, posted } = host(true, () => Promise.resolve(`test-token-${++issued}`));
        local.receive({ type: 'sendbird:token-expired' });
        local.receive({ type: 'sendbird:token-expired' });
        await flush();
        expect(posted).toEqual([
            { type: 'sendbird:token', accessToken: 'test-token-1' },
            { type: 'sendbird:token', accessToken: 'test-token-2' }
        ]);
    });

    it('sends nothing when no fresh token can be had', async () => {
        const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
        const { local, posted } = host(true, () => Promise.reject(new Error('Apex failed')));
        local.receive({ type: 'sendbird:token-expired' });
        await flush();
        expect(posted).toEqual([]);
        warn.mockRestore();
    });

    it('sends visibility when the panel opens or is minimised', () => {
        const { local, posted } = host();
        local.setVisible(true);
        local.setVisible(false);
        expect(posted).toEqual([
            { type: 'sendbird:visibility', visible: true },
            { type: 'sendbird:visibility', visible: false }
        ]);
    });

    it('shows unread counts, opened records and errors; ignores malformed ones', () => {
        const { local, view, posted } = host();
        local.receive({ type: 'sendbird:unread', count: 3 });
        local.receive({ type: 'sendbird:unread', count: -1 });
        local.receive({ type: 'sendbird:unread', count: '3' });
        local.receive({ type: 'sendbird:open-record', recordId: '500000000000001' });
        local.receive({ type: 'sendbird:open-record', recordId: 5 });
        local.receive({ type: 'sendbird:error', code: 'connect-failed', message: 'offline' });
        local.receive({
            type: 'sendbird:error',
            code: 'channel-open-failed',
            message: 'not a member',
            channelUrl: 'channel_1'
        });
        local.receive({ type: 'sendbird:channel-opened', channelUrl: 'channel_1' });
        local.receive({ type: 'sendbird:channel-opened', channelUrl: 1 });
        local.receive({ type: 'sendbird:whatever' });
        local.receive(null);
        expect(view.unread.mock.calls).toEqual([[3]]);
        expect(view.openRecord.mock.calls).toEqual([['500000000000001']]);
        expect(view.error.mock.calls).toEqual([
            ['connect-failed', 'offline', undefined],
            ['channel-open-failed', 'not a member', 'channel_1']
        ]);
        expect(view.channelOpened.mock.calls).toEqual([['channel_1']]);
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
