import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { nonSelectiveQueries } from '../soql-selectivity';

const projectRoot = path.resolve(__dirname, '../../..');

function field(name: string, externalId: boolean): string {
    return `<?xml version="1.0" encoding="UTF-8" ?>
<CustomField xmlns="http://soap.sforce.com/2006/04/metadata">
    <fullName>${name}</fullName>
    <externalId>${externalId}</externalId>
    <label>${name}</label>
    <length>64</length>
    <type>Text</type>
</CustomField>
`;
}

/** A two-file project: an object with one Text field, and a class that queries it. */
function fixture(externalId: boolean, where: string): string {
    const root = mkdtempSync(path.join(os.tmpdir(), 'soql-selectivity-'));
    const main = path.join(root, 'force-app/main/default');
    mkdirSync(path.join(main, 'objects/Outbox__c/fields'), { recursive: true });
    mkdirSync(path.join(main, 'classes'), { recursive: true });
    writeFileSync(
        path.join(root, 'sfdx-project.json'),
        JSON.stringify({
            sourceApiVersion: '65.0',
            packageDirectories: [{ path: 'force-app/main' }]
        })
    );
    writeFileSync(
        path.join(main, 'objects/Outbox__c/fields/Request__c.field-meta.xml'),
        field('Request__c', externalId)
    );
    writeFileSync(
        path.join(main, 'classes/Reader.cls'),
        `public class Reader {\n    public static Integer count(String key) {\n        return [\n            SELECT COUNT()\n            FROM Outbox__c\n            ${where}\n        ];\n    }\n}\n`
    );
    return root;
}

describe('SOQL selectivity check', () => {
    const roots: string[] = [];
    afterEach(() => {
        for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
    });

    it('finds no non-selective query on the project\u2019s own objects', () => {
        expect(nonSelectiveQueries(projectRoot)).toEqual([]);
    });

    it('flags a filter on a field that is not indexed, at the query\u2019s line', () => {
        const root = fixture(false, 'WHERE Request__c = :key');
        roots.push(root);

        const findings = nonSelectiveQueries(root);

        expect(findings).toHaveLength(1);
        expect(findings[0].file).toMatch(/Reader\.cls$/);
        expect(findings[0].line).toBe(3);
        expect(findings[0].message).toMatch(/outbox__c filters no indexed field/);
    });

    it('accepts the same filter once the field is an External ID', () => {
        const root = fixture(true, "WHERE Request__c = :key AND (Name = 'x' OR Name = 'y')");
        roots.push(root);

        expect(nonSelectiveQueries(root)).toEqual([]);
    });

    it('flags a query without WHERE, and an indexed field only inside an OR', () => {
        const bare = fixture(true, 'LIMIT 1');
        const either = fixture(true, 'WHERE Request__c = :key OR Name = :key');
        roots.push(bare, either);

        expect(nonSelectiveQueries(bare)).toHaveLength(1);
        expect(nonSelectiveQueries(either)).toHaveLength(1);
    });
});
