import {
    createServer,
    type IncomingHttpHeaders,
    type Server,
    type ServerResponse
} from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request a double received, as it arrived. */
export interface RecordedCall {
    method: string;
    path: string;
    query: URLSearchParams;
    headers: IncomingHttpHeaders;
    body: string;
    /** Date.now() when the request had fully arrived. */
    receivedAt: number;
}

/** What a route answers. */
export interface DoubleResponse {
    status: number;
    body?: unknown;
    headers?: Record<string, string>;
}

/**
 * An injected failure: an HTTP answer; no answer at all (the client must time out); or the
 * request is carried out but its answer is lost, as when a connection drops mid-response.
 */
export type Fault = DoubleResponse | 'timeout' | 'lose-answer';

type Handler = (call: RecordedCall, params: string[]) => DoubleResponse;

interface Route {
    method: string;
    pattern: RegExp;
    handler: Handler;
}

interface PendingFault {
    method: string;
    pattern: RegExp;
    fault: Fault;
    remaining: number;
}

/**
 * A small loopback HTTP server for test doubles of real APIs: routes by method and path, records
 * every call, and can add latency and inject faults (status codes, 429s, timeouts) per route.
 * Test code only; it stands in for a documented wire format, never for the real service.
 */
export class HttpDouble {
    readonly calls: RecordedCall[] = [];
    /** Added before every answer, to model a real network round trip. */
    latencyMs = 0;
    private readonly routes: Route[] = [];
    private readonly faults: PendingFault[] = [];
    private readonly server: Server;
    private base = '';

    constructor(readonly name: string) {
        this.server = createServer((request, response) => {
            const chunks: Buffer[] = [];
            request.on('data', (chunk: Buffer) => chunks.push(chunk));
            request.on('end', () => {
                const url = new URL(request.url ?? '/', 'http://double');
                const call: RecordedCall = {
                    method: request.method ?? 'GET',
                    path: url.pathname,
                    query: url.searchParams,
                    headers: request.headers,
                    body: Buffer.concat(chunks).toString('utf8'),
                    receivedAt: Date.now()
                };
                this.calls.push(call);
                const answer = this.answer(call);
                if (answer === 'timeout') return; // hold the socket until close()
                const send = () => writeResponse(response, answer);
                if (this.latencyMs > 0) setTimeout(send, this.latencyMs);
                else send();
            });
        });
    }

    /** The double's base URL, e.g. http://127.0.0.1:40123. */
    get url(): string {
        return this.base;
    }

    route(method: string, pattern: RegExp, handler: Handler): void {
        this.routes.push({ method, pattern, handler });
    }

    /** The next `times` calls matching method and path get `fault` instead of the real answer. */
    inject(method: string, pattern: RegExp, fault: Fault, times = 1): void {
        this.faults.push({ method, pattern, fault, remaining: times });
    }

    /** Calls matching method and path (all calls when no filter). */
    callsTo(method?: string, pattern?: RegExp): RecordedCall[] {
        return this.calls.filter(
            (call) =>
                (method === undefined || call.method === method) &&
                (pattern === undefined || pattern.test(call.path))
        );
    }

    async listen(): Promise<string> {
        await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
        this.base = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
        return this.base;
    }

    async close(): Promise<void> {
        this.server.closeAllConnections();
        await new Promise((resolve) => this.server.close(resolve));
    }

    private answer(call: RecordedCall): DoubleResponse | 'timeout' {
        const fault = this.faults.find(
            (f) => f.remaining > 0 && f.method === call.method && f.pattern.test(call.path)
        );
        if (fault) {
            fault.remaining--;
            if (fault.fault !== 'lose-answer') return fault.fault;
            this.dispatch(call);
            return 'timeout';
        }
        return this.dispatch(call);
    }

    /** Routes a call to its handler, without recording it or applying faults. */
    protected dispatch(call: RecordedCall): DoubleResponse {
        for (const route of this.routes) {
            const match = route.method === call.method ? route.pattern.exec(call.path) : null;
            if (match) return route.handler(call, match.slice(1).map(decodeURIComponent));
        }
        return {
            status: 404,
            body: { message: `${this.name} double: no route ${call.method} ${call.path}` }
        };
    }
}

function writeResponse(response: ServerResponse, answer: DoubleResponse): void {
    response.statusCode = answer.status;
    for (const [name, value] of Object.entries(answer.headers ?? {})) {
        response.setHeader(name, value);
    }
    if (answer.body === undefined) {
        response.end();
        return;
    }
    response.setHeader('content-type', 'application/json;charset=UTF-8');
    response.end(JSON.stringify(answer.body));
}

/** The body of a recorded JSON call. */
export function jsonOf<T = Record<string, unknown>>(call: RecordedCall): T {
    return JSON.parse(call.body) as T;
}
