import { PassThrough } from 'node:stream';
import { StreamPromise } from '@jsforce/jsforce-node/lib/util/promise';
import Transport from '@jsforce/jsforce-node/lib/transport';
import type {
    HttpRequest,
    HttpRequestOptions,
    HttpResponse
} from '@jsforce/jsforce-node/lib/types';
import type { KeepAliveHttp } from '../keep-alive-http';

/**
 * jsforce's HTTP layer swapped for the server's keep-alive client. jsforce still builds every
 * request (URL, bearer token, JSON body) and reads every answer (errors such as
 * INVALID_SESSION_ID, JSON bodies); only the bytes travel differently. Its own transport runs
 * node-fetch through several streams per call and waits up to 30 minutes by default; this one
 * ends every exchange after `timeoutMs`. It sends nothing but string or Buffer bodies, which is
 * all the REST calls here use, and it does not retry (a Case create must not be repeated blindly).
 */
export class KeepAliveTransport extends Transport {
    constructor(
        private readonly http: KeepAliveHttp,
        private readonly timeoutMs: number
    ) {
        super();
    }

    override httpRequest(
        request: HttpRequest,
        options: HttpRequestOptions = {}
    ): StreamPromise<HttpResponse> {
        return StreamPromise.create(() => ({
            stream: new PassThrough(),
            promise: this.send(request, options.timeout ?? this.timeoutMs)
        }));
    }

    private async send(request: HttpRequest, timeoutMs: number): Promise<HttpResponse> {
        const { body } = request;
        if (body != null && typeof body !== 'string' && !Buffer.isBuffer(body)) {
            throw new Error('KeepAliveTransport sends only string or Buffer bodies');
        }
        const reply = await this.http.exchange({
            method: request.method,
            url: request.url,
            headers: request.headers ?? {},
            body: body == null ? undefined : body.toString(),
            timeoutMs
        });
        const headers: Record<string, string> = {};
        for (const [name, value] of Object.entries(reply.headers)) {
            if (value !== undefined)
                headers[name] = Array.isArray(value) ? value.join(', ') : value;
        }
        return { statusCode: reply.status, headers, body: reply.text };
    }
}
