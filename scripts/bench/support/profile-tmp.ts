import { fork } from 'node:child_process';
import path from 'node:path';
import { SalesforceDouble } from '../../../ticket-server/test-support/salesforce-double';
import { SendbirdDouble } from '../../../ticket-server/test-support/sendbird-double';
import { doubleEnv } from '../../../ticket-server/test-support/stack';
import { load } from './load';

async function main() {
    const salesforce = new SalesforceDouble();
    const sendbird = new SendbirdDouble();
    await Promise.all([salesforce.listen(), sendbird.listen()]);
    salesforce.latencyMs = 20;
    sendbird.latencyMs = 20;
    const child = fork(path.join(__dirname, 'ticket-server-process.ts'), {
        env: {
            ...process.env,
            ...doubleEnv(salesforce, sendbird),
            TICKET_RATE_LIMIT_PER_MINUTE: '100000000',
            BENCH_LOGIN_PER_REQUEST: process.env.LPR ?? '0'
        },
        execArgv: [
            '--import',
            'tsx',
            ...(process.env.PROF ? ['--cpu-prof', '--cpu-prof-dir=/tmp/prof'] : [])
        ],
        stdio: ['ignore', 'ignore', 'inherit', 'ipc']
    });
    const port = await new Promise<number>((r) =>
        child.once('message', (m: { port: number }) => r(m.port))
    );
    const url = `http://127.0.0.1:${port}/createticket`;
    const cpu = () =>
        new Promise<number>((r) => {
            child.once('message', ({ cpu }: { cpu: NodeJS.CpuUsage }) => r(cpu.user + cpu.system));
            child.send('cpu');
        });
    await load(url, { clients: 50, durationMs: 1000, retryAfterMs: 5 });
    const before = await cpu();
    const t = await load(url, { clients: 50, durationMs: 6000, retryAfterMs: 5 });
    const used = (await cpu()) - before;
    console.log(
        `LPR=${process.env.LPR ?? 0} ${(t.tickets / 6).toFixed(1)} t/s, errors ${t.errors}, ${(used / t.tickets).toFixed(0)} µs server CPU per ticket`
    );
    const exited = new Promise((r) => child.once('exit', r));
    child.disconnect();
    await exited;
    await Promise.all([salesforce.close(), sendbird.close()]);
}
void main();
