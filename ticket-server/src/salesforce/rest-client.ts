import { UpstreamError } from '../errors';
import { describeHttpFailure, type UpstreamHttp } from '../http/upstream-http';
import type { SalesforceSession, SalesforceSessionSource } from './session';

/** The REST API version the server speaks (the project's sourceApiVersion). */
export const SALESFORCE_API_VERSION = '65.0';

/** Salesforce's error body: a list of `{errorCode, message}`. */
export interface SalesforceErrorItem {
    errorCode?: string;
    message?: string;
}

export interface RestReply<T> {
    status: number;
    body: T;
}

/**
 * The Salesforce REST API over the server's undici pools: a bearer token from the session
 * source, JSON in and out, each call bounded by `timeoutMs`. A 401 (an expired or revoked
 * session) renews the session once and repeats the call once; a second 401 fails. Any other
 * 4xx/5xx fails with the first `errorCode`, a timeout with code `TIMEOUT`.
 */
export class SalesforceRestClient {
    constructor(
        private readonly sessions: SalesforceSessionSource,
        private readonly http: UpstreamHttp,
        private readonly timeoutMs: number
    ) {}

    /** `path` is below `/services/data/vXX.X`, e.g. `/composite`. */
    request<T>(
        what: string,
        method: 'GET' | 'POST' | 'PATCH',
        path: string,
        body?: unknown
    ): Promise<RestReply<T>> {
        return this.call<T>(what, method, `/services/data/v${SALESFORCE_API_VERSION}${path}`, body);
    }

    /** Our own Apex REST endpoints: `path` is below `/services/apexrest`, e.g. `/sendbird/v1/handoff`. */
    apex<T>(what: string, method: 'POST', path: string, body: unknown): Promise<RestReply<T>> {
        return this.call<T>(what, method, `/services/apexrest${path}`, body);
    }

    private async call<T>(
        what: string,
        method: string,
        path: string,
        body?: unknown
    ): Promise<RestReply<T>> {
        const session = await this.sessions.current();
        let reply = await this.send<T>(what, session, method, path, body);
        if (reply.status === 401) {
            const renewed = await this.sessions.renew(session);
            reply = await this.send<T>(what, renewed, method, path, body);
        }
        if (reply.status >= 400) {
            const [first] = Array.isArray(reply.body)
                ? (reply.body as SalesforceErrorItem[])
                : apexError(reply.body);
            const code = first?.errorCode ?? `HTTP_${reply.status}`;
            throw new UpstreamError(
                'salesforce',
                `could not ${what}: ${code}: ${first?.message ?? 'no message'}`,
                reply.status,
                code
            );
        }
        return reply;
    }

    private async send<T>(
        what: string,
        session: SalesforceSession,
        method: string,
        path: string,
        body: unknown
    ): Promise<RestReply<T>> {
        try {
            const reply = await this.http.exchange({
                method,
                url: `${session.instanceUrl}${path}`,
                headers: {
                    authorization: `Bearer ${session.accessToken}`,
                    accept: 'application/json',
                    ...(body === undefined ? {} : { 'content-type': 'application/json' })
                },
                body: body === undefined ? undefined : JSON.stringify(body),
                timeoutMs: this.timeoutMs
            });
            return { status: reply.status, body: parseJson(reply.text) as T };
        } catch (error) {
            const failure = describeHttpFailure(error);
            throw new UpstreamError(
                'salesforce',
                `could not ${what}: ${failure.timeout ? `no answer within ${this.timeoutMs} ms` : failure.reason}`,
                undefined,
                failure.timeout ? 'TIMEOUT' : 'NETWORK'
            );
        }
    }
}

function parseJson(text: string): unknown {
    if (text === '') return undefined;
    try {
        return JSON.parse(text) as unknown;
    } catch {
        return undefined;
    }
}

/** Our Apex REST endpoints answer `{error:{code,message}}` (SendbirdRestResponses.cls). */
function apexError(body: unknown): SalesforceErrorItem[] {
    const error = (body as { error?: { code?: unknown; message?: unknown } } | undefined)?.error;
    if (typeof error?.code !== 'string') return [];
    return [{ errorCode: error.code, message: String(error.message ?? '') }];
}
