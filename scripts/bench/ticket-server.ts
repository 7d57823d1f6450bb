import { fork, type ChildProcess } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { SalesforceDouble } from '../../ticket-server/test-support/salesforce-double';
import { SendbirdDouble } from '../../ticket-server/test-support/sendbird-double';
import { startRedis } from '../../ticket-server/test-support/redis-server';
import { doubleEnv } from '../../ticket-server/test-support/stack';
import { emptyTally, load, percentile, type LoadTally } from './support/load';

export const title = 'Ticket server: POST /createticket, 10 s per variant, stand-in upstreams';

/**
 * Concurrency and the stand-ins' latency per comparison. At 50 clients and 20 ms the load
 * generator, the stand-ins and the server all run out of CPU on a small machine, so that run
 * measures the machine's CPU per ticket. With 100 ms per upstream call (nearer a real
 * Salesforce or Sendbird call from a server than loopback is), 50 clients are bound by round
 * trips, as in production, where the stand-ins and the load do not share the server's cores.
 * 5 clients at 20 ms is bound by round trips too.
 */
const RUNS = [
    { clients: 50, latencyMs: 20 },
    { clients: 50, latencyMs: 100 },
    { clients: 5, latencyMs: 20 }
];
/** The scale-out comparison's stand-in latency. */
const SCALE_OUT_LATENCY_MS = 20;
const WARMUP_MS = 1_000;
/** 10 s per variant, in 2 s slices taken in turn, so changing background load hits both alike. */
const SLICES = 5;
const SLICE_MS = 2_000;
/**
 * Each ticket is sent again with the same Idempotency-Key: every other one this long after the
 * first (a concurrent duplicate), the rest once the first answer has arrived (a replay).
 */
const RETRY_AFTER_MS = 5;

/** One server under test with its own doubles, in its own process. */
interface Variant {
    name: string;
    clients: number;
    salesforce: SalesforceDouble;
    sendbird: SendbirdDouble;
    children: ChildProcess[];
    urls: string[];
    tally: LoadTally;
    cpuMicros: number;
    /** CPU of this (bench) process during the variant's slices: the load and the doubles. */
    benchCpuMicros: number;
    casesBefore: number;
    loginsBefore: number;
}

/** Doubles with 20 ms latency, and the server in a child process (support/ticket-server-process). */
async function startVariant(
    name: string,
    loginPerRequest: boolean,
    clients: number,
    latencyMs: number,
    instances = 1,
    env: Record<string, string> = {}
): Promise<Variant> {
    const salesforce = new SalesforceDouble();
    const sendbird = new SendbirdDouble();
    await Promise.all([salesforce.listen(), sendbird.listen()]);
    salesforce.latencyMs = latencyMs;
    sendbird.latencyMs = latencyMs;
    const children: ChildProcess[] = [];
    const urls: string[] = [];
    for (let i = 0; i < instances; i++) {
        const child = fork(path.join(__dirname, 'support', 'ticket-server-process.ts'), {
            env: {
                ...process.env,
                ...doubleEnv(salesforce, sendbird),
                ...env,
                TICKET_RATE_LIMIT_PER_MINUTE: '100000000',
                TICKET_GUEST_TICKETS_PER_MINUTE: '100000000',
                BENCH_LOGIN_PER_REQUEST: loginPerRequest ? '1' : '0'
            },
            execArgv: ['--import', 'tsx'],
            stdio: ['ignore', 'ignore', 'inherit', 'ipc']
        });
        const port = await new Promise<number>((resolve, reject) => {
            child.once('message', (message: { port: number }) => resolve(message.port));
            child.once('exit', (code) => reject(new Error(`ticket server exited with ${code}`)));
        });
        children.push(child);
        urls.push(`http://127.0.0.1:${port}/createticket`);
    }
    await load(urls, { clients, durationMs: WARMUP_MS, retryAfterMs: RETRY_AFTER_MS });
    return {
        name,
        clients,
        salesforce,
        sendbird,
        children,
        urls,
        tally: emptyTally(),
        cpuMicros: 0,
        benchCpuMicros: 0,
        casesBefore: salesforce.cases.size,
        loginsBefore: salesforce.logins().length
    };
}

async function stopVariant(variant: Variant): Promise<void> {
    await Promise.all(
        variant.children.map((child) => {
            const exited = new Promise((resolve) => child.once('exit', resolve));
            child.disconnect();
            return exited;
        })
    );
    await Promise.all([variant.salesforce.close(), variant.sendbird.close()]);
}

/** The server's CPU time so far (µs), asked over IPC. */
function cpuMicrosOf(child: ChildProcess): Promise<number> {
    return new Promise((resolve) => {
        child.once('message', ({ cpu }: { cpu: NodeJS.CpuUsage }) =>
            resolve(cpu.user + cpu.system)
        );
        child.send('cpu');
    });
}

/** CPU of all the variant's server processes (µs). */
async function serverCpuMicros(variant: Variant): Promise<number> {
    const each = await Promise.all(variant.children.map(cpuMicrosOf));
    return each.reduce((sum, micros) => sum + micros, 0);
}

async function slice(variant: Variant): Promise<void> {
    const before = await serverCpuMicros(variant);
    const benchBefore = process.cpuUsage();
    await load(
        variant.urls,
        { clients: variant.clients, durationMs: SLICE_MS, retryAfterMs: RETRY_AFTER_MS },
        variant.tally
    );
    const bench = process.cpuUsage(benchBefore);
    variant.benchCpuMicros += bench.user + bench.system;
    variant.cpuMicros += (await serverCpuMicros(variant)) - before;
}

function report(variant: Variant): { perSecond: number; line: string; duplicates: number } {
    const seconds = (SLICES * SLICE_MS) / 1000;
    const { tally } = variant;
    const perSecond = tally.tickets / seconds;
    const duplicates = variant.salesforce.cases.size - variant.casesBefore - tally.created;
    const line = [
        variant.name.padEnd(30),
        perSecond.toFixed(1).padStart(9),
        percentile(tally.latencies, 0.5).toFixed(1).padStart(7),
        percentile(tally.latencies, 0.99).toFixed(1).padStart(7),
        String(tally.errors).padStart(6),
        String(tally.replayMismatches).padStart(8),
        String(duplicates).padStart(9),
        String(variant.salesforce.logins().length - variant.loginsBefore).padStart(6),
        `${Math.round((variant.cpuMicros / 1000 / (seconds * 1000)) * 100)}%`.padStart(10),
        (variant.cpuMicros / tally.tickets / 1000).toFixed(2).padStart(8),
        `${Math.round((variant.benchCpuMicros / 1000 / (seconds * 1000)) * 100)}%`.padStart(9)
    ].join(' ');
    return { perSecond, line, duplicates };
}

/** Both variants at one concurrency, their 2 s slices taken in turn. */
async function compare(clients: number, latencyMs: number): Promise<void> {
    const variants = [
        await startVariant('cached session (this server)', false, clients, latencyMs),
        await startVariant('login per request (tutorial)', true, clients, latencyMs)
    ];
    try {
        for (let i = 0; i < SLICES; i++) {
            for (const variant of variants) await slice(variant);
        }
    } finally {
        await Promise.all(variants.map(stopVariant));
    }
    const [ours, tutorial] = variants.map(report);
    console.log(
        `\n${clients} concurrent clients, ${latencyMs} ms per upstream call, ${(SLICES * SLICE_MS) / 1000} s each:`
    );
    console.log(
        `${'variant'.padEnd(30)} tickets/s  p50 ms  p99 ms errors mismatch dup Cases logins server CPU ms/ticket bench CPU`
    );
    console.log(ours.line);
    console.log(tutorial.line);
    const errors = variants.reduce((sum, v) => sum + v.tally.errors + v.tally.replayMismatches, 0);
    const tickets = variants.reduce((sum, v) => sum + v.tally.tickets, 0);
    console.log(
        `throughput ratio: ${(ours.perSecond / tutorial.perSecond).toFixed(2)}× (target ≥ 1.5×). ` +
            `${tickets} tickets, each sent twice with one Idempotency-Key ` +
            `(${variants.reduce((sum, v) => sum + v.tally.concurrentRetries, 0)} retries while the first ran, ` +
            `${variants.reduce((sum, v) => sum + v.tally.lateRetries, 0)} after its answer): ` +
            `${ours.duplicates + tutorial.duplicates} duplicate Cases, ${errors} errors.`
    );
}

/**
 * One instance (memory store) against two instances sharing a real redis-server, at 50 clients.
 * Each client's retry goes to the other instance, so every duplicate crosses instances.
 */
async function scaleOut(clients: number): Promise<void> {
    const redis = await startRedis();
    const variants = [
        await startVariant('one instance (memory)', false, clients, SCALE_OUT_LATENCY_MS),
        await startVariant('two instances + Redis', false, clients, SCALE_OUT_LATENCY_MS, 2, {
            REDIS_URL: redis.url
        })
    ];
    try {
        for (let i = 0; i < SLICES; i++) {
            for (const variant of variants) await slice(variant);
        }
    } finally {
        await Promise.all(variants.map(stopVariant));
        await redis.stop();
    }
    const [one, two] = variants.map(report);
    console.log(
        `\nScale-out, ${clients} concurrent clients, ${SCALE_OUT_LATENCY_MS} ms per upstream call, ${(SLICES * SLICE_MS) / 1000} s each (retries to the other instance):`
    );
    console.log(
        `${'variant'.padEnd(30)} tickets/s  p50 ms  p99 ms errors mismatch dup Cases logins server CPU ms/ticket bench CPU`
    );
    console.log(one.line);
    console.log(two.line);
    console.log(
        `duplicate Cases: ${one.duplicates} (one instance), ${two.duplicates} (two instances + Redis). ` +
            `On ${os.cpus().length} cores the two instances share the same CPUs, so tickets/s shows the cost of Redis, not the gain of a second machine.`
    );
}

export async function run(): Promise<void> {
    console.log(
        `Machine: ${os.cpus().length} cores, load average ${os.loadavg()[0].toFixed(1)} at the start.`
    );
    for (const { clients, latencyMs } of RUNS) await compare(clients, latencyMs);
    await scaleOut(50);
}
