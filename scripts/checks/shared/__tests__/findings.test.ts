import { formatFinding } from '../findings';

describe('formatFinding', () => {
    it('prints file:line:col relative to the project root', () => {
        expect(
            formatFinding({ file: '/repo/a/B.cls', line: 3, column: 9, message: 'bad' }, '/repo')
        ).toBe('a/B.cls:3:9: bad');
    });

    it('leaves out what the tool did not locate', () => {
        expect(formatFinding({ file: '/repo/a/B.cls', message: 'no meta' }, '/repo')).toBe(
            'a/B.cls: no meta'
        );
        expect(formatFinding({ file: 'rel/C.xml', line: 4, message: 'x' }, '/repo')).toBe(
            'rel/C.xml:4: x'
        );
    });
});
