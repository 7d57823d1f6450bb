import {
    isChannelUrl,
    isRecordId,
    openChannelMessage,
    parseOpenChannelMessage
} from 'c/sendbirdOpenChannel';

describe('c/sendbirdOpenChannel', () => {
    it.each([
        ['case_channel_1', true],
        ['500000000000001AAA', true],
        ['abc', false],
        ['a'.repeat(101), false],
        ['has space', false],
        ['dash-not-allowed', false],
        [42, false]
    ])('channel URL %p is valid: %p', (value, valid) => {
        expect(isChannelUrl(value)).toBe(valid);
    });

    it.each([
        ['500000000000001', true],
        ['500000000000001AAA', true],
        ['50000000000001', false],
        ['500000000000001AA', false],
        ['500000000000001<A>', false],
        [undefined, false]
    ])('record id %p is valid: %p', (value, valid) => {
        expect(isRecordId(value)).toBe(valid);
    });

    it('builds requests with or without a record', () => {
        expect(openChannelMessage('open', 'case_channel_1', '500000000000001AAA')).toEqual({
            type: 'open',
            channelUrl: 'case_channel_1',
            recordId: '500000000000001AAA'
        });
        expect(openChannelMessage('received', 'case_channel_1')).toEqual({
            type: 'received',
            channelUrl: 'case_channel_1'
        });
    });

    it('accepts the two message types of the contract', () => {
        const request = { type: 'open', channelUrl: 'case_channel_1', recordId: null };
        const answer = { type: 'received', channelUrl: 'case_channel_1' };

        expect(parseOpenChannelMessage(request)).toBe(request);
        expect(parseOpenChannelMessage(answer)).toBe(answer);
    });

    it.each([
        ['an unknown type', { type: 'close', channelUrl: 'case_channel_1' }],
        ['no channel', { type: 'open' }],
        ['a record id that is not one', { type: 'open', channelUrl: 'ch_1', recordId: 5 }],
        ['an array', [{ type: 'open', channelUrl: 'case_channel_1' }]],
        ['null', null]
    ])('rejects %s', (_, message) => {
        expect(parseOpenChannelMessage(message)).toBeNull();
    });
});
