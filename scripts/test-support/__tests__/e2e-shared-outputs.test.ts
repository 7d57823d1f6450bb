import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../../..');

/** Builders that empty a shared folder under dist/ before they write to it. */
const SHARED_BUILDERS = [
    'buildContainer',
    'ensureContainer',
    'buildTicketPage',
    'ensureTicketPage'
];

/**
 * The e2e suites run in parallel jest workers. A suite that rebuilt a shared output would empty
 * the folder another suite is serving, so only the e2e global setup builds them, once.
 */
describe('the e2e suites', () => {
    const suites = execFileSync('git', ['ls-files', '*.e2e.test.ts'], {
        cwd: ROOT,
        encoding: 'utf8'
    })
        .split('\n')
        .filter(Boolean);

    it('are found', () => {
        expect(suites.length).toBeGreaterThan(10);
    });

    it('leave the shared build outputs to the global setup', () => {
        const callers = suites.flatMap((suite) => {
            const source = readFileSync(path.join(ROOT, suite), 'utf8');
            return SHARED_BUILDERS.filter((name) => source.includes(`${name}(`)).map(
                (name) => `${suite} calls ${name}`
            );
        });
        expect(callers).toEqual([]);
    });
});
