import { runGateCommand, type Gate } from './shared/gate';
import { calloutAfterDmlGate } from './apex-callout-after-dml';
import { deployCoverageGate } from './apex-deploy-coverage';
import { apexPmdGate } from './apex-pmd';
import { apexSyntaxGate } from './apex-syntax';
import { apexTestClassesGate } from './apex-test-classes';
import { apexTypesGate } from './apex-types';

/**
 * Gates 4–7, 12 and 13. `npm run check:apex` runs them side by side in one process, so they share
 * what each would otherwise pay for alone, chiefly the Apex parse: ANTLR takes about 5 s of CPU
 * to warm up in every process that parses (measured: 40 s → 28 s of CPU for the first four). Each
 * gate keeps its own command (`npm run check:apex-syntax` and so on).
 */
export const APEX_GATES: Gate[] = [
    apexSyntaxGate,
    apexTestClassesGate,
    apexTypesGate,
    apexPmdGate,
    calloutAfterDmlGate,
    deployCoverageGate
];

if (require.main === module) {
    void runGateCommand(...APEX_GATES);
}
