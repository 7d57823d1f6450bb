import { readFileSync } from 'node:fs';
import { ApexIndex } from './apex-index';
import { typesOfFile, type ApexMethod, type ApexType } from './apex-model';

/** The parsed Apex of a set of files: its index, and the types of each file. */
export interface ApexProject {
    index: ApexIndex;
    types: ApexType[];
}

export function loadApexProject(files: string[]): ApexProject {
    const types = files.flatMap((file) => typesOfFile(file, readFileSync(file, 'utf8')));
    return { index: new ApexIndex(types), types };
}

/** `@IsTest` methods of `@IsTest` classes (not `@TestSetup`: its DML is committed first). */
export function testMethods(types: ApexType[]): ApexMethod[] {
    return types
        .filter((type) => type.isTest && type.kind === 'class')
        .flatMap((type) => type.methods)
        .filter((method) => method.annotations.includes('@istest') && method.body);
}

/** `@TestSetup` methods: they run, and count for coverage, before each test of their class. */
export function testSetupMethods(types: ApexType[]): ApexMethod[] {
    return types
        .flatMap((type) => type.methods)
        .filter((method) => method.annotations.includes('@testsetup') && method.body);
}
