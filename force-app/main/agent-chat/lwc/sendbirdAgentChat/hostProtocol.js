/**
 * The host side of the `sendbird:*` messages exchanged with the chat in lightning:container
 * (docs/agent-chat.md). Anything that does not match the protocol is dropped, because
 * the container runs third-party code and its messages are untrusted input.
 */
import { isChannelUrl, isRecordId } from 'c/sendbirdOpenChannel';

export const PROTOCOL = 1;

const hasChannelUrl = (message) => isChannelUrl(message.channelUrl);
const optionalChannelUrl = (message) =>
    message.channelUrl === undefined || message.channelUrl === null || hasChannelUrl(message);

const VALIDATORS = {
    'sendbird:ready': (message) => message.protocol === PROTOCOL,
    'sendbird:token-expired': () => true,
    'sendbird:unread': (message) => Number.isInteger(message.count) && message.count >= 0,
    'sendbird:open-record': (message) => isRecordId(message.recordId),
    'sendbird:channel-opened': hasChannelUrl,
    'sendbird:error': (message) =>
        ['string', 'number'].includes(typeof message.code) &&
        String(message.code).length > 0 &&
        String(message.code).length <= 80 &&
        typeof message.message === 'string' &&
        optionalChannelUrl(message)
};

/**
 * @param {unknown} raw a message from the container
 * @returns {object | null} the message when it is one of the protocol's, else null
 */
export function parseContainerMessage(raw) {
    if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
        return null;
    }
    const validate = Object.prototype.hasOwnProperty.call(VALIDATORS, raw.type)
        ? VALIDATORS[raw.type]
        : null;
    return validate && validate(raw) ? raw : null;
}

/**
 * The three host → container messages besides init, built in one place.
 */
export const toContainer = {
    token: (accessToken) => ({ type: 'sendbird:token', accessToken }),
    openChannel: (channelUrl) => ({ type: 'sendbird:open-channel', channelUrl }),
    visibility: (visible) => ({ type: 'sendbird:visibility', visible: Boolean(visible) })
};
