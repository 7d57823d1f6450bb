import { fork, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { SalesforceDouble } from '../../ticket-server/test-support/salesforce-double';
import { SendbirdDouble } from '../../ticket-server/test-support/sendbird-double';
import { doubleEnv } from '../../ticket-server/test-support/stack';

export const title = 'Ticket server: POST /createticket, 50 clients × 10 s, 20 ms upstream latency';

const CLIENTS = 50;
const DURATION_MS = 10_000;
const WARMUP_MS = 1_000;
const UPSTREAM_LATENCY_MS = 20;
/** Each request is sent again with the same Idempotency-Key this long after the first. */
const RETRY_AFTER_MS = 5;

/** Starts the ticket server in a child process (see support/ticket-server-process.ts). */
async function startServer(
    env: Record<string, string>
): Promise<{ url: string; child: ChildProcess }> {
    const child = fork(path.join(__dirname, 'support', 'ticket-server-process.ts'), {
        env: { ...process.env, ...env },
        execArgv: ['--import', 'tsx'],
        stdio: ['ignore', 'ignore', 'inherit', 'ipc']
    });
    const port = await new Promise<number>((resolve, reject) => {
        child.once('message', (message: { port: number }) => resolve(message.port));
        child.once('exit', (code) => reject(new Error(`ticket server exited with ${code}`)));
    });
    return { url: `http://127.0.0.1:${port}/createticket`, child };
}

interface Result {
    tickets: number;
    perSecond: number;
    p50: number;
    p99: number;
    errors: number;
    replayMismatches: number;
    duplicateCases: number;
    logins: number;
    /** Share of one core used during the run by the server, and by this process. */
    serverCpu: number;
    ownCpu: number;
}

/** The child's process.cpuUsage(), asked over IPC. */
function cpuOf(child: ChildProcess): Promise<NodeJS.CpuUsage> {
    return new Promise((resolve) => {
        child.once('message', (message: { cpu: NodeJS.CpuUsage }) => resolve(message.cpu));
        child.send('cpu');
    });
}

function cpuShare(after: NodeJS.CpuUsage, before: NodeJS.CpuUsage): number {
    const micros = after.user - before.user + (after.system - before.system);
    return micros / 1000 / DURATION_MS;
}

/** One variant: fresh doubles and server, a warm-up, then 50 clients for 10 s. */
async function measure(loginPerRequest: boolean): Promise<Result> {
    const salesforce = new SalesforceDouble();
    const sendbird = new SendbirdDouble();
    await Promise.all([salesforce.listen(), sendbird.listen()]);
    salesforce.latencyMs = UPSTREAM_LATENCY_MS;
    sendbird.latencyMs = UPSTREAM_LATENCY_MS;
    const { url, child } = await startServer({
        ...doubleEnv(salesforce, sendbird),
        TICKET_RATE_LIMIT_PER_MINUTE: '100000000',
        BENCH_LOGIN_PER_REQUEST: loginPerRequest ? '1' : '0'
    });
    try {
        await load(url, WARMUP_MS);
        const casesBefore = salesforce.cases.size;
        const loginsBefore = salesforce.logins().length;
        const serverCpuBefore = await cpuOf(child);
        const ownCpuBefore = process.cpuUsage();
        const run = await load(url, DURATION_MS);
        const serverCpu = cpuShare(await cpuOf(child), serverCpuBefore);
        const ownCpu = cpuShare(process.cpuUsage(), ownCpuBefore);
        latencySort(run.latencies);
        return {
            tickets: run.tickets,
            perSecond: run.tickets / (DURATION_MS / 1000),
            p50: percentile(run.latencies, 0.5),
            p99: percentile(run.latencies, 0.99),
            errors: run.errors,
            replayMismatches: run.replayMismatches,
            duplicateCases: salesforce.cases.size - casesBefore - run.created,
            logins: salesforce.logins().length - loginsBefore,
            serverCpu,
            ownCpu
        };
    } finally {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.disconnect();
        await exited;
        await Promise.all([salesforce.close(), sendbird.close()]);
    }
}

interface LoadRun {
    tickets: number;
    created: number;
    errors: number;
    replayMismatches: number;
    latencies: number[];
}

/** CLIENTS loops until the deadline; each ticket is sent, then retried with the same key. */
async function load(url: string, durationMs: number): Promise<LoadRun> {
    const run: LoadRun = { tickets: 0, created: 0, errors: 0, replayMismatches: 0, latencies: [] };
    const deadline = Date.now() + durationMs;
    const client = async (n: number) => {
        for (let i = 0; Date.now() < deadline; i++) {
            const key = randomUUID();
            const body = JSON.stringify({
                subject: `Bench ticket ${n}-${i}`,
                email: 'bench@example.test'
            });
            const started = performance.now();
            const first = post(url, body, key).then((r) => ({
                ...r,
                ms: performance.now() - started
            }));
            const retry = delay(RETRY_AFTER_MS).then(() => post(url, body, key));
            const [a, b] = await Promise.all([first, retry]);
            run.tickets++;
            run.latencies.push(a.ms);
            if (a.status === 201) run.created++;
            if (a.status !== 201) run.errors++;
            if (b.status !== 201) run.errors++;
            if (b.text !== a.text) run.replayMismatches++;
        }
    };
    await Promise.all(Array.from({ length: CLIENTS }, (_, n) => client(n)));
    return run;
}

async function post(
    url: string,
    body: string,
    key: string
): Promise<{ status: number; text: string }> {
    try {
        const response = await fetch(url, {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'idempotency-key': key },
            body
        });
        return { status: response.status, text: await response.text() };
    } catch (error) {
        return { status: 0, text: String(error) };
    }
}

function delay(ms: number): Promise<void> {
    return new Promise((resolve) => setTimeout(resolve, ms));
}

function latencySort(values: number[]): void {
    values.sort((a, b) => a - b);
}

function percentile(sorted: number[], p: number): number {
    if (sorted.length === 0) return NaN;
    return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
}

function row(name: string, r: Result): string {
    return [
        name.padEnd(26),
        r.perSecond.toFixed(1).padStart(9),
        r.p50.toFixed(1).padStart(8),
        r.p99.toFixed(1).padStart(8),
        String(r.errors).padStart(7),
        String(r.replayMismatches).padStart(9),
        String(r.duplicateCases).padStart(10),
        String(r.logins).padStart(7),
        `${Math.round(r.serverCpu * 100)}%`.padStart(11),
        `${Math.round(r.ownCpu * 100)}%`.padStart(11)
    ].join(' ');
}

export async function run(): Promise<void> {
    const cached = await measure(false);
    const perRequest = await measure(true);
    console.log(
        `${'variant'.padEnd(26)} ${'tickets/s'.padStart(9)} ${'p50 ms'.padStart(8)} ${'p99 ms'.padStart(8)} ${'errors'.padStart(7)} ${'mismatch'.padStart(9)} ${'dup Cases'.padStart(10)} ${'logins'.padStart(7)} ${'server CPU'.padStart(11)} ${'load+double'.padStart(11)}`
    );
    console.log(row('cached session (ours)', cached));
    console.log(row('login per request', perRequest));
    const ratio = cached.perSecond / perRequest.perSecond;
    console.log(
        `throughput ratio: ${ratio.toFixed(2)}× (target ≥ 1.5×); every ticket was sent twice with one ` +
            `Idempotency-Key (the second ${RETRY_AFTER_MS} ms later): ${cached.tickets + perRequest.tickets} ` +
            `tickets, ${cached.duplicateCases + perRequest.duplicateCases} duplicate Cases, ` +
            `${cached.errors + perRequest.errors} errors`
    );
}
