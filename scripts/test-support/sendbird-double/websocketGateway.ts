import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocket, WebSocketServer } from 'ws';
import { channelJson, messageJson, userJson, type Json } from './wireFormat';
import { SendbirdFault, type World, type WorldEvent } from './world';

/**
 * The Chat WebSocket of the local stand-in for Sendbird: text frames of a 4-letter command, JSON
 * and `\n` (see PROTOCOL.md). Authenticates with the subprotocol `{"token"}` or `{"auth"}`,
 * pushes LOGI, answers commands by `req_id`, and turns world events into pushes to the members
 * connected. Tests can drop, refuse or blackhole connections.
 */

/** `open`: normal; `refuse`: new sockets are destroyed; `blackhole`: never answered. */
export type ConnectionMode = 'open' | 'refuse' | 'blackhole';

interface Client {
    ws: WebSocket;
    userId: string;
    sessionKey: string;
}

const CAT_INVITE = 10020;
const CAT_LEAVE = 10001;
const CAT_TYPING_START = 10900;
const CAT_TYPING_END = 10901;

export class WebsocketGateway {
    private readonly server = new WebSocketServer({
        noServer: true,
        // The SDK offers `{"token":…}` or `{"auth":…}` (URI-encoded) as the only subprotocol.
        handleProtocols: (protocols) => protocols.values().next().value ?? false
    });
    private readonly clients = new Set<Client>();
    private readonly heldSockets = new Set<Duplex>();
    /** Every frame a client sent, for tests that check what the SDK sends. */
    readonly received: Array<{ userId: string; command: string; payload: Json }> = [];
    mode: ConnectionMode = 'open';

    constructor(private readonly world: World) {
        world.onEvent((event) => this.push(event));
    }

    /** Wire this to the HTTP server's `upgrade` event. */
    handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void {
        if (this.mode === 'refuse') {
            socket.destroy();
            return;
        }
        if (this.mode === 'blackhole') {
            // Accept the TCP connection, answer nothing (the "server never answers" case).
            this.heldSockets.add(socket);
            socket.on('close', () => this.heldSockets.delete(socket));
            socket.on('error', () => this.heldSockets.delete(socket));
            return;
        }
        this.server.handleUpgrade(request, socket, head, (ws) => this.accept(ws, request));
    }

    /** User ids with at least one open socket. */
    onlineUserIds(): Set<string> {
        return new Set([...this.clients].map((c) => c.userId));
    }

    connectionCount(userId?: string): number {
        return [...this.clients].filter((c) => userId === undefined || c.userId === userId).length;
    }

    /** Cuts every socket without a close frame, as a network drop would. */
    dropAll(): void {
        for (const client of this.clients) client.ws.terminate();
        this.clients.clear();
        for (const socket of this.heldSockets) socket.destroy();
        this.heldSockets.clear();
    }

    /** Pushes a command to every socket of a user (e.g. `EXPR`). */
    pushTo(userId: string, command: string, payload: Json): void {
        for (const client of this.clients) {
            if (client.userId === userId) send(client.ws, command, payload);
        }
    }

    close(): void {
        this.dropAll();
        this.server.close();
    }

    private accept(ws: WebSocket, request: IncomingMessage): void {
        const url = new URL(request.url ?? '/', 'http://standin');
        let credentials: { token?: string; auth?: string } = {};
        try {
            credentials = JSON.parse(decodeURIComponent(ws.protocol || '%7B%7D'));
        } catch {
            credentials = {};
        }
        try {
            let userId: string;
            let sessionKey: string;
            if (credentials.auth) {
                userId = this.world.checkSession(credentials.auth);
                sessionKey = credentials.auth;
            } else {
                const claimed = url.searchParams.get('user_id') ?? undefined;
                if (!claimed) throw new SendbirdFault(400, 400110, '"user_id" is required.');
                userId = this.world.checkToken(claimed, credentials.token ?? '');
                sessionKey = this.world.openSession(userId).key;
            }
            const client: Client = { ws, userId, sessionKey };
            this.clients.add(client);
            ws.on('close', () => this.clients.delete(client));
            ws.on('message', (data) => this.receive(client, data.toString()));
            send(ws, 'LOGI', this.logiPayload(userId, sessionKey));
        } catch (error) {
            const fault = asFault(error);
            send(ws, 'LOGI', { error: true, code: fault.code, message: fault.message });
            ws.close();
        }
    }

    private logiPayload(userId: string, key: string): Json {
        const user = this.world.user(userId);
        return {
            ...userJson(user, true),
            key,
            ekey: '',
            login_ts: Date.now(),
            ping_interval: 15,
            pong_timeout: 5,
            reconnect: { interval: 0.5, max_interval: 2, mul: 2, retry_cnt: 5 },
            max_unread_cnt_on_super_group: 100,
            services: ['chat'],
            application_attributes: [],
            premium_feature_list: [],
            file_upload_size_limit: 25,
            // UIKit reads this at start; without it, it shows "(No name) No channels".
            message_template: { token: '' },
            unread_cnt: this.unreadCnt(userId)
        };
    }

    /** The `unread_cnt` the SDK reads from any frame to fire `onTotalUnreadMessageCountChanged`. */
    private unreadCnt(userId: string): Json {
        return { all: this.world.totalUnread(userId), custom_types: {}, ts: Date.now() };
    }

    private receive(client: Client, text: string): void {
        for (const line of text.split('\n')) {
            if (line.length < 4) continue;
            const command = line.slice(0, 4);
            let payload: Json = {};
            try {
                payload = line.length > 4 ? JSON.parse(line.slice(4)) : {};
            } catch {
                payload = {};
            }
            this.received.push({ userId: client.userId, command, payload });
            try {
                this.handle(client, command, payload);
            } catch (error) {
                const fault = asFault(error);
                send(client.ws, 'EROR', {
                    req_id: payload.req_id,
                    error: true,
                    code: fault.code,
                    message: fault.message
                });
            }
        }
    }

    private handle(client: Client, command: string, payload: Json): void {
        const reqId = payload.req_id as string | undefined;
        const channelUrl = String(payload.channel_url ?? '');
        switch (command) {
            case 'PING':
                send(client.ws, 'PONG', { id: payload.id, ts: Date.now() });
                return;
            case 'MESG':
            case 'FILE': {
                const file =
                    command === 'FILE'
                        ? {
                              url: String(payload.url ?? ''),
                              name: String(payload.name ?? 'File'),
                              type: String(payload.type ?? ''),
                              size: Number(payload.size ?? 0)
                          }
                        : undefined;
                this.pendingReqId = { userId: client.userId, reqId, ws: client.ws };
                try {
                    this.world.sendMessage({
                        channelUrl,
                        userId: client.userId,
                        message: typeof payload.message === 'string' ? payload.message : '',
                        file,
                        data: String((command === 'FILE' ? payload.custom : payload.data) ?? ''),
                        customType: String(payload.custom_type ?? '')
                    });
                } finally {
                    this.pendingReqId = undefined;
                }
                return;
            }
            case 'READ': {
                this.pendingReqId = { userId: client.userId, reqId, ws: client.ws };
                try {
                    this.world.markRead(channelUrl, client.userId);
                } finally {
                    this.pendingReqId = undefined;
                }
                return;
            }
            case 'TPST':
            case 'TPEN': {
                const channel = this.world.channel(channelUrl);
                this.world.requireMember(channel, client.userId);
                this.world.emit({
                    type: 'typing',
                    channel,
                    userId: client.userId,
                    typing: command === 'TPST'
                });
                return;
            }
            case 'LOGI':
                this.refreshSession(client, payload);
                return;
            case 'MACK':
            default:
                // Delivery acks and anything else need no answer.
                return;
        }
    }

    /** LOGI sent by a connected client (session refresh after 400309 or EXPR). */
    private refreshSession(client: Client, payload: Json): void {
        const reqId = payload.req_id;
        try {
            this.world.checkToken(client.userId, String(payload.token ?? ''));
            const session = this.world.openSession(client.userId);
            client.sessionKey = session.key;
            send(client.ws, 'LOGI', { req_id: reqId, new_key: session.key });
        } catch (error) {
            const fault = asFault(error);
            send(client.ws, 'LOGI', {
                req_id: reqId,
                error: true,
                code: fault.code,
                message: fault.message
            });
        }
    }

    /** The sender's socket and req_id while its own MESG/FILE/READ is being applied. */
    private pendingReqId: { userId: string; reqId?: string; ws: WebSocket } | undefined;

    private push(event: WorldEvent): void {
        const online = this.onlineUserIds();
        switch (event.type) {
            case 'message': {
                const body = messageJson(this.world, event.message);
                for (const client of this.clients) {
                    if (!event.channel.members.has(client.userId)) continue;
                    const own = this.pendingReqId?.ws === client.ws;
                    send(client.ws, event.message.kind, {
                        ...body,
                        ...(own ? { req_id: this.pendingReqId?.reqId } : {}),
                        unread_cnt: this.unreadCnt(client.userId)
                    });
                }
                return;
            }
            case 'read': {
                const reader = this.world.users.get(event.userId);
                for (const client of this.clients) {
                    if (!event.channel.members.has(client.userId)) continue;
                    const own = this.pendingReqId?.ws === client.ws;
                    send(client.ws, 'READ', {
                        ...(own ? { req_id: this.pendingReqId?.reqId } : {}),
                        channel_url: event.channel.url,
                        channel_type: 'group',
                        user: reader ? userJson(reader, true) : { user_id: event.userId },
                        ts: event.ts,
                        unread_cnt: this.unreadCnt(client.userId)
                    });
                }
                return;
            }
            case 'invite': {
                const inviter = event.inviterId ? this.world.users.get(event.inviterId) : undefined;
                const data = {
                    inviter: inviter ? userJson(inviter) : {},
                    invitees: event.userIds.map((id) => ({
                        ...userJson(this.world.user(id), online.has(id)),
                        state: 'joined'
                    })),
                    member_count: event.channel.members.size,
                    joined_member_count: event.channel.members.size
                };
                this.pushToMembers(event.channel.members.keys(), 'SYEV', {
                    cat: CAT_INVITE,
                    channel_url: event.channel.url,
                    channel_type: 'group',
                    data,
                    ts: Date.now()
                });
                return;
            }
            case 'leave': {
                for (const userId of event.userIds) {
                    const user = this.world.users.get(userId);
                    this.pushToMembers(event.formerMembers, 'SYEV', {
                        cat: CAT_LEAVE,
                        channel_url: event.channel.url,
                        channel_type: 'group',
                        data: {
                            ...(user ? userJson(user) : { user_id: userId }),
                            member_count: event.channel.members.size,
                            joined_member_count: event.channel.members.size
                        },
                        ts: Date.now()
                    });
                }
                return;
            }
            case 'typing': {
                const user = this.world.user(event.userId);
                for (const client of this.clients) {
                    if (client.userId === event.userId || !event.channel.members.has(client.userId))
                        continue;
                    send(client.ws, 'SYEV', {
                        cat: event.typing ? CAT_TYPING_START : CAT_TYPING_END,
                        channel_url: event.channel.url,
                        channel_type: 'group',
                        data: userJson(user, true),
                        ts: Date.now()
                    });
                }
                return;
            }
            case 'user-changed':
                return;
        }
    }

    private pushToMembers(userIds: Iterable<string>, command: string, payload: Json): void {
        const wanted = new Set(userIds);
        for (const client of this.clients) {
            if (wanted.has(client.userId)) send(client.ws, command, payload);
        }
    }

    /** A channel as a connected user sees it (used by the REST layer too). */
    channelFor(url: string, userId: string): Json {
        return channelJson(this.world, this.world.channel(url), userId, this.onlineUserIds());
    }
}

function send(ws: WebSocket, command: string, payload: Json): void {
    if (ws.readyState === WebSocket.OPEN) ws.send(`${command}${JSON.stringify(payload)}\n`);
}

function asFault(error: unknown): SendbirdFault {
    if (error instanceof SendbirdFault) return error;
    return new SendbirdFault(500, 500901, error instanceof Error ? error.message : String(error));
}
