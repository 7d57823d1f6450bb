import { devSessionDefaults } from '../dev-session';

describe('devSessionDefaults', () => {
    it('reads the session from .env.local, the environment winning', () => {
        const file = [
            '# Sendbird session for npm start',
            'SENDBIRD_APP_ID=TEST-APP-ID',
            'SENDBIRD_USER_ID="agent 1"',
            'SENDBIRD_SESSION_TOKEN=test-file-token',
            'SENDBIRD_NICKNAME=',
            'UNRELATED=1'
        ].join('\n');
        expect(devSessionDefaults(file, { SENDBIRD_SESSION_TOKEN: 'test-env-token' })).toEqual({
            appId: 'TEST-APP-ID',
            userId: 'agent 1',
            accessToken: 'test-env-token'
        });
    });

    it('is empty without a file or variables', () => {
        expect(devSessionDefaults(undefined, {})).toEqual({});
    });
});
