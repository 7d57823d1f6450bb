import type { SendbirdConfig } from '../config';
import { UpstreamError } from '../errors';
import { describeHttpFailure, type HttpReply, type UpstreamHttp } from '../http/upstream-http';
import { DEFAULT_RETRY_POLICY, backoffDelay, retryAfterMs, type RetryPolicy } from './retry-policy';

/** Sendbird's error body: `{error, code, message}`. */
interface SendbirdErrorBody {
    error?: boolean;
    code?: number;
    message?: string;
}

/** 400202: the resource already exists. A retried create that finds it counts as success. */
export const SENDBIRD_ALREADY_EXISTS = 400202;

export interface PlatformRequest {
    method: 'GET' | 'POST' | 'PUT' | 'DELETE';
    path: string;
    body?: unknown;
    /** For creates: treat 400202 as success (returns undefined then). */
    alreadyExistsIsSuccess?: boolean;
}

type Sleep = (ms: number) => Promise<void>;
const sleep: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A small client for the Sendbird Platform API (v3) over the server's undici pools. It retries timeouts, network errors, 5xx and 429 (waiting as long as
 * `X-RateLimit-RetryAfter` says) with backoff, and never retries other 4xx, which would fail
 * the same way again.
 */
export class SendbirdPlatformClient {
    private readonly headers: Record<string, string>;

    constructor(
        private readonly config: SendbirdConfig,
        private readonly http: UpstreamHttp,
        private readonly policy: RetryPolicy = DEFAULT_RETRY_POLICY,
        private readonly wait: Sleep = sleep
    ) {
        this.headers = {
            'Api-Token': config.apiToken,
            'Content-Type': 'application/json; charset=utf8'
        };
    }

    async request<T>(request: PlatformRequest): Promise<T | undefined> {
        let lastFailure = 'no attempt';
        for (let attempt = 0; attempt < this.policy.attempts; attempt++) {
            const outcome = await this.attempt<T>(request);
            if (outcome.kind === 'done') return outcome.value;
            if (outcome.kind === 'fatal') throw outcome.error;
            lastFailure = outcome.reason;
            if (attempt + 1 === this.policy.attempts) break;
            const delay = outcome.retryAfterMs ?? backoffDelay(this.policy, attempt);
            if (delay > this.policy.maxRetryAfterMs) {
                lastFailure += ` (asked to wait ${delay} ms, more than we hold a request)`;
                break;
            }
            await this.wait(delay);
        }
        throw new UpstreamError(
            'sendbird',
            `${request.method} ${request.path} failed after retries: ${lastFailure}`
        );
    }

    private async attempt<T>(request: PlatformRequest): Promise<Outcome<T>> {
        let response: HttpReply;
        try {
            response = await this.http.exchange({
                method: request.method,
                url: `${this.config.apiUrl}/v3${request.path}`,
                headers: this.headers,
                body: request.body === undefined ? undefined : JSON.stringify(request.body),
                timeoutMs: this.policy.timeoutMs
            });
        } catch (error) {
            return { kind: 'retry', reason: describeHttpFailure(error).reason };
        }
        const body = parseJsonObject(response.text);
        if (response.status >= 200 && response.status < 300) {
            if (body === undefined) return fatal(request, 'a success response that is not JSON');
            return { kind: 'done', value: body as T };
        }
        const error = (body ?? {}) as SendbirdErrorBody;
        if (request.alreadyExistsIsSuccess && error.code === SENDBIRD_ALREADY_EXISTS) {
            return { kind: 'done', value: undefined };
        }
        const reason = `HTTP ${response.status}${error.code ? ` code ${error.code}` : ''}${error.message ? `: ${error.message}` : ''}`;
        if (response.status === 429) {
            const header = response.headers['x-ratelimit-retryafter'];
            return {
                kind: 'retry',
                reason,
                retryAfterMs: retryAfterMs(typeof header === 'string' ? header : null)
            };
        }
        if (response.status >= 500) return { kind: 'retry', reason };
        return fatal(request, reason, response.status, error.code);
    }
}

function fatal<T>(
    request: PlatformRequest,
    reason: string,
    status?: number,
    code?: number
): Outcome<T> {
    const message = `${request.method} ${request.path}: ${reason}`;
    return { kind: 'fatal', error: new UpstreamError('sendbird', message, status, code) };
}

type Outcome<T> =
    | { kind: 'done'; value: T | undefined }
    | { kind: 'retry'; reason: string; retryAfterMs?: number }
    | { kind: 'fatal'; error: UpstreamError };

function parseJsonObject(text: string): object | undefined {
    try {
        const parsed = JSON.parse(text) as unknown;
        return typeof parsed === 'object' && parsed !== null ? parsed : undefined;
    } catch {
        return undefined;
    }
}
