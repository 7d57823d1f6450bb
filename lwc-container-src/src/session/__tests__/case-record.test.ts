import { caseIdForChannel, isCaseId } from '../case-record';

// The suffix encodes, per 5-character chunk, which characters are upper case (bit i for
// character i) as a letter of A-Z0-5: '5005g' -> 0 -> A, '00000' -> A, 'AbCdE' -> 1+4+16 = 21 -> V.
const CASE_15 = '5005g00000AbCdE';
const CASE_18 = '5005g00000AbCdEAAV';

describe('isCaseId', () => {
    it('accepts 15-character and checksummed 18-character Case Ids', () => {
        expect(isCaseId(CASE_15)).toBe(true);
        expect(isCaseId(CASE_18)).toBe(true);
        expect(isCaseId('500000000000001AAA')).toBe(true);
    });

    it.each([
        ['an 18-character Id with a wrong checksum', '5005g00000AbCdEAAL'],
        ['an Account Id', '0015g00000AbCdEAAL'],
        ['a 16-character string', '5005g00000AbCdEA'],
        ['a channel URL', 'sendbird_group_channel_1'],
        ['a number', 500]
    ])('rejects %s', (_case, value) => {
        expect(isCaseId(value)).toBe(false);
    });
});

describe('caseIdForChannel', () => {
    it('takes the Case Id from the channel URL', () => {
        expect(caseIdForChannel({ url: CASE_18 })).toBe(CASE_18);
    });

    it('takes it from the channel data when the URL is another channel', () => {
        expect(
            caseIdForChannel({
                url: 'ai_agent_channel_1',
                data: JSON.stringify({ caseId: CASE_15 })
            })
        ).toBe(CASE_15);
    });

    it('takes it from the metadata the handoff writes', () => {
        expect(
            caseIdForChannel({
                url: 'ai_agent_channel_1',
                data: '{"topic":"billing"}',
                cachedMetaData: { salesforce_case_id: CASE_18, other: 'x' }
            })
        ).toBe(CASE_18);
    });

    it('ignores a metadata value that is not a Case Id', () => {
        expect(
            caseIdForChannel({
                url: 'ai_agent_channel_1',
                cachedMetaData: { salesforce_case_id: '0015g00000AbCdEAAL' }
            })
        ).toBeNull();
    });

    it('prefers the URL over the data', () => {
        expect(caseIdForChannel({ url: CASE_18, data: JSON.stringify({ caseId: CASE_15 }) })).toBe(
            CASE_18
        );
    });

    it.each([
        ['no data', undefined],
        ['data that is not JSON', 'case 500'],
        ['data without a caseId', '{"topic":"billing"}'],
        ['a caseId that is not a Case Id', '{"caseId":"0015g00000AbCdEAAL"}'],
        ['JSON that is not an object', '"5005g00000AbCdE"']
    ])('finds no Case for a non-Case URL with %s', (_case, data) => {
        expect(caseIdForChannel({ url: 'ai_agent_channel_1', data })).toBeNull();
    });
});
