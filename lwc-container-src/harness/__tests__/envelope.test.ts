import { envelope, isEnvelope, messageType } from '../envelope';

describe('envelope', () => {
    it('wraps a payload for one direction only', () => {
        const wrapped = envelope('to-host', { type: 'sendbird:ready' });
        expect(isEnvelope(wrapped, 'to-host')).toBe(true);
        expect(isEnvelope(wrapped, 'to-container')).toBe(false);
        expect(isEnvelope({ type: 'sendbird:ready' }, 'to-host')).toBe(false);
        expect(isEnvelope(null, 'to-host')).toBe(false);
    });

    it('names the type of any payload without showing it', () => {
        expect(messageType({ type: 'sendbird:init', accessToken: 'x' })).toBe('sendbird:init');
        expect(messageType({ type: 5 })).toBe('(object)');
        expect(messageType('sendbird:init')).toBe('(string)');
        expect(messageType(null)).toBe('(null)');
    });
});
