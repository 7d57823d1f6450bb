import path from 'node:path';
import {
    CodeAnalyzer,
    CodeAnalyzerConfig,
    SeverityLevel,
    type Rule,
    type Violation
} from '@salesforce/code-analyzer-core';
import { createEnginePlugin } from '@salesforce/code-analyzer-pmd-engine';
import type { Finding } from './shared/findings';
import { runGateCommand, type Gate, type GateResult } from './shared/gate';
import { QUICK_JVM_OPTIONS, requireJava } from './shared/java';
import { listApexFiles, readProject } from '../project/project';

/** The committed configuration: rule overrides and the reasons for them. */
const CONFIG_FILE = 'code-analyzer.yml';
const RULE_SELECTOR = 'pmd:Apex';
const ALWAYS_BLOCKING_RULES = new Set(['OperationWithLimitsInLoop']);

/** Severity 1–2, any Security rule and SOQL/DML/callouts in loops fail the gate. */
export function isBlocking(rule: Pick<Rule, 'getSeverityLevel' | 'getTags' | 'getName'>): boolean {
    return (
        rule.getSeverityLevel() <= SeverityLevel.High ||
        rule.getTags().includes('Security') ||
        ALWAYS_BLOCKING_RULES.has(rule.getName())
    );
}

function toFinding(violation: Violation): Finding {
    const location = violation.getPrimaryLocation();
    const rule = violation.getRule();
    return {
        file: location.getFile() ?? '(no file)',
        line: location.getStartLine(),
        column: location.getStartColumn(),
        message: `${rule.getName()} (severity ${rule.getSeverityLevel()}): ${violation.getMessage()}`
    };
}

export async function checkApexPmd(root: string): Promise<GateResult> {
    requireJava();
    // Code Analyzer starts Java itself; the launcher reads extra options from this variable.
    process.env.JDK_JAVA_OPTIONS ??= QUICK_JVM_OPTIONS.join(' ');
    const apexFiles = listApexFiles(readProject(root));
    const analyzer = new CodeAnalyzer(CodeAnalyzerConfig.fromFile(path.join(root, CONFIG_FILE)));
    await analyzer.addEnginePlugin(createEnginePlugin());
    const workspace = await analyzer.createWorkspace(apexFiles);
    const rules = await analyzer.selectRules([RULE_SELECTOR], { workspace });
    const results = await analyzer.run(rules, { workspace });

    const violations = results.getViolations();
    const blocking = violations.filter((violation) => isBlocking(violation.getRule()));
    const advice = violations.filter((violation) => !isBlocking(violation.getRule()));
    for (const finding of advice.map(toFinding)) {
        console.warn(
            `advice: ${path.relative(root, finding.file)}:${finding.line}: ${finding.message}`
        );
    }
    return {
        findings: blocking.map(toFinding),
        summary: `${rules.getCount()} PMD rules over ${apexFiles.length} Apex files; ${advice.length} advisory finding(s).`
    };
}

export const apexPmdGate: Gate = { name: 'PMD', check: checkApexPmd };

if (require.main === module) {
    void runGateCommand(apexPmdGate);
}
