import { privateMemberReferences } from '../visibility';

const owner = {
    file: '/p/classes/Vault.cls',
    source: `public with sharing class Vault {
    private static final Integer CODE = 1, SPARE = 2;
    @TestVisible
    private static Integer seed;
    static Integer helper() { return 3; }
    private static Integer overloaded() { return 1; }
    public static Integer overloaded(Integer x) { return x; }
    public static final Integer OPEN = 4;
    private class Box {}
    static Integer own() { return Vault.CODE + Vault.helper(); }
}`
};

const caller = (body: string, annotation = '') => ({
    file: '/p/classes/Caller.cls',
    source: `${annotation}\npublic with sharing class Caller {\n    static void m() {\n        ${body}\n    }\n}`
});

const messages = (body: string, annotation = '') =>
    privateMemberReferences([owner, caller(body, annotation)]).map((finding) => finding.message);

describe('privateMemberReferences', () => {
    it('reports private fields, default-private methods and private nested types of another class', () => {
        const findings = privateMemberReferences([
            owner,
            caller(
                'Object a = Vault.CODE; Object b = vault.spare; Object c = Vault.helper(); Object d = new Vault.Box();'
            )
        ]);
        expect(findings.map((finding) => [finding.line, finding.message])).toEqual([
            [4, 'Error: Vault.CODE is private to Vault'],
            [4, 'Error: Vault.spare is private to Vault'],
            [4, 'Error: Vault.helper is private to Vault'],
            [4, 'Error: Vault.Box is private to Vault']
        ]);
        expect(findings[0]).toMatchObject({ file: '/p/classes/Caller.cls', column: 20 });
    });

    it('allows public members, overloads with a public variant and the class itself', () => {
        expect(messages('Object a = Vault.OPEN + Vault.overloaded(1);')).toEqual([]);
    });

    it('opens @TestVisible members to test classes only', () => {
        expect(messages('Vault.seed = 1;')).toEqual([
            'Error: Vault.seed is private to Vault (@TestVisible opens it to test classes only)'
        ]);
        expect(messages('Vault.seed = 1;', '@IsTest')).toEqual([]);
        expect(messages('Vault.CODE = 1;', '@IsTest')).toEqual([
            'Error: Vault.CODE is private to Vault'
        ]);
    });

    it('ignores qualified chains, comments and strings', () => {
        expect(
            messages("Object a = Schema.Vault.CODE; // Vault.CODE\n String s = 'Vault.CODE';")
        ).toEqual([]);
    });
});
