import { isChannelUrl } from '../../lwc-container-src/src/protocol/channel-url';
import { HttpDouble, jsonOf, type DoubleResponse, type RecordedCall } from './http-double';

/** The fake Platform API token the double accepts. */
export const TEST_SENDBIRD_API_TOKEN = 'test-api-token';

interface StoredChannel extends Record<string, unknown> {
    channel_url: string;
    members: string[];
}

/**
 * A test double of the Sendbird Platform API v3, following its documented wire format: the
 * `Api-Token` header, `POST /v3/users`, `DELETE /v3/users/{id}`, `POST /v3/group_channels`,
 * `POST /v3/users/{id}/token`,
 * and errors as `{error, code, message}` (400201 not found, 400202 already exists).
 */
export class SendbirdDouble extends HttpDouble {
    readonly users = new Map<string, Record<string, unknown>>();
    readonly channels = new Map<string, StoredChannel>();
    private tokens = 0;

    constructor() {
        super('Sendbird');
        this.route('POST', /^\/v3\/users$/, (call) =>
            this.authorized(call, () => this.createUser(call))
        );
        this.route('POST', /^\/v3\/group_channels$/, (call) =>
            this.authorized(call, () => this.createChannel(call))
        );
        this.route('POST', /^\/v3\/users\/([^/]+)\/token$/, (call, [userId]) =>
            this.authorized(call, () => this.issueToken(call, userId))
        );
        this.route('DELETE', /^\/v3\/users\/([^/]+)$/, (call, [userId]) =>
            this.authorized(call, () => this.deleteUser(userId))
        );
    }

    private authorized(call: RecordedCall, handle: () => DoubleResponse): DoubleResponse {
        if (call.headers['api-token'] !== TEST_SENDBIRD_API_TOKEN) {
            return sendbirdError(401, 400401, 'Invalid value: "Api-Token".');
        }
        return handle();
    }

    private createUser(call: RecordedCall): DoubleResponse {
        const body = jsonOf(call);
        for (const field of ['user_id', 'nickname', 'profile_url']) {
            if (typeof body[field] !== 'string') {
                return sendbirdError(400, 400100, `"${field}" is required.`);
            }
        }
        const userId = body.user_id as string;
        if (this.users.has(userId)) {
            return sendbirdError(400, 400202, '"user_id" violates unique constraint.');
        }
        const user = {
            user_id: userId,
            nickname: body.nickname,
            profile_url: body.profile_url,
            is_active: true
        };
        this.users.set(userId, user);
        return { status: 200, body: user };
    }

    private createChannel(call: RecordedCall): DoubleResponse {
        const body = jsonOf(call);
        const url = body.channel_url;
        if (!isChannelUrl(url)) {
            return sendbirdError(400, 400111, '"channel_url" is invalid.');
        }
        const userIds = Array.isArray(body.user_ids) ? (body.user_ids as string[]) : [];
        const missing = userIds.find((id) => !this.users.has(id));
        if (missing !== undefined)
            return sendbirdError(400, 400201, `User not found: "${missing}".`);
        if (this.channels.has(url)) {
            return sendbirdError(400, 400202, '"channel_url" violates unique constraint.');
        }
        const channel: StoredChannel = { ...body, channel_url: url, members: userIds };
        this.channels.set(url, channel);
        return {
            status: 200,
            body: {
                ...body,
                member_count: userIds.length,
                members: userIds.map((user_id) => ({ user_id }))
            }
        };
    }

    private deleteUser(userId: string): DoubleResponse {
        if (!this.users.delete(userId)) {
            return sendbirdError(400, 400201, `User not found: "${userId}".`);
        }
        return { status: 200, body: {} };
    }

    private issueToken(call: RecordedCall, userId: string): DoubleResponse {
        if (!this.users.has(userId))
            return sendbirdError(400, 400201, `User not found: "${userId}".`);
        const body = call.body ? jsonOf(call) : {};
        const expiresAt =
            typeof body.expires_at === 'number' ? body.expires_at : Date.now() + 604_800_000;
        return {
            status: 200,
            body: { token: `test-session-token-${++this.tokens}`, expires_at: expiresAt }
        };
    }
}

/** Sendbird's error body. */
export function sendbirdError(status: number, code: number, message: string): DoubleResponse {
    return { status, body: { error: true, code, message } };
}
