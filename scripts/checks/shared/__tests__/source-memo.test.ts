import { memoBySource } from '../source-memo';

describe('memoBySource', () => {
    it('computes once per distinct text and again for a changed one', () => {
        const seen: string[] = [];
        const length = memoBySource((source) => {
            seen.push(source);
            return source.length;
        });
        expect(length('class A {}')).toBe(10);
        expect(length('class A {}')).toBe(10);
        expect(length('class A { }')).toBe(11);
        expect(seen).toEqual(['class A {}', 'class A { }']);
    });

    it('remembers an undefined result too', () => {
        let calls = 0;
        const nothing = memoBySource(() => {
            calls += 1;
            return undefined;
        });
        nothing('x');
        nothing('x');
        expect(calls).toBe(1);
    });
});
