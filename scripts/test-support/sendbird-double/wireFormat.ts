import type { ChannelRecord, MessageRecord, UserRecord, World } from './world';

/**
 * The world's records in the JSON shapes the pinned SDK parses (see PROTOCOL.md). Message times
 * are in ms, channel times (`created_at`, `joined_ts`, `invited_at`) in seconds, as observed.
 */

export type Json = Record<string, unknown>;

const seconds = (ms: number): number => Math.floor(ms / 1000);

export function userJson(user: UserRecord, online = false): Json {
    return {
        user_id: user.userId,
        nickname: user.nickname,
        profile_url: user.profileUrl,
        metadata: user.metadata,
        is_active: true,
        is_online: online,
        last_seen_at: online ? 0 : -1,
        require_auth_for_profile_image: false,
        role: ''
    };
}

export function messageJson(world: World, message: MessageRecord): Json {
    const sender = world.users.get(message.userId);
    const base: Json = {
        type: message.kind,
        message_id: message.messageId,
        channel_url: message.channelUrl,
        channel_type: 'group',
        created_at: message.createdAt,
        updated_at: 0,
        message: message.message,
        data: message.data,
        custom_type: message.customType,
        mention_type: 'users',
        mentioned_users: [],
        is_removed: false,
        silent: false,
        user: sender ? userJson(sender) : { user_id: message.userId, nickname: '' }
    };
    if (message.file) {
        return {
            ...base,
            url: message.file.url,
            require_auth: false,
            thumbnails: [],
            file: { ...message.file, data: message.data }
        };
    }
    return base;
}

/** A group channel as one member (`viewerId`) sees it; without a viewer, as the Platform API does. */
export function channelJson(
    world: World,
    channel: ChannelRecord,
    viewerId: string | undefined,
    onlineUserIds: ReadonlySet<string> = new Set()
): Json {
    const members = [...channel.members.values()];
    const me = viewerId ? channel.members.get(viewerId) : undefined;
    const last = channel.messages.at(-1);
    const readReceipt: Record<string, number> = {};
    for (const member of members) readReceipt[member.userId] = member.lastReadAt;
    const inviter = me?.inviterId ? world.users.get(me.inviterId) : undefined;
    return {
        channel_url: channel.url,
        name: channel.name,
        cover_url: channel.coverUrl,
        custom_type: channel.customType,
        data: channel.data,
        created_at: seconds(channel.createdAt),
        is_distinct: channel.isDistinct,
        is_public: false,
        is_super: false,
        is_broadcast: false,
        is_exclusive: false,
        is_ephemeral: false,
        is_access_code_required: false,
        freeze: false,
        member_count: members.length,
        joined_member_count: members.length,
        members: members.map((m) => {
            const user = world.users.get(m.userId);
            return {
                ...(user ? userJson(user, onlineUserIds.has(m.userId)) : { user_id: m.userId }),
                state: 'joined',
                is_muted: false
            };
        }),
        last_message: last ? messageJson(world, last) : null,
        read_receipt: readReceipt,
        unread_message_count: viewerId ? world.unreadCount(channel, viewerId) : 0,
        unread_mention_count: 0,
        member_state: me ? 'joined' : 'none',
        my_role: '',
        is_muted: false,
        user_last_read: me?.lastReadAt ?? 0,
        joined_ts: me ? seconds(me.joinedAt) : 0,
        invited_at: me ? me.joinedAt : 0,
        inviter: inviter ? userJson(inviter) : null,
        hidden_state: 'unhidden',
        count_preference: 'all',
        push_trigger_option: 'default',
        max_length_message: 5000,
        ts_message_offset: 0,
        message_survival_seconds: -1
    };
}
