import { randomBytes } from 'node:crypto';
import { EventEmitter } from 'node:events';

/**
 * The one world behind the local stand-in for Sendbird: users, tokens, sessions, channels,
 * messages and read state. The Chat API (SDK), the Platform API and the control API all read and
 * change this, so a customer page, a server-side call and the agent console agree.
 * Times are kept in milliseconds; the serializers convert where Sendbird uses seconds.
 */

export interface UserRecord {
    userId: string;
    nickname: string;
    profileUrl: string;
    metadata: Record<string, string>;
    createdAt: number;
}

export interface FileInfo {
    url: string;
    name: string;
    type: string;
    size: number;
}

export interface MessageRecord {
    messageId: number;
    kind: 'MESG' | 'FILE';
    channelUrl: string;
    userId: string;
    message: string;
    file?: FileInfo;
    data: string;
    customType: string;
    createdAt: number;
}

export interface MemberRecord {
    userId: string;
    joinedAt: number;
    /** When the member last read the channel (ms); 0 = never. */
    lastReadAt: number;
    inviterId?: string;
}

export interface ChannelRecord {
    url: string;
    name: string;
    coverUrl: string;
    customType: string;
    data: string;
    isDistinct: boolean;
    createdAt: number;
    members: Map<string, MemberRecord>;
    messages: MessageRecord[];
}

export interface TokenRecord {
    token: string;
    userId: string;
    /** ms since epoch. */
    expiresAt: number;
}

export interface SessionRecord {
    key: string;
    userId: string;
    expired: boolean;
}

/** What the world tells the WebSocket gateway, which turns it into pushes. */
export type WorldEvent =
    | { type: 'message'; channel: ChannelRecord; message: MessageRecord }
    | { type: 'read'; channel: ChannelRecord; userId: string; ts: number }
    | { type: 'invite'; channel: ChannelRecord; inviterId?: string; userIds: string[] }
    | { type: 'leave'; channel: ChannelRecord; userIds: string[]; formerMembers: string[] }
    | { type: 'typing'; channel: ChannelRecord; userId: string; typing: boolean }
    | { type: 'user-changed'; user: UserRecord };

/** A failure the HTTP layers turn into Sendbird's `{error, code, message}`. */
export class SendbirdFault extends Error {
    constructor(
        readonly status: number,
        readonly code: number,
        message: string
    ) {
        super(message);
    }
}

export const CHANNEL_URL_PATTERN = /^[A-Za-z0-9_-]{4,100}$/;
const DEFAULT_TOKEN_LIFETIME_MS = 7 * 24 * 3600 * 1000;

export class World {
    readonly users = new Map<string, UserRecord>();
    readonly channels = new Map<string, ChannelRecord>();
    readonly tokens = new Map<string, TokenRecord>();
    readonly sessions = new Map<string, SessionRecord>();
    readonly files = new Map<string, { body: Buffer; type: string; name: string }>();
    readonly events = new EventEmitter();
    private nextMessageId = 1_000;
    private lastMessageAt = 0;

    emit(event: WorldEvent): void {
        this.events.emit('event', event);
    }

    onEvent(listener: (event: WorldEvent) => void): void {
        this.events.on('event', listener);
    }

    // ---- users, tokens, sessions ----

    createUser(userId: string, nickname = '', profileUrl = ''): UserRecord {
        if (this.users.has(userId)) {
            throw new SendbirdFault(400, 400202, '"user_id" violates unique constraint.');
        }
        const user: UserRecord = {
            userId,
            nickname,
            profileUrl,
            metadata: {},
            createdAt: Date.now()
        };
        this.users.set(userId, user);
        return user;
    }

    user(userId: string): UserRecord {
        const user = this.users.get(userId);
        if (!user) throw new SendbirdFault(400, 400201, `User not found: "${userId}".`);
        return user;
    }

    updateUser(userId: string, changes: { nickname?: string; profileUrl?: string }): UserRecord {
        const user = this.user(userId);
        if (changes.nickname !== undefined) user.nickname = changes.nickname;
        if (changes.profileUrl !== undefined) user.profileUrl = changes.profileUrl;
        this.emit({ type: 'user-changed', user });
        return user;
    }

    issueToken(userId: string, expiresAt = Date.now() + DEFAULT_TOKEN_LIFETIME_MS): TokenRecord {
        this.user(userId);
        const record = {
            token: `standin-token-${randomBytes(12).toString('hex')}`,
            userId,
            expiresAt
        };
        this.tokens.set(record.token, record);
        return record;
    }

    /** Makes every token of the user (or one token) expire now. */
    expireTokens(userId: string, token?: string): void {
        for (const record of this.tokens.values()) {
            if (record.userId === userId && (token === undefined || record.token === token)) {
                record.expiresAt = Date.now() - 1;
            }
        }
    }

    /** The user a valid token belongs to; 400302 when expired, 400301 when unknown. */
    checkToken(userId: string | undefined, token: string): string {
        const record = this.tokens.get(token);
        if (!record || (userId !== undefined && record.userId !== userId)) {
            throw new SendbirdFault(401, 400301, 'Invalid session token.');
        }
        if (record.expiresAt <= Date.now()) {
            throw new SendbirdFault(401, 400302, 'Session token expired.');
        }
        return record.userId;
    }

    openSession(userId: string): SessionRecord {
        const session = {
            key: `standin-key-${randomBytes(16).toString('hex')}`,
            userId,
            expired: false
        };
        this.sessions.set(session.key, session);
        return session;
    }

    /** The user of a live session key; 400309 when it expired, 400108 when unknown. */
    checkSession(key: string | undefined): string {
        const session = key ? this.sessions.get(key) : undefined;
        if (!session)
            throw new SendbirdFault(401, 400108, 'Not authorized. "Session-Key" is invalid.');
        if (session.expired) throw new SendbirdFault(401, 400309, 'Session key expired.');
        return session.userId;
    }

    expireSessions(userId: string): void {
        for (const session of this.sessions.values()) {
            if (session.userId === userId) session.expired = true;
        }
    }

    // ---- channels ----

    channel(url: string): ChannelRecord {
        const channel = this.channels.get(url);
        if (!channel) throw new SendbirdFault(400, 400201, `Channel not found: "${url}".`);
        return channel;
    }

    createChannel(input: {
        url?: string;
        name?: string;
        userIds: string[];
        isDistinct?: boolean;
        coverUrl?: string;
        customType?: string;
        data?: string;
    }): ChannelRecord {
        const url = input.url ?? `standin_channel_${randomBytes(8).toString('hex')}`;
        if (!CHANNEL_URL_PATTERN.test(url)) {
            throw new SendbirdFault(400, 400111, '"channel_url" is invalid.');
        }
        input.userIds.forEach((id) => this.user(id));
        if (input.isDistinct) {
            const wanted = [...new Set(input.userIds)].sort().join('\n');
            const existing = [...this.channels.values()].find(
                (c) => c.isDistinct && [...c.members.keys()].sort().join('\n') === wanted
            );
            if (existing) return existing;
        }
        if (this.channels.has(url)) {
            throw new SendbirdFault(400, 400202, '"channel_url" violates unique constraint.');
        }
        const now = Date.now();
        const channel: ChannelRecord = {
            url,
            name: input.name ?? '',
            coverUrl: input.coverUrl ?? '',
            customType: input.customType ?? '',
            data: input.data ?? '',
            isDistinct: input.isDistinct ?? false,
            createdAt: now,
            members: new Map(),
            messages: []
        };
        for (const userId of new Set(input.userIds)) {
            channel.members.set(userId, { userId, joinedAt: now, lastReadAt: 0 });
        }
        this.channels.set(url, channel);
        return channel;
    }

    invite(url: string, userIds: string[], inviterId?: string): ChannelRecord {
        const channel = this.channel(url);
        userIds.forEach((id) => this.user(id));
        const added = [...new Set(userIds)].filter((id) => !channel.members.has(id));
        const now = Date.now();
        for (const userId of added) {
            channel.members.set(userId, { userId, joinedAt: now, lastReadAt: 0, inviterId });
        }
        if (added.length > 0) this.emit({ type: 'invite', channel, inviterId, userIds: added });
        return channel;
    }

    leave(url: string, userIds: string[]): ChannelRecord {
        const channel = this.channel(url);
        const formerMembers = [...channel.members.keys()];
        const removed = userIds.filter((id) => channel.members.delete(id));
        if (removed.length > 0)
            this.emit({ type: 'leave', channel, userIds: removed, formerMembers });
        return channel;
    }

    requireMember(channel: ChannelRecord, userId: string): MemberRecord {
        const member = channel.members.get(userId);
        if (!member) throw new SendbirdFault(403, 900020, 'User must be a member of the channel.');
        return member;
    }

    myChannels(userId: string): ChannelRecord[] {
        return [...this.channels.values()]
            .filter((c) => c.members.has(userId))
            .sort((a, b) => this.activityOf(b) - this.activityOf(a));
    }

    activityOf(channel: ChannelRecord): number {
        return channel.messages.at(-1)?.createdAt ?? channel.createdAt;
    }

    // ---- messages and read state ----

    /** A strictly increasing timestamp, so "after my last read" is never ambiguous. */
    private now(): number {
        this.lastMessageAt = Math.max(Date.now(), this.lastMessageAt + 1);
        return this.lastMessageAt;
    }

    sendMessage(input: {
        channelUrl: string;
        userId: string;
        message?: string;
        file?: FileInfo;
        data?: string;
        customType?: string;
    }): MessageRecord {
        const channel = this.channel(input.channelUrl);
        this.user(input.userId);
        this.requireMember(channel, input.userId);
        const message: MessageRecord = {
            messageId: ++this.nextMessageId,
            kind: input.file ? 'FILE' : 'MESG',
            channelUrl: channel.url,
            userId: input.userId,
            message: input.message ?? '',
            file: input.file,
            data: input.data ?? '',
            customType: input.customType ?? '',
            createdAt: this.now()
        };
        channel.messages.push(message);
        // Sending counts as reading what came before (as Sendbird does for the sender).
        channel.members.get(input.userId)!.lastReadAt = message.createdAt;
        this.emit({ type: 'message', channel, message });
        return message;
    }

    markRead(url: string, userId: string): number {
        const channel = this.channel(url);
        const member = this.requireMember(channel, userId);
        member.lastReadAt = this.now();
        this.emit({ type: 'read', channel, userId, ts: member.lastReadAt });
        return member.lastReadAt;
    }

    unreadCount(channel: ChannelRecord, userId: string): number {
        const member = channel.members.get(userId);
        if (!member) return 0;
        const since = Math.max(member.lastReadAt, member.joinedAt - 1);
        return channel.messages.filter((m) => m.createdAt > since && m.userId !== userId).length;
    }

    totalUnread(userId: string): number {
        return this.myChannels(userId).reduce((sum, c) => sum + this.unreadCount(c, userId), 0);
    }

    /** Messages around a timestamp, oldest first, as `GET …/messages` returns them. */
    messagesAround(
        channel: ChannelRecord,
        options: {
            ts?: number;
            messageId?: number;
            prevLimit: number;
            nextLimit: number;
            inclusive: boolean;
        }
    ): MessageRecord[] {
        let pivot = options.ts ?? Number.MAX_SAFE_INTEGER;
        if (options.messageId !== undefined) {
            pivot =
                channel.messages.find((m) => m.messageId === options.messageId)?.createdAt ?? pivot;
        }
        const before = channel.messages.filter((m) =>
            options.inclusive ? m.createdAt <= pivot : m.createdAt < pivot
        );
        const after = channel.messages.filter((m) =>
            options.inclusive ? m.createdAt > pivot : m.createdAt > pivot
        );
        return [
            ...(options.prevLimit > 0 ? before.slice(-options.prevLimit) : []),
            ...after.slice(0, options.nextLimit)
        ];
    }
}
