import { randomUUID } from 'node:crypto';
import { Agent, request as httpRequest } from 'node:http';
import { performance } from 'node:perf_hooks';

/** What a stretch of load saw; tallies add up across stretches. */
export interface LoadTally {
    tickets: number;
    created: number;
    errors: number;
    /** Retries whose answer differed from the first answer. */
    replayMismatches: number;
    /** Retries sent while the first was running, and after its answer arrived. */
    concurrentRetries: number;
    lateRetries: number;
    latencies: number[];
}

export function emptyTally(): LoadTally {
    return {
        tickets: 0,
        created: 0,
        errors: 0,
        replayMismatches: 0,
        concurrentRetries: 0,
        lateRetries: 0,
        latencies: []
    };
}

/** Keep-alive connections for the simulated clients. */
const clientAgent = new Agent({ keepAlive: true, maxSockets: 200 });

/**
 * `clients` loops until the deadline. Each ticket is sent, and sent again with the same
 * Idempotency-Key: every other one `retryAfterMs` later (while the first is usually still
 * running, so it waits for and shares the first answer), the rest once the first answer has
 * arrived (a replay of the stored answer). The latency counted is the first request's.
 */
export async function load(
    url: string | string[],
    options: { clients: number; durationMs: number; retryAfterMs: number },
    tally: LoadTally = emptyTally()
): Promise<LoadTally> {
    const deadline = Date.now() + options.durationMs;
    // Several instances: each client's tickets go to one, their retries to the next one.
    const urls = Array.isArray(url) ? url : [url];
    const client = async (n: number) => {
        const firstUrl = urls[n % urls.length];
        const retryUrl = urls[(n + 1) % urls.length];
        for (let i = 0; Date.now() < deadline; i++) {
            const key = randomUUID();
            const body = JSON.stringify({
                subject: `Bench ${n}-${i}`,
                email: 'bench@example.test'
            });
            const started = performance.now();
            const first = post(firstUrl, body, key).then((r) => ({
                ...r,
                ms: performance.now() - started
            }));
            const late = i % 2 === 1;
            const retry = late
                ? first.then(() => post(retryUrl, body, key))
                : delay(options.retryAfterMs).then(() => post(retryUrl, body, key));
            const [a, b] = await Promise.all([first, retry]);
            if (late) tally.lateRetries++;
            else tally.concurrentRetries++;
            tally.tickets++;
            tally.latencies.push(a.ms);
            if (a.status === 201) tally.created++;
            else tally.errors++;
            if (b.status !== 201) tally.errors++;
            if (b.text !== a.text) tally.replayMismatches++;
        }
    };
    await Promise.all(Array.from({ length: options.clients }, (_, n) => client(n)));
    return tally;
}

/**
 * One POST with node:http rather than fetch: the load generator shares a 2-core machine with the
 * server, and fetch costs several times the CPU per request.
 */
function post(url: string, body: string, key: string): Promise<{ status: number; text: string }> {
    return new Promise((resolve) => {
        const headers = {
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(body),
            'idempotency-key': key
        };
        const request = httpRequest(
            url,
            { method: 'POST', agent: clientAgent, headers },
            (response) => {
                const chunks: Buffer[] = [];
                response.on('data', (chunk: Buffer) => chunks.push(chunk));
                response.on('end', () =>
                    resolve({
                        status: response.statusCode ?? 0,
                        text: Buffer.concat(chunks).toString()
                    })
                );
            }
        );
        request.on('error', (error) => resolve({ status: 0, text: String(error) }));
        request.end(body);
    });
}

function delay(ms: number): Promise<void> {
    return new Promise((resolve) => setTimeout(resolve, ms));
}

/** The p-quantile (0–1) of the latencies, in ms. */
export function percentile(values: number[], p: number): number {
    const sorted = [...values].sort((a, b) => a - b);
    if (sorted.length === 0) return NaN;
    return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
}
