import { Agent } from 'undici';

/** One exchange's answer, body read in full. */
export interface HttpReply {
    status: number;
    headers: Record<string, string | string[] | undefined>;
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

/** The bounds on every upstream connection and answer. */
export interface HttpLimits {
    /** Connections per upstream origin. */
    connections: number;
    /** A kept-alive connection idle this long is closed (unless the server asks for less). */
    idleTimeoutMs: number;
    /** No response headers within this: the exchange fails. */
    headersTimeoutMs: number;
    /** No body bytes for this long: the exchange fails. */
    bodyTimeoutMs: number;
    connectTimeoutMs: number;
    /** A larger answer is cut off and fails (no upstream answer of ours is near 1 MB). */
    maxResponseBytes: number;
}

export const DEFAULT_HTTP_LIMITS: HttpLimits = {
    connections: 128,
    idleTimeoutMs: 4_000,
    headersTimeoutMs: 15_000,
    bodyTimeoutMs: 15_000,
    connectTimeoutMs: 5_000,
    maxResponseBytes: 1024 * 1024
};

/**
 * Every upstream call of the server (Salesforce, Sendbird) goes through one undici Agent: kept-
 * alive connection pools per origin with idle, header, body and connect timeouts and a response
 * size limit. `request` (not `fetch`) because fetch's web streams cost several times the CPU per
 * call under load. A per-exchange deadline (AbortSignal) bounds the whole exchange, retries
 * aside; it fails with a `TimeoutError`.
 */
export class UpstreamHttp {
    private readonly agent: Agent;

    constructor(limits: HttpLimits = DEFAULT_HTTP_LIMITS) {
        this.agent = new Agent({
            connections: limits.connections,
            keepAliveTimeout: limits.idleTimeoutMs,
            keepAliveMaxTimeout: limits.idleTimeoutMs,
            headersTimeout: limits.headersTimeoutMs,
            bodyTimeout: limits.bodyTimeoutMs,
            connect: { timeout: limits.connectTimeoutMs },
            maxResponseSize: limits.maxResponseBytes
        });
    }

    async exchange(exchange: HttpExchange): Promise<HttpReply> {
        const url = new URL(exchange.url);
        const response = await this.agent.request({
            origin: url.origin,
            path: `${url.pathname}${url.search}`,
            method: exchange.method as 'GET',
            headers: exchange.headers,
            body: exchange.body,
            signal: AbortSignal.timeout(exchange.timeoutMs)
        });
        const text = await response.body.text();
        return { status: response.statusCode, headers: response.headers, text };
    }

    close(): Promise<void> {
        return this.agent.close();
    }
}

/** A short name for a failed exchange: `timeout`, or the network error's code. */
export function describeHttpFailure(error: unknown): { timeout: boolean; reason: string } {
    const { name, code } = error as NodeJS.ErrnoException;
    if (
        name === 'TimeoutError' ||
        code === 'UND_ERR_HEADERS_TIMEOUT' ||
        code === 'UND_ERR_BODY_TIMEOUT'
    ) {
        return { timeout: true, reason: 'timeout' };
    }
    if (code === 'UND_ERR_RES_EXCEEDED_MAX_SIZE') {
        return { timeout: false, reason: 'answer over the size limit' };
    }
    return { timeout: false, reason: `network (${code ?? name})` };
}
