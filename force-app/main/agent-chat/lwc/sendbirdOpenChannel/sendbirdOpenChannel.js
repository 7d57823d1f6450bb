/**
 * The "Open in chat" contract over the Sendbird_Open_Channel message channel, shared by its
 * publishers (the Case conversation panel) and its subscriber (the utility-bar chat):
 *   request  {type: 'open', channelUrl, recordId?}
 *   answers  {type: 'received', channelUrl, recordId?}: the chat got the request;
 *            {type: 'opened', channelUrl}: the container confirmed the channel is shown
 *            (`sendbird:channel-opened`);
 *            {type: 'failed', channelUrl}: the container could not open it
 *            (`sendbird:error` `channel-open-failed`).
 * Anything else on the channel is ignored, since any component in the app may publish on it.
 */
import OPEN_CHANNEL from '@salesforce/messageChannel/Sendbird_Open_Channel__c';

export { OPEN_CHANNEL };
export const OPEN = 'open';
export const RECEIVED = 'received';
export const OPENED = 'opened';
export const FAILED = 'failed';

const TYPES = [OPEN, RECEIVED, OPENED, FAILED];

// Sendbird's channel URL rule, the one copy for the LWCs, which cannot import the TypeScript one
// (lwc-container-src/src/protocol/channel-url.ts); Apex: SendbirdMembershipChange.CHANNEL_URL_FORMAT.
const CHANNEL_URL = /^[A-Za-z0-9_]{4,100}$/;
const SALESFORCE_ID = /^[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?$/;

/**
 * @param {unknown} channelUrl a Sendbird channel URL
 * @returns {boolean} whether Sendbird accepts it
 */
export function isChannelUrl(channelUrl) {
    return typeof channelUrl === 'string' && CHANNEL_URL.test(channelUrl);
}

/**
 * @param {unknown} recordId a Salesforce record Id
 * @returns {boolean} whether it has the form of one (15 or 18 characters)
 */
export function isRecordId(recordId) {
    return typeof recordId === 'string' && SALESFORCE_ID.test(recordId);
}

/**
 * @param {string} type OPEN, RECEIVED, OPENED or FAILED
 * @param {string} channelUrl the channel
 * @param {string} [recordId] the record the request is about
 * @returns {object} the message to publish
 */
export function openChannelMessage(type, channelUrl, recordId) {
    return recordId ? { type, channelUrl, recordId } : { type, channelUrl };
}

/**
 * @param {unknown} raw a message from the channel
 * @returns {object | null} the message when it follows the contract, else null
 */
export function parseOpenChannelMessage(raw) {
    if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
        return null;
    }
    const knownType = TYPES.includes(raw.type);
    const recordIdValid =
        raw.recordId === undefined || raw.recordId === null || isRecordId(raw.recordId);
    return knownType && isChannelUrl(raw.channelUrl) && recordIdValid ? raw : null;
}
