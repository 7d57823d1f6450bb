/**
 * Stands in for Node's `buffer` polyfill, which Parcel adds because @sendbird/chat checks
 * `typeof Buffer !== 'undefined'` to handle Node WebSocket frames. A browser has no Buffer, and
 * this keeps it that way.
 */
export const Buffer = undefined;
