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
    /** Absolute URL on the transport's origin. */
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
 * Keep-alive HTTP(S) for one upstream, on node:http with its own Agent. The server calls the
 * Sendbird Platform API three times per ticket; Node's global `fetch` (undici behind web
 * streams, AbortSignal and Headers objects) cost over 40% of the server's CPU in the bench
 * profile, where this costs a fraction of that. Connections are reused across requests.
 */
export class KeepAliveHttp {
    private readonly agent: http.Agent;
    private readonly send: typeof http.request;

    constructor(origin: string, maxSockets = 256) {
        const secure = new URL(origin).protocol === 'https:';
        const options = { keepAlive: true, maxSockets, scheduling: 'lifo' as const };
        this.agent = secure ? new https.Agent(options) : new http.Agent(options);
        this.send = secure ? https.request : http.request;
    }

    exchange(exchange: HttpExchange): Promise<HttpReply> {
        return new Promise((resolve, reject) => {
            const headers: Record<string, string | number> = { ...exchange.headers };
            if (exchange.body !== undefined) {
                headers['content-length'] = Buffer.byteLength(exchange.body);
            }
            const request = this.send(exchange.url, {
                method: exchange.method,
                agent: this.agent,
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
        this.agent.destroy();
    }
}
