import http, { type IncomingHttpHeaders } from 'node:http';
import https from 'node:https';

/** One exchange's answer, body read in full. */
export interface HttpReply {
    status: number;
    headers: IncomingHttpHeaders;
    text: string;
}

export interface HttpExchange {
    method: string;
    /** Absolute http: or https: URL. */
    url: string;
    headers: Record<string, string>;
    body?: string;
    /** The whole exchange, connect to last byte, must finish within this. */
    timeoutMs: number;
}

/** Thrown when an exchange runs over its time; the platform client retries it. */
export class HttpTimeoutError extends Error {
    constructor(ms: number) {
        super(`no complete answer within ${ms} ms`);
        this.name = 'TimeoutError';
    }
}

/**
 * Keep-alive HTTP(S) on node:http with agents of its own; connections are reused across
 * requests. Every upstream call of a ticket goes through it. In the bench profile Node's global
 * `fetch` (undici behind web streams, AbortSignal and Headers objects) took over 40% of the
 * server's CPU for three Sendbird calls per ticket, and jsforce's node-fetch transport a fifth
 * for one Salesforce call; this costs a fraction of either.
 */
export class KeepAliveHttp {
    private readonly agents: { http: http.Agent; https: https.Agent };

    constructor(maxSockets = 256) {
        const options = { keepAlive: true, maxSockets, scheduling: 'lifo' as const };
        this.agents = { http: new http.Agent(options), https: new https.Agent(options) };
    }

    exchange(exchange: HttpExchange): Promise<HttpReply> {
        const secure = exchange.url.startsWith('https:');
        const send = secure ? https.request : http.request;
        return new Promise((resolve, reject) => {
            const headers: Record<string, string | number> = { ...exchange.headers };
            if (exchange.body !== undefined) {
                headers['content-length'] = Buffer.byteLength(exchange.body);
            }
            const request = send(exchange.url, {
                method: exchange.method,
                agent: secure ? this.agents.https : this.agents.http,
                headers
            });
            const timer = setTimeout(
                () => request.destroy(new HttpTimeoutError(exchange.timeoutMs)),
                exchange.timeoutMs
            );
            const fail = (error: Error) => {
                clearTimeout(timer);
                reject(error);
            };
            request.on('error', fail);
            request.on('response', (response) => {
                const chunks: Buffer[] = [];
                response.on('data', (chunk: Buffer) => chunks.push(chunk));
                response.on('error', fail);
                response.on('end', () => {
                    clearTimeout(timer);
                    resolve({
                        status: response.statusCode ?? 0,
                        headers: response.headers,
                        text: Buffer.concat(chunks).toString('utf8')
                    });
                });
            });
            request.end(exchange.body);
        });
    }

    /** Closes idle connections (tests and shutdown). */
    close(): void {
        this.agents.http.destroy();
        this.agents.https.destroy();
    }
}
