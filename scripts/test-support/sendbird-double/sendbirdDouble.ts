import cors from '@fastify/cors';
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import type { AddressInfo } from 'node:net';
import { registerChatApiRoutes } from './chatApiRoutes';
import { sendFault, type Caller } from './http';
import { registerPlatformApiRoutes } from './platformApiRoutes';
import { WebsocketGateway } from './websocketGateway';
import { channelJson } from './wireFormat';
import { SendbirdFault, World, type ChannelRecord, type MessageRecord } from './world';

/**
 * A local stand-in for Sendbird (test code): one loopback port that speaks the Chat API (REST +
 * WebSocket) the pinned `@sendbird/chat` / UIKit use, and the Platform API subset our servers
 * and Apex use, over one shared world. Never presented as Sendbird; see PROTOCOL.md for what it
 * was observed to need and what it does not cover.
 */

export const STANDIN_NOTICE = 'local stand-in for Sendbird (test double, not the real service)';
/** The placeholder Platform API token the stand-in accepts unless told otherwise. */
export const STANDIN_API_TOKEN = 'standin-api-token';
export const STANDIN_APP_ID = 'STANDIN-APP';

export interface SendbirdDoubleOptions {
    appId?: string;
    apiToken?: string;
    /** Listen port; 0 (default) picks a free one. */
    port?: number;
}

/** One Platform API request as it arrived (for tests that assert on calls). */
export interface PlatformCall {
    method: string;
    path: string;
    body: string;
    receivedAt: number;
}

export interface InjectedFault {
    method?: string;
    /** Matched against the path (without query). */
    path: RegExp;
    status: number;
    code: number;
    message?: string;
    /** Sent as `X-RateLimit-RetryAfter` when set. */
    retryAfter?: string;
    /** How many matching requests fail (default 1). */
    times?: number;
}

export interface SendbirdDouble {
    readonly appId: string;
    readonly apiToken: string;
    /** `customApiHost` for the SDK; also the Platform API base (`SENDBIRD_API_URL`). */
    readonly apiUrl: string;
    /** `customWebSocketHost` for the SDK. */
    readonly wsUrl: string;
    readonly world: World;

    createUser(input: { userId: string; nickname?: string; profileUrl?: string }): void;
    /** A session token; `expiresInMs` (default a week) sets its lifetime. */
    issueToken(userId: string, options?: { expiresInMs?: number }): string;
    /** Every token of the user (or just `token`) expires now: the next connect is refused. */
    expireToken(userId: string, token?: string): void;
    /**
     * The user's session keys expire now: REST calls get 400309 and the SDK refreshes over the
     * socket. With `push`, the stand-in also sends `EXPR`, so the SDK refreshes at once.
     */
    expireSession(userId: string, options?: { push?: boolean }): void;
    createChannel(input: {
        url?: string;
        name?: string;
        userIds: string[];
        isDistinct?: boolean;
    }): string;
    invite(channelUrl: string, userIds: string[], inviterId?: string): void;
    leave(channelUrl: string, userIds: string[]): void;
    sendMessage(channelUrl: string, userId: string, text: string): MessageRecord;
    messages(channelUrl: string): MessageRecord[];
    /** The channel's (or all of the user's) unread messages, as the stand-in computes them. */
    unreadCount(userId: string, channelUrl?: string): number;
    /** userId → when they last read (ms; 0 = never). */
    readReceipts(channelUrl: string): Record<string, number>;
    /** A channel as `userId` would get it from the Chat API. */
    channelAs(channelUrl: string, userId: string): Record<string, unknown>;

    readonly connections: {
        /** Cut all sockets; with `refuse`, refuse new ones until `accept()`. */
        drop(options?: { refuse?: boolean }): void;
        refuse(): void;
        /** New sockets are accepted (TCP) but never answered, until `accept()`. */
        blackhole(): void;
        accept(): void;
        count(userId?: string): number;
    };
    /** Every command the SDKs sent over the socket. */
    readonly received: ReadonlyArray<{
        userId: string;
        command: string;
        payload: Record<string, unknown>;
    }>;
    /** Platform API calls (Api-Token), oldest first. */
    readonly platformCalls: ReadonlyArray<PlatformCall>;
    /** Requests no route handled: a sign that the SDK calls something new. */
    readonly unhandled: ReadonlyArray<string>;
    /** Every HTTP request as `METHOD /path?sorted,query,keys` (no values), for PROTOCOL.md. */
    readonly requests: ReadonlyArray<string>;
    /** The next matching request(s) get this error instead (e.g. 429 / 500910). */
    failNext(fault: InjectedFault): void;
    close(): Promise<void>;
}

export async function startSendbirdDouble(
    options: SendbirdDoubleOptions = {}
): Promise<SendbirdDouble> {
    const appId = options.appId ?? STANDIN_APP_ID;
    const apiToken = options.apiToken ?? STANDIN_API_TOKEN;
    const world = new World();
    const gateway = new WebsocketGateway(world);
    const platformCalls: PlatformCall[] = [];
    const unhandled: string[] = [];
    const requests: string[] = [];
    const faults: Array<InjectedFault & { remaining: number }> = [];
    let apiUrl = '';

    const app: FastifyInstance = Fastify({ logger: false, bodyLimit: 30 * 1024 * 1024 });
    // The SDK calls from the page's origin (UIKit in Chromium); reflect it like a public API.
    await app.register(cors, { origin: true, credentials: false, maxAge: 600 });
    app.removeAllContentTypeParsers();
    app.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, body, done) =>
        done(null, body)
    );

    const userCaller = (request: FastifyRequest): string =>
        world.checkSession(header(request, 'session-key'));
    const admin = (request: FastifyRequest): void => {
        if (header(request, 'api-token') !== apiToken) {
            throw new SendbirdFault(401, 400401, 'Invalid value: "Api-Token".');
        }
    };
    const caller = (request: FastifyRequest): Caller => {
        if (header(request, 'api-token') !== undefined) {
            admin(request);
            return { kind: 'platform' };
        }
        return { kind: 'user', userId: userCaller(request) };
    };

    app.addHook('onRequest', async (request, reply) => {
        const path = request.url.split('?')[0];
        const keys = Object.keys((request.query ?? {}) as object).sort();
        requests.push(`${request.method} ${path}${keys.length ? `?${keys.join(',')}` : ''}`);
        if (header(request, 'api-token') !== undefined) {
            platformCalls.push({ method: request.method, path, body: '', receivedAt: Date.now() });
        }
        const fault = faults.find(
            (f) =>
                f.remaining > 0 && (!f.method || f.method === request.method) && f.path.test(path)
        );
        if (fault && request.method !== 'OPTIONS') {
            fault.remaining--;
            if (fault.retryAfter !== undefined)
                reply.header('X-RateLimit-RetryAfter', fault.retryAfter);
            return sendFault(
                reply,
                new SendbirdFault(
                    fault.status,
                    fault.code,
                    fault.message ?? 'Injected by the stand-in.'
                )
            );
        }
    });
    app.addHook('preHandler', async (request) => {
        const last = platformCalls.at(-1);
        if (last && header(request, 'api-token') !== undefined && Buffer.isBuffer(request.body)) {
            last.body = request.body.toString('utf8');
        }
    });

    app.setErrorHandler((error, _request, reply) => {
        if (error instanceof SendbirdFault) return sendFault(reply, error);
        return sendFault(
            reply,
            new SendbirdFault(500, 500901, `Stand-in failure: ${String(error)}`)
        );
    });
    app.setNotFoundHandler((request, reply) => {
        unhandled.push(`${request.method} ${request.url.split('?')[0]}`);
        return sendFault(
            reply,
            new SendbirdFault(
                404,
                400201,
                `${STANDIN_NOTICE}: no route ${request.method} ${request.url.split('?')[0]}`
            )
        );
    });

    // The SDK fetches the API host once before opening the socket (an online check).
    app.get('/', async (_request, reply) =>
        reply.type('text/plain; charset=utf-8').send(`${STANDIN_NOTICE}\n`)
    );

    registerChatApiRoutes(app, { world, gateway, caller, userCaller, publicUrl: () => apiUrl });
    registerPlatformApiRoutes(app, { world, gateway, admin });

    app.server.on('upgrade', (request, socket, head) =>
        gateway.handleUpgrade(request, socket, head)
    );
    await app.listen({ host: '127.0.0.1', port: options.port ?? 0 });
    const { port } = app.server.address() as AddressInfo;
    apiUrl = `http://127.0.0.1:${port}`;

    const channel = (url: string): ChannelRecord => world.channel(url);
    return {
        appId,
        apiToken,
        apiUrl,
        wsUrl: `ws://127.0.0.1:${port}`,
        world,
        createUser: ({ userId, nickname = '', profileUrl = '' }) => {
            world.createUser(userId, nickname, profileUrl);
        },
        issueToken: (userId, { expiresInMs } = {}) =>
            world.issueToken(
                userId,
                expiresInMs === undefined ? undefined : Date.now() + expiresInMs
            ).token,
        expireToken: (userId, token) => world.expireTokens(userId, token),
        expireSession: (userId, { push = false } = {}) => {
            world.expireSessions(userId);
            if (push) gateway.pushTo(userId, 'EXPR', { reason: 400309, expires_in: 0 });
        },
        createChannel: (input) => {
            const created = world.createChannel(input);
            world.emit({ type: 'invite', channel: created, userIds: [...created.members.keys()] });
            return created.url;
        },
        invite: (url, userIds, inviterId) => {
            world.invite(url, userIds, inviterId);
        },
        leave: (url, userIds) => {
            world.leave(url, userIds);
        },
        sendMessage: (url, userId, text) =>
            world.sendMessage({ channelUrl: url, userId, message: text }),
        messages: (url) => [...channel(url).messages],
        unreadCount: (userId, url) =>
            url === undefined ? world.totalUnread(userId) : world.unreadCount(channel(url), userId),
        readReceipts: (url) =>
            Object.fromEntries(
                [...channel(url).members.values()].map((m) => [m.userId, m.lastReadAt])
            ),
        channelAs: (url, userId) =>
            channelJson(world, channel(url), userId, gateway.onlineUserIds()),
        connections: {
            drop: ({ refuse = false } = {}) => {
                if (refuse) gateway.mode = 'refuse';
                gateway.dropAll();
            },
            refuse: () => {
                gateway.mode = 'refuse';
            },
            blackhole: () => {
                gateway.mode = 'blackhole';
            },
            accept: () => {
                gateway.mode = 'open';
            },
            count: (userId) => gateway.connectionCount(userId)
        },
        received: gateway.received,
        platformCalls,
        unhandled,
        requests,
        failNext: (fault) => {
            faults.push({ ...fault, remaining: fault.times ?? 1 });
        },
        close: async () => {
            gateway.close();
            await app.close();
        }
    };
}

function header(request: FastifyRequest, name: string): string | undefined {
    const value = request.headers[name];
    return Array.isArray(value) ? value[0] : value;
}
