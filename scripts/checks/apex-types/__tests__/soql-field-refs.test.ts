import { relationshipField, soqlFieldRefs } from '../soql-field-refs';

const inMethod = (statement: string) =>
    `public class X {\n    void m() {\n        ${statement}\n    }\n}\n`;
const fieldsOf = (statement: string) =>
    soqlFieldRefs('X.cls', inMethod(statement)).map((ref) => `${ref.objectName}.${ref.fieldName}`);

describe('soqlFieldRefs', () => {
    it('locates each field of SELECT, WHERE, GROUP BY and ORDER BY', () => {
        const refs = soqlFieldRefs(
            'X.cls',
            inMethod(
                "List<Case> c = [SELECT Id, Subject FROM Case WHERE Status = 'New' ORDER BY CreatedDate];"
            )
        );
        expect(refs).toEqual([
            { objectName: 'Case', fieldName: 'Id', line: 3, column: 32 },
            { objectName: 'Case', fieldName: 'Subject', line: 3, column: 36 },
            { objectName: 'Case', fieldName: 'Status', line: 3, column: 60 },
            { objectName: 'Case', fieldName: 'CreatedDate', line: 3, column: 84 }
        ]);
    });

    it('checks relationship paths through their lookup field', () => {
        expect(
            fieldsOf('Object o = [SELECT Owner.Name, Parent__r.Name, Case.Subject FROM Case];')
        ).toEqual(['Case.OwnerId', 'Case.Parent__c', 'Case.Subject']);
    });

    it('reads function arguments but not aliases or bind variables', () => {
        expect(
            fieldsOf(
                'Object o = [SELECT toLabel(Status) s, COUNT(Id) n FROM Case WHERE Id = :x GROUP BY Status ORDER BY n];'
            )
        ).toEqual(['Case.Status', 'Case.Id', 'Case.Id', 'Case.Status']);
    });

    it('gives a semi-join its own object and skips child-relationship queries and TYPEOF', () => {
        expect(
            fieldsOf(
                'Object o = [SELECT Id FROM Case WHERE Id IN (SELECT ParentId FROM CaseComment)];'
            )
        ).toEqual(['Case.Id', 'Case.Id', 'CaseComment.ParentId']);
        expect(fieldsOf('Object o = [SELECT Id, (SELECT Id FROM Contacts) FROM Account];')).toEqual(
            ['Account.Id']
        );
        expect(
            fieldsOf(
                'Object o = [SELECT TYPEOF What WHEN Account THEN Phone END, Subject FROM Event];'
            )
        ).toEqual(['Event.Subject']);
    });

    it('reads the SOQL of triggers', () => {
        const trigger =
            'trigger T on Case (after update) { List<User> u = [SELECT Name FROM User]; }';
        expect(soqlFieldRefs('T.trigger', trigger).map((ref) => ref.fieldName)).toEqual(['Name']);
    });
});

describe('relationshipField', () => {
    it('maps standard and custom relationships to their lookup fields', () => {
        expect(relationshipField('Owner')).toBe('OwnerId');
        expect(relationshipField('Parent_Case__r')).toBe('Parent_Case__c');
    });
});
