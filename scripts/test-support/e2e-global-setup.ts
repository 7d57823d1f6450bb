import path from 'node:path';
import { ensureTicketPage } from '../build/ticket-page';

/**
 * Runs once, before the e2e project's workers start: builds the customer page if its sources
 * changed. Suites in parallel workers serve it, so none of them may rebuild it: a rebuild empties
 * the folder another suite is serving. `npm test` has built it already; `npx jest` may not have.
 */
export default async function buildSharedOutputsOnce(): Promise<void> {
    const built = await ensureTicketPage(path.resolve(__dirname, '../..'));
    if (built) {
        console.log('\nBuilt the customer page for the browser tests.');
    }
}
