import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * The three org scripts run end to end, as an admin runs them, with the project's real sf CLI and
 * no org: every path that does not need Salesforce. Each run gets a fresh HOME, so no login, alias
 * or default Dev Hub of the machine can be used (org:create could otherwise create a real org),
 * and the runs, mostly sf's start-up, can go side by side.
 */
const ROOT = path.resolve(__dirname, '../../..');
const TSX = path.join(ROOT, 'node_modules', '.bin', 'tsx');

interface Run {
    code: number;
    stdout: string;
    stderr: string;
}

function run(script: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<Run> {
    const home = mkdtempSync(path.join(os.tmpdir(), 'sendbird-sf-home-'));
    const childEnv: NodeJS.ProcessEnv = { ...process.env, HOME: home, ...env };
    for (const name of ['SF_TARGET_ORG', 'SF_TARGET_DEV_HUB', 'SENDBIRD_APP_ID']) {
        if (!(name in env)) delete childEnv[name];
    }
    return new Promise((resolve) => {
        execFile(
            TSX,
            [path.join('scripts', script), ...args],
            { cwd: ROOT, env: childEnv },
            (error, stdout, stderr) => {
                rmSync(home, { recursive: true, force: true });
                resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr });
            }
        );
    });
}

describe('npm run deploy', () => {
    it.concurrent('prints the plan with no org', async () => {
        const { code, stdout } = await run('deploy/deploy.ts', ['--dry-run']);
        expect(code).toBe(0);
        expect(stdout).toContain(
            'Deploy plan (dry run, nothing is changed) for no org (no target org)'
        );
        expect(stdout).toContain(
            '? force-app/omnichannel: Omni-Channel unknown (no target org): pass --no-omni-channel or log in'
        );
        expect(stdout).toMatch(
            /force-app\/omnichannel\n {4}ApexClass: SendbirdAgentWorkSync, SendbirdAgentWorkSync_Tests/
        );
        expect(stdout).toContain('! before a real deploy: No target org.');
    });

    it.concurrent('stops without an org or app id, saying what it needs', async () => {
        const { code, stderr } = await run('deploy/deploy.ts', []);
        expect(code).toBe(1);
        expect(stderr).toContain('No target org. Pass --target-org <alias> or set SF_TARGET_ORG.');
        expect(stderr).toContain('SENDBIRD_APP_ID is not set.');
        expect(stderr).toContain('Usage: npm run deploy');
    });

    it.concurrent('stops before building when it cannot ask the org', async () => {
        const { code, stdout, stderr } = await run('deploy/deploy.ts', ['-o', 'no-such-org-e2e'], {
            SENDBIRD_APP_ID: 'test-app'
        });
        expect(code).toBe(1);
        expect(stdout).toContain('Asking no-such-org-e2e what it has...');
        expect(stderr).toContain(
            'Could not ask no-such-org-e2e what kind of org it is (could not read Organization (NamedOrgNotFoundError'
        );
        expect(stdout).not.toContain('Deploy package');
    });
});

describe('npm run org:create and org:test', () => {
    it.concurrent('org:create names a Dev Hub that is not logged in', async () => {
        const { code, stderr } = await run('org/org-create.ts', [
            '--target-dev-hub',
            'no-such-hub-e2e'
        ]);
        expect(code).toBe(1);
        expect(stderr).toContain('You are not logged in to the Dev Hub "no-such-hub-e2e"');
    });

    it.concurrent('org:test says why sf could not run the tests', async () => {
        const { code, stdout, stderr } = await run('org/org-test.ts', ['-o', 'no-such-org-e2e']);
        expect(code).toBe(1);
        expect(stdout).toContain('Asking no-such-org-e2e what it has...');
        expect(stderr).toContain('sf apex run test failed: NamedOrgNotFoundError');
    });
});
