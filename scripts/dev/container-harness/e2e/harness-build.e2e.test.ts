import path from 'node:path';
import { buildHarness } from '../build';
import { startHarness } from '../server';

const ROOT = path.resolve(__dirname, '../../../..');

/**
 * Browser suites build the harness in parallel jest workers. One suite starting up must not take
 * the host page away from another that is mid-test (CI saw host.html answer 404).
 */
describe('the harness build', () => {
    it('keeps serving the host page while another build runs', async () => {
        const harness = await startHarness({
            harness: await buildHarness(ROOT),
            container: () => undefined
        });
        // As a second suite's beforeAll, started while the first suite's page loads.
        const another = buildHarness(ROOT);
        try {
            const during = await fetch(harness.hostUrl);
            expect(during.status).toBe(200);
            await expect(during.text()).resolves.toContain('<iframe');

            const secondBuild = await another;
            expect(secondBuild('host.html')?.toString()).toContain('<iframe');
            expect((await fetch(harness.hostUrl)).status).toBe(200);
        } finally {
            await another.catch(() => undefined);
            await harness.close();
        }
    }, 120_000);
});
