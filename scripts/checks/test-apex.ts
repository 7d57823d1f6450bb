import { APEX_GATES } from './apex';
import { runGateCommand } from './shared/gate';
import { proveGatesBite } from './gates-bite/prove-gates-bite';

/**
 * `npm test`'s Apex step (`npm run test:apex`): gates 4–7 on the project, then the proof that the
 * gates bite, in one process. Both then use one apex-ls server and one warmed-up Apex parser
 * (measured: 72–82 s → 58–60 s of CPU against `check:apex` and `test:gates` side by side).
 */
async function main(): Promise<void> {
    const gates = await runGateCommand(...APEX_GATES);
    const bite = await proveGatesBite();
    process.exitCode = Math.max(gates, bite);
}

void main();
