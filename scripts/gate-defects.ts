import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { apexClassMeta } from './lib/apex-class-meta';
import { readProject } from './lib/project';

/** The gate commands a defect can be caught by; each runs against a project folder. */
export type GateName =
    'prettier' | 'apex-syntax' | 'apex-tests' | 'apex-types' | 'pmd' | 'metadata';

/** A defect planted into a copy of the project, and what the matching gate must say about it. */
export interface PlantedDefect {
    name: string;
    gate: GateName;
    plant(root: string): void;
    /** The gate's output must match this: the planted file, and the line where the tool gives one. */
    expected: RegExp;
}

const CLASSES = 'force-app/main/default/classes';

/** Writes `Planted.cls` (and its meta file unless told not to) whose line 3 holds `statement`. */
function plantClass(root: string, statement: string, { withMeta = true } = {}): void {
    const source = [
        'public with sharing class Planted {',
        '    public static void run(List<Id> caseIds) {',
        `        ${statement}`,
        '    }',
        '}',
        ''
    ].join('\n');
    writeFileSync(path.join(root, CLASSES, 'Planted.cls'), source);
    if (withMeta) {
        const meta = apexClassMeta(readProject(root).sourceApiVersion);
        writeFileSync(path.join(root, CLASSES, 'Planted.cls-meta.xml'), meta);
    }
}

export const DEFECTS: PlantedDefect[] = [
    {
        name: 'Apex type error',
        gate: 'apex-types',
        plant: (root) => plantClass(root, "Integer x = 'a';"),
        expected: /Planted\.cls:3:\d+: Error: Incompatible types/
    },
    {
        name: 'call to an unknown method',
        gate: 'apex-types',
        plant: (root) => plantClass(root, 'SendbirdSettings.get().noSuchMethod();'),
        expected: /Planted\.cls:3:\d+: Missing: No matching method found for 'noSuchMethod'/
    },
    {
        name: "use of another class's private member",
        gate: 'apex-types',
        plant: (root) => plantClass(root, 'Object current = SendbirdSettings.current;'),
        expected:
            /Planted\.cls:3:\d+: Error: SendbirdSettings\.current is private to SendbirdSettings/
    },
    {
        name: 'reference to Case.No_Such_Field__c',
        gate: 'apex-types',
        plant: (root) => plantClass(root, 'Schema.SObjectField f = Case.No_Such_Field__c;'),
        expected:
            /Planted\.cls:3:\d+: Missing: Unknown field 'No_Such_Field__c' on SObject 'Schema\.Case'/
    },
    {
        name: 'SOQL reading Case.No_Such_Field__c',
        gate: 'apex-types',
        plant: (root) =>
            plantClass(root, 'List<Case> c = [SELECT No_Such_Field__c FROM Case WITH USER_MODE];'),
        expected: /Planted\.cls:3:\d+: Missing: Unknown field 'No_Such_Field__c' .*\(in SOQL\)/
    },
    {
        name: 'SOQL inside a loop',
        gate: 'pmd',
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
        plant: (root) => plantClass(root, 'Integer x = ;'),
        expected: /Planted\.cls:3:\d+: mismatched input ';'/
    },
    {
        name: 'class without a _Tests class',
        gate: 'apex-tests',
        plant: (root) => plantClass(root, 'Integer x = 1;'),
        expected: /Planted\.cls: Planted has no Planted_Tests class/
    },
    {
        name: '.cls with no meta file',
        gate: 'metadata',
        plant: (root) => plantClass(root, 'Integer x = 1;', { withMeta: false }),
        expected: /Planted\.cls: source file has no Planted\.cls-meta\.xml/
    },
    {
        name: 'truncated XML file',
        gate: 'metadata',
        plant: (root) => {
            const file = path.join(
                root,
                'force-app/main/default/permissionsets/Sendbird_Agent.permissionset-meta.xml'
            );
            const xml = readFileSync(file, 'utf8');
            writeFileSync(file, xml.slice(0, Math.floor(xml.length / 2)));
        },
        expected: /Sendbird_Agent\.permissionset-meta\.xml:\d+:\d+: XML is not well formed/
    },
    {
        name: 'unformatted file',
        gate: 'prettier',
        plant: (root) => {
            const file = path.join(root, CLASSES, 'SendbirdSettings.cls');
            writeFileSync(file, readFileSync(file, 'utf8').replace(/\n {4}/g, '\n  '));
        },
        expected: /SendbirdSettings\.cls/
    }
];
