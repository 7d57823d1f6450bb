import { apexSyntaxErrors, shortenExpected } from '../apex-syntax';

describe('apexSyntaxErrors', () => {
    it('finds nothing in a valid class', () => {
        expect(
            apexSyntaxErrors('Ok.cls', 'public class Ok { void m() { Integer x = 1; } }')
        ).toEqual([]);
    });

    it('locates an error by 1-based line and column', () => {
        const source = 'public class Bad {\n    void m() { Integer x = ; }\n}\n';
        const [first] = apexSyntaxErrors('Bad.cls', source);
        expect(first).toMatchObject({ file: 'Bad.cls', line: 2, column: 28 });
        expect(first.message).toMatch(/^mismatched input ';'/);
    });

    it('parses a .trigger as a trigger and a class body as a class', () => {
        const trigger = 'trigger T on Case (after update) { System.debug(Trigger.new); }';
        expect(apexSyntaxErrors('T.trigger', trigger)).toEqual([]);
        expect(apexSyntaxErrors('T.cls', trigger).length).toBeGreaterThan(0);
    });
});

describe('shortenExpected', () => {
    it('keeps short alternative lists whole', () => {
        expect(shortenExpected("missing ';' expecting {';', '}'}")).toBe(
            "missing ';' expecting {';', '}'}"
        );
    });

    it('cuts long alternative lists to the first few', () => {
        const tokens = Array.from({ length: 10 }, (_, index) => `'t${index}'`).join(', ');
        expect(shortenExpected(`extraneous input expecting {${tokens}}`)).toBe(
            "extraneous input expecting one of 't0', 't1', 't2', 't3', 't4', 't5', … (4 more)"
        );
    });
});
