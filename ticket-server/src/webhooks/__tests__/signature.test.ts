import { hasValidSignature, signatureOf } from '../signature';

const SECRET = 'test-signing-secret';
const BODY = Buffer.from('{"id":"evt_1","category":"handoff"}');

describe('hasValidSignature', () => {
    it('accepts the HMAC-SHA256 hex of the raw body, in either case', () => {
        const signature = signatureOf(BODY, SECRET);
        expect(hasValidSignature(BODY, signature, SECRET)).toBe(true);
        expect(hasValidSignature(BODY, signature.toUpperCase(), SECRET)).toBe(true);
    });

    it('refuses a signature made with another key', () => {
        expect(hasValidSignature(BODY, signatureOf(BODY, 'another-secret'), SECRET)).toBe(false);
    });

    it('refuses a body changed after signing, even by one byte', () => {
        const signature = signatureOf(BODY, SECRET);
        const tampered = Buffer.from(BODY.toString().replace('evt_1', 'evt_2'));
        expect(hasValidSignature(tampered, signature, SECRET)).toBe(false);
    });

    it.each([
        ['missing', undefined],
        ['empty', ''],
        ['not hex', 'z'.repeat(64)],
        ['too short', signatureOf(BODY, SECRET).slice(0, 62)],
        ['repeated header', [signatureOf(BODY, SECRET), signatureOf(BODY, SECRET)]]
    ])('refuses a %s header without throwing', (_name, header) => {
        expect(hasValidSignature(BODY, header, SECRET)).toBe(false);
    });
});
