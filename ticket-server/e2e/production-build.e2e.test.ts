import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { SalesforceDouble } from '../test-support/salesforce-double';
import { SendbirdDouble } from '../test-support/sendbird-double';
import { freePort } from '../test-support/redis-server';
import { doubleEnv, postTicket } from '../test-support/stack';

const WORKSPACE = path.resolve(__dirname, '..');
const DIST = path.join(WORKSPACE, 'dist');
const MAIN = path.join(DIST, 'main.js');

function requireBuild(): void {
    if (!existsSync(MAIN)) {
        throw new Error(
            'ticket-server/dist/main.js is missing: run `npm run build` (npm test builds it in test:prepare).'
        );
    }
}

function jsFiles(dir: string): string[] {
    return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) return jsFiles(full);
        return entry.name.endsWith('.js') ? [full] : [];
    });
}

/** The built server as production runs it: `node dist/main.js`, no tsx, no devDependencies. */
describe('the ticket server workspace build (node dist/main.js)', () => {
    it('requires only Node built-ins and the production dependencies of ticket-server/package.json', () => {
        requireBuild();
        const manifest = JSON.parse(readFileSync(path.join(WORKSPACE, 'package.json'), 'utf8'));
        const allowed = new Set([...Object.keys(manifest.dependencies), 'pino']);
        const used = new Set<string>();
        for (const file of jsFiles(DIST)) {
            for (const [, id] of readFileSync(file, 'utf8').matchAll(/require\("([^"]+)"\)/g)) {
                if (id.startsWith('.') || id.startsWith('node:') || builtinModules.includes(id))
                    continue;
                used.add(
                    id.startsWith('@') ? id.split('/').slice(0, 2).join('/') : id.split('/')[0]
                );
            }
        }
        expect([...used].filter((id) => !allowed.has(id))).toEqual([]);
        expect(used.has('undici')).toBe(true);
        expect(used.has('@jsforce/jsforce-node')).toBe(false);
    });

    it('starts, serves a ticket, and on SIGTERM drains and exits 0', async () => {
        requireBuild();
        const salesforce = new SalesforceDouble();
        const sendbird = new SendbirdDouble();
        await Promise.all([salesforce.listen(), sendbird.listen()]);
        const port = await freePort();
        let child: ChildProcess | undefined;
        try {
            child = spawn(process.execPath, [MAIN], {
                env: {
                    PATH: process.env.PATH,
                    ...doubleEnv(salesforce, sendbird),
                    PORT: String(port),
                    HOST: '127.0.0.1',
                    LOG_LEVEL: 'info'
                },
                stdio: ['ignore', 'pipe', 'pipe']
            });
            let output = '';
            child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
            child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
            const url = `http://127.0.0.1:${port}`;
            const deadline = Date.now() + 20_000;
            for (;;) {
                const up = await fetch(`${url}/healthz`).then(
                    (r) => r.ok,
                    () => false
                );
                if (up) break;
                if (Date.now() > deadline || child.exitCode !== null) {
                    throw new Error(`the built server did not start: ${output}`);
                }
                await new Promise((r) => setTimeout(r, 100));
            }
            const response = await postTicket(url, { subject: 'From the build' });
            expect(response.status).toBe(201);

            const exited = new Promise<number | null>((resolve) => child!.once('exit', resolve));
            child.kill('SIGTERM');
            expect(await exited).toBe(0);
            expect(output).toContain('drained and closed');
        } finally {
            if (child && child.exitCode === null) child.kill('SIGKILL');
            await Promise.all([salesforce.close(), sendbird.close()]);
        }
    });

    it('names every bad variable (REDIS_URL too) and exits 2', async () => {
        requireBuild();
        const child = spawn(process.execPath, [MAIN], {
            env: { PATH: process.env.PATH, REDIS_URL: 'http://not-redis.example.test' },
            stdio: ['ignore', 'pipe', 'pipe']
        });
        let output = '';
        child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
        const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
        expect(code).toBe(2);
        expect(output).toContain('REDIS_URL is invalid: expected a redis: or rediss: URL');
        expect(output).toContain('SF_CLIENT_ID is missing');
    });
});
