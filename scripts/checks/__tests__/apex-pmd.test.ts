import { SeverityLevel } from '@salesforce/code-analyzer-core';
import { isBlocking } from '../apex-pmd';

const rule = (name: string, severity: SeverityLevel, tags: string[] = []) => ({
    getName: () => name,
    getSeverityLevel: () => severity,
    getTags: () => tags
});

describe('isBlocking', () => {
    it('blocks on critical and high severity', () => {
        expect(isBlocking(rule('EmptyCatchBlock', SeverityLevel.High))).toBe(true);
        expect(isBlocking(rule('ApexCSRF', SeverityLevel.Critical))).toBe(true);
    });

    it('blocks on any Security rule whatever its severity', () => {
        expect(
            isBlocking(rule('ApexSharingViolations', SeverityLevel.Moderate, ['Security']))
        ).toBe(true);
        expect(
            isBlocking(rule('ApexDangerousMethods', SeverityLevel.Low, ['Security', 'Apex']))
        ).toBe(true);
    });

    it('blocks on SOQL, DML or callouts in loops whatever its severity', () => {
        expect(isBlocking(rule('OperationWithLimitsInLoop', SeverityLevel.Moderate))).toBe(true);
    });

    it('lets moderate and low findings through as advice', () => {
        expect(isBlocking(rule('ApexDoc', SeverityLevel.Moderate, ['Documentation']))).toBe(false);
        expect(isBlocking(rule('AvoidDebugStatements', SeverityLevel.Low, ['Performance']))).toBe(
            false
        );
    });
});
