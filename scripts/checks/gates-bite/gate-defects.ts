import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { apexClassMeta } from '../../project/apex-class-meta';
import { readProject } from '../../project/project';

/** The gate commands a defect can be caught by; each runs against a project folder. */
export type GateName =
    | 'prettier'
    | 'apex-syntax'
    | 'apex-tests'
    | 'apex-types'
    | 'pmd'
    | 'metadata'
    | 'apex-callout-after-dml'
    | 'apex-deploy-coverage';

/** A defect planted into a copy of the project, and what the matching gate must say about it. */
export interface PlantedDefect {
    name: string;
    gate: GateName;
    /** The one file the defect is planted in, relative to the project root. */
    file: string;
    plant(root: string): void;
    /** A finding must match this: the planted file, and the line where the tool gives one. */
    expected: RegExp;
}

const CLASSES = 'force-app/main/shared/classes';
const PLANTED = `${CLASSES}/Planted.cls`;
const PLANTED_TESTS = `${CLASSES}/Planted_Tests.cls`;
const AGENT_PERMISSION_SET =
    'force-app/main/shared/permissionsets/Sendbird_Agent.permissionset-meta.xml';
const SETTINGS_CLASS = `${CLASSES}/SendbirdSettings.cls`;
const KNOWLEDGE_SYNC_TEMPLATE =
    'force-app/main/ai-agent-knowledge/lwc/sendbirdKnowledgeSync/sendbirdKnowledgeSync.html';

const OPTIONAL_CLASSES = 'force-app/knowledge/classes';

/** Writes `Planted.cls` (and its meta file unless told not to) whose line 3 holds `statement`. */
function plantClass(
    root: string,
    statement: string,
    { withMeta = true, classes = CLASSES } = {}
): void {
    const source = [
        'public with sharing class Planted {',
        '    public static void run(List<Id> caseIds) {',
        `        ${statement}`,
        '    }',
        '}',
        ''
    ].join('\n');
    writeFileSync(path.join(root, classes, 'Planted.cls'), source);
    if (withMeta) {
        const meta = apexClassMeta(readProject(root).sourceApiVersion);
        writeFileSync(path.join(root, classes, 'Planted.cls-meta.xml'), meta);
    }
}

/** Rewrites one file of the copy: `change` gets its text and returns the new one. */
function rewrite(root: string, file: string, change: (text: string) => string): void {
    const at = path.join(root, file);
    writeFileSync(at, change(readFileSync(at, 'utf8')));
}

function writeClass(root: string, name: string, lines: string[]): void {
    writeFileSync(path.join(root, CLASSES, `${name}.cls`), [...lines, ''].join('\n'));
    const meta = apexClassMeta(readProject(root).sourceApiVersion);
    writeFileSync(path.join(root, CLASSES, `${name}.cls-meta.xml`), meta);
}

/** Writes `Planted_Tests.cls`, one test method whose statements start on line 4. */
function plantTestClass(root: string, statements: string[]): void {
    writeClass(root, 'Planted_Tests', [
        '@IsTest',
        'private class Planted_Tests {',
        '    @IsTest static void plantedTest() {',
        ...statements.map((statement) => `        ${statement}`),
        '    }',
        '}'
    ]);
}

const ANSWERING_MOCK =
    "Test.setMock(HttpCalloutMock.class, new SendbirdHttpCalloutMock().otherwiseReply(200, '{}'));";

/**
 * A class whose code past its Knowledge probe runs only where Knowledge exists, and a test that
 * reaches it: the shape of issue 13's finding 2, where production without Knowledge fails on 75%.
 */
function plantKnowledgeOnlyClass(root: string): void {
    writeClass(root, 'Planted', [
        'public with sharing class Planted {',
        '    public static Integer count() {',
        "        Type articles = Type.forName('Knowledge__kav');",
        '        if (articles == null) {',
        "            throw new IllegalArgumentException('no Knowledge');",
        '        }',
        '        Integer total = 0;',
        '        total += 1;',
        '        total += 2;',
        '        total += 3;',
        '        return total;',
        '    }',
        '}'
    ]);
    plantTestClass(root, [
        'try {',
        '    Planted.count();',
        '} catch (IllegalArgumentException expected) {',
        "    Assert.isNotNull(expected, 'no Knowledge here');",
        '}'
    ]);
}

export const DEFECTS: PlantedDefect[] = [
    {
        name: 'mocked callout after DML in a test',
        gate: 'apex-callout-after-dml',
        file: PLANTED_TESTS,
        plant: (root) =>
            plantTestClass(root, [
                "insert new Account(Name = 'Planted');",
                ANSWERING_MOCK,
                "new SendbirdHttpClient().send('GET', '/users', null);"
            ]),
        expected:
            /Planted_Tests\.cls:6: Planted_Tests\.plantedTest: a callout can run after uncommitted work.*Work: Planted_Tests\.plantedTest line 4: insert/
    },
    {
        name: 'callout after DML of a test helper',
        gate: 'apex-callout-after-dml',
        file: PLANTED_TESTS,
        plant: (root) =>
            plantTestClass(root, [
                'SendbirdTestData.installSettings();',
                'SendbirdTestData.insertUsers(1);',
                ANSWERING_MOCK,
                "SendbirdPlatformClient.get().deleteGroupChannel('planted_channel');"
            ]),
        expected:
            /Planted_Tests\.cls:7: .*Work: Planted_Tests\.plantedTest line 5: SendbirdTestData\.insertUsers\(1\) → SendbirdTestData\.insertUsers line \d+: insertusers;.*Callout: .*SendbirdPlatformClient\.deleteGroupChannel.*Http\.send/
    },
    {
        name: 'class no test of the deploy reaches',
        gate: 'apex-deploy-coverage',
        file: PLANTED,
        plant: (root) => plantClass(root, 'Integer x = caseIds.size();'),
        expected: /Planted\.cls: core only: about 0% of Planted\.cls's statements \(0 of 1\)/
    },
    {
        name: 'class reached only where Knowledge is',
        gate: 'apex-deploy-coverage',
        file: PLANTED,
        plant: plantKnowledgeOnlyClass,
        expected: /Planted\.cls: core only: about 38% of Planted\.cls's statements \(3 of 8\)/
    },
    {
        name: 'Apex type error',
        gate: 'apex-types',
        file: PLANTED,
        plant: (root) => plantClass(root, "Integer x = 'a';"),
        expected: /Planted\.cls:3:\d+: Error: Incompatible types/
    },
    {
        // force-app/knowledge is not a package directory (a plain deploy must not take it), yet
        // the type gate must check it as before.
        name: 'type error in an optional directory',
        gate: 'apex-types',
        file: `${OPTIONAL_CLASSES}/Planted.cls`,
        plant: (root) => plantClass(root, "Integer x = 'a';", { classes: OPTIONAL_CLASSES }),
        expected: /knowledge\/classes\/Planted\.cls:3:\d+: Error: Incompatible types/
    },
    {
        name: 'call to an unknown method',
        gate: 'apex-types',
        file: PLANTED,
        plant: (root) => plantClass(root, 'SendbirdSettings.get().noSuchMethod();'),
        expected: /Planted\.cls:3:\d+: Missing: No matching method found for 'noSuchMethod'/
    },
    {
        name: "use of another class's private member",
        gate: 'apex-types',
        file: PLANTED,
        plant: (root) => plantClass(root, 'Object current = SendbirdSettings.current;'),
        expected:
            /Planted\.cls:3:\d+: Error: SendbirdSettings\.current is private to SendbirdSettings/
    },
    {
        name: 'reference to Case.No_Such_Field__c',
        gate: 'apex-types',
        file: PLANTED,
        plant: (root) => plantClass(root, 'Schema.SObjectField f = Case.No_Such_Field__c;'),
        expected:
            /Planted\.cls:3:\d+: Missing: Unknown field 'No_Such_Field__c' on SObject 'Schema\.Case'/
    },
    {
        name: 'SOQL reading Case.No_Such_Field__c',
        gate: 'apex-types',
        file: PLANTED,
        plant: (root) =>
            plantClass(root, 'List<Case> c = [SELECT No_Such_Field__c FROM Case WITH USER_MODE];'),
        expected: /Planted\.cls:3:\d+: Missing: Unknown field 'No_Such_Field__c' .*\(in SOQL\)/
    },
    {
        name: 'SOQL inside a loop',
        gate: 'pmd',
        file: PLANTED,
        plant: (root) =>
            plantClass(
                root,
                'for (Id caseId : caseIds) { Case c = [SELECT Id FROM Case WHERE Id = :caseId WITH USER_MODE]; }'
            ),
        expected: /Planted\.cls:3:\d+: OperationWithLimitsInLoop/
    },
    {
        name: 'Apex syntax error',
        gate: 'apex-syntax',
        file: PLANTED,
        plant: (root) => plantClass(root, 'Integer x = ;'),
        expected: /Planted\.cls:3:\d+: mismatched input ';'/
    },
    {
        name: 'class without a _Tests class',
        gate: 'apex-tests',
        file: PLANTED,
        plant: (root) => plantClass(root, 'Integer x = 1;'),
        expected: /Planted\.cls: Planted has no Planted_Tests class/
    },
    {
        name: '.cls with no meta file',
        gate: 'metadata',
        file: PLANTED,
        plant: (root) => plantClass(root, 'Integer x = 1;', { withMeta: false }),
        expected: /Planted\.cls: source file has no Planted\.cls-meta\.xml/
    },
    {
        name: 'hard-coded English in an LWC template',
        gate: 'metadata',
        file: KNOWLEDGE_SYNC_TEMPLATE,
        plant: (root) =>
            rewrite(root, KNOWLEDGE_SYNC_TEMPLATE, (html) =>
                html.replace('label={labels.SYNC_NOW}', 'label="Sync now"')
            ),
        expected:
            /sendbirdKnowledgeSync\.html:\d+:\d+: hard-coded label="Sync now": use a Custom Label/
    },
    {
        name: 'truncated XML file',
        gate: 'metadata',
        file: AGENT_PERMISSION_SET,
        plant: (root) =>
            rewrite(root, AGENT_PERMISSION_SET, (xml) => xml.slice(0, Math.floor(xml.length / 2))),
        expected: /Sendbird_Agent\.permissionset-meta\.xml:\d+:\d+: XML is not well formed/
    },
    {
        name: 'unformatted file',
        gate: 'prettier',
        file: SETTINGS_CLASS,
        plant: (root) =>
            rewrite(root, SETTINGS_CLASS, (source) => source.replace(/\n {4}/g, '\n  ')),
        expected: /SendbirdSettings\.cls/
    }
];
