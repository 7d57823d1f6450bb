import { VALID_INIT } from '../../test-support/fake-host';
import { parseHostMessage } from '../validate';

describe('parseHostMessage', () => {
    describe('sendbird:init', () => {
        it('accepts the required fields', () => {
            expect(parseHostMessage({ ...VALID_INIT })).toEqual(VALID_INIT);
        });

        it('keeps the optional fields, normalising the host overrides to origins', () => {
            expect(
                parseHostMessage({
                    ...VALID_INIT,
                    nickname: 'Ada Agent',
                    apiHost: 'https://api-test-app-id.sendbird.com/',
                    wsHost: 'wss://ws-test-app-id.sendbird.com',
                    channelUrl: '500000000000001'
                })
            ).toEqual({
                ...VALID_INIT,
                nickname: 'Ada Agent',
                apiHost: 'https://api-test-app-id.sendbird.com',
                wsHost: 'wss://ws-test-app-id.sendbird.com',
                channelUrl: '500000000000001'
            });
        });

        it('treats null optional fields as absent, as Apex serialises them', () => {
            expect(
                parseHostMessage({ ...VALID_INIT, nickname: null, apiHost: null, channelUrl: null })
            ).toEqual(VALID_INIT);
        });

        it('ignores unknown extra fields', () => {
            expect(parseHostMessage({ ...VALID_INIT, expiresAt: 123 })).toEqual(VALID_INIT);
        });

        it('allows plain http and ws only on loopback', () => {
            expect(
                parseHostMessage({
                    ...VALID_INIT,
                    apiHost: 'http://127.0.0.1:9',
                    wsHost: 'ws://localhost:9'
                })
            ).toMatchObject({ apiHost: 'http://127.0.0.1:9', wsHost: 'ws://localhost:9' });
            expect(
                parseHostMessage({ ...VALID_INIT, apiHost: 'http://api.example.com' })
            ).toBeNull();
            expect(parseHostMessage({ ...VALID_INIT, wsHost: 'ws://ws.example.com' })).toBeNull();
        });

        it.each([
            ['a wrong protocol version', { protocol: 2 }],
            ['a protocol given as a string', { protocol: '1' }],
            ['no app id', { appId: undefined }],
            ['an app id that is not letters, digits and hyphens', { appId: 'evil.example.com/x' }],
            ['an empty user id', { userId: ' ' }],
            ['a user id over 80 characters', { userId: 'u'.repeat(81) }],
            ['a user id that is not a string', { userId: 42 }],
            ['no token', { accessToken: undefined }],
            ['a token with spaces', { accessToken: 'two words' }],
            ['a nickname that is not a string', { nickname: 7 }],
            ['an API host with a path', { apiHost: 'https://api.sendbird.com/v3' }],
            ['an API host with credentials', { apiHost: 'https://user:pw@api.sendbird.com' }],
            ['a WebSocket host with an https scheme', { wsHost: 'https://ws.sendbird.com' }],
            ['an API host that is not a URL', { apiHost: 'api.sendbird.com' }],
            ['a channel URL with a slash', { channelUrl: '500/../x' }],
            ['a channel URL of 3 characters', { channelUrl: 'abc' }]
        ])('rejects an init with %s', (_case, change) => {
            expect(parseHostMessage({ ...VALID_INIT, ...change })).toBeNull();
        });
    });

    it('accepts a token message and rejects a blank token', () => {
        expect(parseHostMessage({ type: 'sendbird:token', accessToken: 'test-new-token' })).toEqual(
            {
                type: 'sendbird:token',
                accessToken: 'test-new-token'
            }
        );
        expect(parseHostMessage({ type: 'sendbird:token', accessToken: '' })).toBeNull();
    });

    it('accepts open-channel with a valid channel URL only', () => {
        expect(
            parseHostMessage({ type: 'sendbird:open-channel', channelUrl: 'sendbird_group_1' })
        ).toEqual({ type: 'sendbird:open-channel', channelUrl: 'sendbird_group_1' });
        expect(parseHostMessage({ type: 'sendbird:open-channel', channelUrl: 5 })).toBeNull();
    });

    it('accepts visibility with a boolean only', () => {
        expect(parseHostMessage({ type: 'sendbird:visibility', visible: true })).toEqual({
            type: 'sendbird:visibility',
            visible: true
        });
        expect(parseHostMessage({ type: 'sendbird:visibility', visible: false })).toEqual({
            type: 'sendbird:visibility',
            visible: false
        });
        expect(parseHostMessage({ type: 'sendbird:visibility', visible: 'true' })).toBeNull();
        expect(parseHostMessage({ type: 'sendbird:visibility' })).toBeNull();
    });

    it.each([
        ['null', null],
        ['a string', 'sendbird:init'],
        ['an array', [VALID_INIT]],
        ['an object without a type', { appId: 'x' }],
        ['an unknown type', { type: 'sendbird:launch' }],
        ['a container-to-host type', { type: 'sendbird:ready', protocol: 1 }]
    ])('rejects %s', (_case, raw) => {
        expect(parseHostMessage(raw)).toBeNull();
    });
});
