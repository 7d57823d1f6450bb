import { randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { intParam, jsonBody, param, query, type Caller } from './http';
import type { WebsocketGateway } from './websocketGateway';
import { channelJson, messageJson } from './wireFormat';
import { SendbirdFault, type ChannelRecord, type World } from './world';

/**
 * The REST half of the Chat API as the pinned SDK and UIKit call it (`Session-Key` header), plus
 * the two paths the SDK and the Platform API share (`GET /v3/group_channels/{url}` and its
 * messages). Paths and fields are observations of the pinned SDK, listed in PROTOCOL.md.
 */
export function registerChatApiRoutes(
    app: FastifyInstance,
    deps: {
        world: World;
        gateway: WebsocketGateway;
        caller: (request: FastifyRequest) => Caller;
        userCaller: (request: FastifyRequest) => string;
        publicUrl: () => string;
    }
): void {
    const { world, gateway, caller, userCaller } = deps;
    const view = (channel: ChannelRecord, userId?: string) =>
        channelJson(world, channel, userId, gateway.onlineUserIds());

    /** The SDK may only read its own user's lists. */
    const me = (request: FastifyRequest): string => {
        const userId = userCaller(request);
        if (param(request, 'userId') !== userId) {
            throw new SendbirdFault(403, 400108, 'Not authorized for another user.');
        }
        return userId;
    };

    app.get('/v3/users/:userId/my_group_channels', async (request) => {
        const userId = me(request);
        const q = query(request);
        const limit = Math.min(intParam(q.limit, 20), 100);
        const offset = intParam(q.token, 0);
        let channels = world.myChannels(userId);
        if (q.show_empty === 'false') channels = channels.filter((c) => c.messages.length > 0);
        if (q.order === 'chronological') {
            channels = [...channels].sort((a, b) => b.createdAt - a.createdAt);
        }
        const page = channels.slice(offset, offset + limit);
        const next = offset + limit < channels.length ? String(offset + limit) : '';
        return { channels: page.map((c) => view(c, userId)), next, ts: Date.now() };
    });

    app.get('/v3/users/:userId/my_group_channels/changelogs', async (request) => {
        const userId = me(request);
        const since = intParam(query(request).change_ts, 0);
        const updated = world
            .myChannels(userId)
            .filter((c) => Math.max(world.activityOf(c), lastReadOf(c)) >= since);
        return {
            updated: updated.map((c) => view(c, userId)),
            deleted: [],
            has_more: false,
            next: ''
        };
    });

    app.get('/v3/users/:userId/unread_message_count', async (request) => {
        const userId = me(request);
        return { unread_count: world.totalUnread(userId) };
    });

    app.get('/v3/users/:userId/unread_channel_count', async (request) => {
        const userId = me(request);
        const count = world
            .myChannels(userId)
            .filter((c) => world.unreadCount(c, userId) > 0).length;
        return { unread_count: count };
    });

    app.get('/v3/sdk/group_channels/:url', async (request) => {
        const userId = userCaller(request);
        return view(world.channel(param(request, 'url')), userId);
    });

    app.get('/v3/group_channels/:url', async (request) => {
        const who = caller(request);
        const channel = world.channel(param(request, 'url'));
        return view(channel, who.kind === 'user' ? who.userId : undefined);
    });

    app.get('/v3/group_channels/:url/messages', async (request) => {
        const who = caller(request);
        const channel = world.channel(param(request, 'url'));
        if (who.kind === 'user') world.requireMember(channel, who.userId);
        const q = query(request);
        const limit = (value: string | undefined, fallback: number) =>
            Math.max(0, Math.min(intParam(value, fallback), 200));
        const messages = world.messagesAround(channel, {
            ts: q.message_ts !== undefined ? intParam(q.message_ts, Date.now()) : undefined,
            messageId: q.message_id !== undefined ? intParam(q.message_id, 0) : undefined,
            prevLimit: limit(q.prev_limit, 15),
            nextLimit: limit(q.next_limit, 0),
            inclusive: q.include === 'true'
        });
        const ordered = q.reverse === 'true' ? [...messages].reverse() : messages;
        return { messages: ordered.map((m) => messageJson(world, m)) };
    });

    app.get('/v3/group_channels/:url/messages/changelogs', async (request) => {
        userCaller(request);
        world.channel(param(request, 'url'));
        return { updated: [], deleted: [], has_more: false, next: '' };
    });

    app.get('/v3/emoji_categories', async (request) => {
        userCaller(request);
        return { emoji_hash: '', emoji_categories: [] };
    });

    app.post('/v3/users/:userId/session_key', async (request) => {
        const body = jsonBody(request);
        const userId = world.checkToken(param(request, 'userId'), String(body.token ?? ''));
        const session = world.openSession(userId);
        return { key: session.key, expires_at: Date.now() + 3600_000, services: ['chat'] };
    });

    app.post('/v3/storage/file', async (request) => {
        userCaller(request);
        const form = await new Response(request.body as Buffer, {
            headers: { 'content-type': String(request.headers['content-type'] ?? '') }
        }).formData();
        const file = form.get('file');
        if (!(file instanceof Blob)) throw new SendbirdFault(400, 400100, '"file" is required.');
        const id = randomBytes(8).toString('hex');
        const name = 'name' in file && typeof file.name === 'string' ? file.name : 'file';
        world.files.set(id, {
            body: Buffer.from(await file.arrayBuffer()),
            type: file.type || 'application/octet-stream',
            name
        });
        return {
            url: `${deps.publicUrl()}/standin-files/${id}/${encodeURIComponent(name)}`,
            file_size: file.size,
            thumbnails: [],
            require_auth: false
        };
    });

    app.get('/standin-files/:id/:name', async (request, reply) => {
        const stored = world.files.get(param(request, 'id'));
        if (!stored) throw new SendbirdFault(404, 400201, 'File not found.');
        return reply.header('content-type', stored.type).send(stored.body);
    });

    function lastReadOf(channel: ChannelRecord): number {
        return Math.max(
            0,
            ...[...channel.members.values()].map((m) => Math.max(m.lastReadAt, m.joinedAt))
        );
    }
}
