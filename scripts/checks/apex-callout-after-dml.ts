import type { Finding } from './shared/findings';
import { runGateCommand, type Gate, type GateResult } from './shared/gate';
import { listApexFiles, readProject } from '../project/project';
import { ApexFlow, type Violation } from './apex-flow/apex-flow';
import { loadApexProject, testMethods } from './apex-flow/apex-project';

const LINE = /\bline (\d+):/;

function describe(violation: Violation): string {
    return (
        'a callout can run after uncommitted work in the same test transaction with no ' +
        'Test.startTest() between, so the platform throws "You have uncommitted work pending". ' +
        `Work: ${violation.pending.steps.join(' → ')}. Callout: ${violation.callout.steps.join(' → ')}.`
    );
}

/**
 * Per `@IsTest` method, the first call that can reach a callout after DML or async work of the
 * same transaction: the DML may sit in a helper (a lazy getter of SendbirdTestData), the callout
 * in a service several calls down. `@TestSetup` DML is committed before each test and does not
 * count; `Test.startTest()` starts a fresh transaction for the callout.
 */
export async function checkCalloutAfterDml(root: string): Promise<GateResult> {
    const project = loadApexProject(listApexFiles(readProject(root)));
    const flow = new ApexFlow(project.index);
    const tests = testMethods(project.types);
    const findings: Finding[] = [];
    for (const test of tests) {
        const [first, ...more] = flow.walkTest(test);
        if (!first) continue;
        const line = Number(LINE.exec(first.callout.steps[0])?.[1] ?? test.line);
        const others = new Set(more.map((v) => v.callout.steps[0])).size;
        findings.push({
            file: test.owner.file,
            line,
            message: `${test.label}: ${describe(first)}${others > 0 ? ` (${others} more such call(s) in this test)` : ''}`
        });
    }
    return {
        findings,
        summary: `${tests.length} test methods walked through the project's call graph.`
    };
}

export const calloutAfterDmlGate: Gate = {
    name: 'Apex callout after DML in tests',
    check: checkCalloutAfterDml
};

if (require.main === module) {
    void runGateCommand(calloutAfterDmlGate);
}
