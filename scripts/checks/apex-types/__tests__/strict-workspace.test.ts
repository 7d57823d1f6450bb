import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { readProject } from '../../../project/project';
import {
    BASE_FILES,
    CLASSES,
    classMeta,
    makeProject,
    removeProject
} from '../../../test-support/fixture-project';
import { createStrictWorkspace, type StrictWorkspace } from '../strict-workspace';

const OBJECTS = 'force-app/main/default/objects';
const field = (name: string) =>
    `<?xml version="1.0" encoding="UTF-8"?>\n<CustomField xmlns="http://soap.sforce.com/2006/04/metadata">\n` +
    `    <fullName>${name}</fullName>\n    <label>L</label>\n    <length>10</length>\n    <type>Text</type>\n</CustomField>\n`;

describe('createStrictWorkspace', () => {
    let root: string;
    let strict: StrictWorkspace;
    beforeEach(() => {
        root = makeProject({
            ...BASE_FILES,
            [`${OBJECTS}/Case/fields/Channel__c.field-meta.xml`]: field('Channel__c'),
            [`${OBJECTS}/Thing__c/Thing__c.object-meta.xml`]: '<CustomObject/>',
            [`${OBJECTS}/Thing__c/fields/Size__c.field-meta.xml`]: field('Size__c'),
            [`${CLASSES}/Reader.cls`]:
                'public class Reader {\n    void m() {\n        Object o = [SELECT Channel__c FROM Case];\n    }\n}\n',
            [`${CLASSES}/Reader.cls-meta.xml`]: classMeta()
        });
        strict = createStrictWorkspace(readProject(root));
    });
    afterEach(() => {
        strict.remove();
        removeProject(root);
    });

    it('drops standard-object extensions and remembers the fields they declared', () => {
        expect(existsSync(path.join(strict.dir, OBJECTS, 'Case'))).toBe(false);
        expect(
            existsSync(path.join(strict.dir, OBJECTS, 'Thing__c/fields/Size__c.field-meta.xml'))
        ).toBe(true);
        expect([...strict.declaredFields]).toEqual(['case.channel__c']);
    });

    it('writes one Schema reference per SOQL field and maps its line back to the query', () => {
        const lines = readFileSync(strict.syntheticFile, 'utf8').split('\n');
        expect(lines[2]).toBe('        Object r0 = Schema.Case.Channel__c;');
        expect(strict.refsByLine.get(3)).toEqual({
            objectName: 'Case',
            fieldName: 'Channel__c',
            file: path.join(root, CLASSES, 'Reader.cls'),
            line: 3,
            column: 28
        });
    });

    it('maps copied paths back to the project', () => {
        expect(strict.toOriginal(path.join(strict.dir, CLASSES, 'Hello.cls'))).toBe(
            path.join(root, CLASSES, 'Hello.cls')
        );
    });
});
