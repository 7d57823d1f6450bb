import type { FastifyInstance, FastifyRequest } from 'fastify';
import { jsonBody, param, requiredString, stringList } from './http';
import type { WebsocketGateway } from './websocketGateway';
import { channelJson, messageJson, userJson } from './wireFormat';
import { SendbirdFault, type World } from './world';

/**
 * The Platform API subset the ticket server and the Apex call (`Api-Token` header), over the
 * same world the SDK sees, following Sendbird's documented request and error shapes. The two
 * read paths shared with the SDK (`GET /v3/group_channels/{url}` and its messages) live in
 * chatApiRoutes.ts.
 */
export function registerPlatformApiRoutes(
    app: FastifyInstance,
    deps: { world: World; gateway: WebsocketGateway; admin: (request: FastifyRequest) => void }
): void {
    const { world, gateway, admin } = deps;
    const channelView = (url: string) =>
        channelJson(world, world.channel(url), undefined, gateway.onlineUserIds());

    app.post('/v3/users', async (request) => {
        admin(request);
        const body = jsonBody(request);
        const userId = requiredString(body, 'user_id');
        const user = world.createUser(
            userId,
            requiredString(body, 'nickname'),
            requiredString(body, 'profile_url')
        );
        const json = userJson(user);
        if (body.issue_access_token === true) {
            return { ...json, access_token: world.issueToken(userId).token };
        }
        return json;
    });

    app.get('/v3/users/:userId', async (request) => {
        admin(request);
        return userJson(world.user(param(request, 'userId')));
    });

    app.put('/v3/users/:userId', async (request) => {
        admin(request);
        const body = jsonBody(request);
        const changes: { nickname?: string; profileUrl?: string } = {};
        if (typeof body.nickname === 'string') changes.nickname = body.nickname;
        if (typeof body.profile_url === 'string') changes.profileUrl = body.profile_url;
        return userJson(world.updateUser(param(request, 'userId'), changes));
    });

    app.delete('/v3/users/:userId', async (request) => {
        admin(request);
        const userId = param(request, 'userId');
        world.user(userId);
        world.users.delete(userId);
        for (const channel of world.channels.values()) channel.members.delete(userId);
        return {};
    });

    app.post('/v3/users/:userId/token', async (request) => {
        admin(request);
        const body = jsonBody(request);
        const expiresAt = typeof body.expires_at === 'number' ? body.expires_at : undefined;
        if (expiresAt !== undefined && expiresAt <= Date.now()) {
            throw new SendbirdFault(400, 400111, '"expires_at" must be in the future.');
        }
        const record = world.issueToken(param(request, 'userId'), expiresAt);
        return { token: record.token, expires_at: record.expiresAt };
    });

    app.post('/v3/group_channels', async (request) => {
        admin(request);
        const body = jsonBody(request);
        const userIds = body.user_ids === undefined ? [] : stringList(body, 'user_ids');
        const channel = world.createChannel({
            url: typeof body.channel_url === 'string' ? body.channel_url : undefined,
            name: typeof body.name === 'string' ? body.name : undefined,
            userIds,
            isDistinct: body.is_distinct === true,
            coverUrl: typeof body.cover_url === 'string' ? body.cover_url : undefined,
            customType: typeof body.custom_type === 'string' ? body.custom_type : undefined,
            data: typeof body.data === 'string' ? body.data : undefined
        });
        // Members who are online learn about the channel as Sendbird's "invited" event.
        world.emit({ type: 'invite', channel, userIds: [...channel.members.keys()] });
        return channelView(channel.url);
    });

    app.post('/v3/group_channels/:url/invite', async (request) => {
        admin(request);
        const body = jsonBody(request);
        const userIds = stringList(body, 'user_ids');
        if (userIds.length > 100) throw new SendbirdFault(400, 400111, 'At most 100 "user_ids".');
        const inviterId = typeof body.inviter_id === 'string' ? body.inviter_id : undefined;
        world.invite(param(request, 'url'), userIds, inviterId);
        return channelView(param(request, 'url'));
    });

    app.put('/v3/group_channels/:url/leave', async (request) => {
        admin(request);
        const body = jsonBody(request);
        world.leave(param(request, 'url'), stringList(body, 'user_ids'));
        return {};
    });

    app.post('/v3/group_channels/:url/messages', async (request) => {
        admin(request);
        const body = jsonBody(request);
        const type = body.message_type ?? 'MESG';
        if (type !== 'MESG') {
            throw new SendbirdFault(400, 400111, 'The stand-in only sends "MESG" messages.');
        }
        const message = world.sendMessage({
            channelUrl: param(request, 'url'),
            userId: requiredString(body, 'user_id'),
            message: requiredString(body, 'message'),
            data: typeof body.data === 'string' ? body.data : undefined,
            customType: typeof body.custom_type === 'string' ? body.custom_type : undefined
        });
        return messageJson(world, message);
    });
}
