/**
 * The host side of the `sendbird:*` messages exchanged with the chat in lightning:container
 * (see the README). Anything that does not match the protocol is dropped, because the container
 * runs third-party code and its messages are untrusted input.
 */
import { isRecordId } from 'c/sendbirdOpenChannel';

export const PROTOCOL = 1;

const VALIDATORS = {
    'sendbird:ready': (message) => message.protocol === PROTOCOL,
    'sendbird:token-expired': () => true,
    'sendbird:unread': (message) => Number.isInteger(message.count) && message.count >= 0,
    'sendbird:open-record': (message) => isRecordId(message.recordId),
    'sendbird:error': (message) =>
        ['string', 'number'].includes(typeof message.code) && typeof message.message === 'string'
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
