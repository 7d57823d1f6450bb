import { judge, prettierFindings, type GateRun } from '../prove-gates-bite';
import type { PlantedDefect } from '../gate-defects';

const defect: PlantedDefect = {
    name: 'Apex type error',
    gate: 'apex-types',
    file: 'force-app/main/default/classes/Planted.cls',
    plant: () => undefined,
    expected: /Planted\.cls:3:\d+: Error: Incompatible types/
};
const PLANTED_FINDING =
    "force-app/main/default/classes/Planted.cls:3:17: Error: Incompatible types in assignment, from 'System.String' to 'System.Integer'";

function run(findings: string[], failed = findings.length > 0): GateRun {
    return { failed, findings, output: findings.join('\n') };
}

describe('judge', () => {
    it('counts a defect caught when the gate fails on it and on nothing else', () => {
        const verdict = judge(defect, run([PLANTED_FINDING]));
        expect(verdict).toEqual({ ok: true, detail: `caught: ${PLANTED_FINDING}` });
    });

    it('accepts further findings in the planted file (a cascade from the same defect)', () => {
        const cascade = 'force-app/main/default/classes/Planted.cls:3:9: Missing: something';
        expect(judge(defect, run([cascade, PLANTED_FINDING])).ok).toBe(true);
    });

    it('fails when the gate also reports another file: the copy was not clean', () => {
        const other = 'force-app/main/default/classes/SendbirdSettings.cls:10:1: Error: x';
        const verdict = judge(defect, run([PLANTED_FINDING, other]));
        expect(verdict.ok).toBe(false);
        expect(verdict.detail).toContain('not clean');
        expect(verdict.detail).toContain(other);
    });

    it('sets aside only the findings the gate reports on the project itself', () => {
        const known = 'force-app/main/default/classes/SendbirdKnowledge.cls: core only: about 29%';
        const verdict = judge(defect, run([PLANTED_FINDING, known]), [known]);
        expect(verdict.ok).toBe(true);
        expect(verdict.detail).toContain('1 finding(s) of the project itself set aside');
        const fresh =
            'force-app/main/default/classes/SendbirdPlatformClient.cls: core only: about 10%';
        expect(judge(defect, run([PLANTED_FINDING, known, fresh]), [known]).ok).toBe(false);
        expect(judge(defect, run([known]), [known]).ok).toBe(false);
    });

    it('does not take a file whose name only starts like the planted one', () => {
        const lookalike = 'force-app/main/default/classes/Planted.cls-meta.xml:1:1: bad';
        expect(judge(defect, run([PLANTED_FINDING, lookalike])).ok).toBe(false);
    });

    it('fails when the gate passes, or fails without naming the defect', () => {
        expect(judge(defect, run([])).ok).toBe(false);
        const crash: GateRun = { failed: true, findings: [], output: 'cannot run: no java' };
        expect(judge(defect, crash).detail).toContain('NOT CAUGHT');
        const wrongLine =
            'force-app/main/default/classes/Planted.cls:4:1: Error: Incompatible types';
        expect(judge(defect, run([wrongLine])).ok).toBe(false);
    });
});

describe('prettierFindings', () => {
    const file = 'force-app/main/default/classes/SendbirdSettings.cls';
    const summary = 'Code style issues found in the above file. Run Prettier with --write to fix.';

    it('names each unformatted file and drops the summary line', () => {
        const output = `Checking formatting...\n[warn] ${file}\n[warn] ${summary}\n`;
        expect(prettierFindings(output)).toEqual([file]);
    });

    it('reads the same when Prettier colours its tags (CI=true or FORCE_COLOR)', () => {
        const coloured = `Checking formatting...\n[\x1b[33mwarn\x1b[39m] ${file}\n[\x1b[33mwarn\x1b[39m] ${summary}\n`;
        expect(prettierFindings(coloured)).toEqual([file]);
    });
});
