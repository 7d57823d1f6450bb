import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Finding } from './shared/findings';
import { runGateCommand, type Gate, type GateResult } from './shared/gate';
import { listApexFiles, readProject } from '../project/project';

const TEST_SUFFIX = '_Tests';
const IS_TEST = /@IsTest\b/i;

/**
 * House rule: every Apex class has a `<Class>_Tests` class, and every `_Tests` class is `@IsTest`.
 * Nothing can run Apex tests here, so at least their presence is checked offline.
 */
export function missingTestClasses(files: { file: string; source: string }[]): Finding[] {
    const classNames = new Set(files.map(({ file }) => path.basename(file, '.cls')));
    return files.flatMap(({ file, source }): Finding[] => {
        const name = path.basename(file, '.cls');
        const isTest = IS_TEST.test(source);
        if (name.endsWith(TEST_SUFFIX)) {
            return isTest
                ? []
                : [{ file, message: `${name} is named as a test class but is not @IsTest` }];
        }
        if (isTest || classNames.has(name + TEST_SUFFIX)) return [];
        return [{ file, message: `${name} has no ${name}${TEST_SUFFIX} class` }];
    });
}

export async function checkApexTestClasses(root: string): Promise<GateResult> {
    const classes = listApexFiles(readProject(root))
        .filter((file) => file.endsWith('.cls'))
        .map((file) => ({ file, source: readFileSync(file, 'utf8') }));
    const tests = classes.filter(({ file }) => file.endsWith(`${TEST_SUFFIX}.cls`)).length;
    return {
        findings: missingTestClasses(classes),
        summary: `${classes.length - tests} classes, ${tests} test classes.`
    };
}

export const apexTestClassesGate: Gate = { name: 'Apex test classes', check: checkApexTestClasses };

if (require.main === module) {
    void runGateCommand(apexTestClassesGate);
}
