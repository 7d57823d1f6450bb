/**
 * Test stand-in for `lightning/empApi` (streaming platform events): subscribe resolves with a
 * subscription as Salesforce's does, and `emitEvent(channel, payload)` delivers an event in the
 * documented shape `{data: {payload, event: {replayId}}}` to every subscriber of the channel.
 */
const subscriptions = new Set();
let replayId = 0;

export const subscribe = jest.fn((channel, replay, onMessage) => {
    const subscription = { channel, replayId: replay, onMessage };
    subscriptions.add(subscription);
    return Promise.resolve(subscription);
});

export const unsubscribe = jest.fn((subscription, callback) => {
    subscriptions.delete(subscription);
    callback?.({ successful: true });
    return Promise.resolve(true);
});

export const onError = jest.fn();
export const setDebugFlag = jest.fn();
export const isEmpEnabled = jest.fn(() => Promise.resolve(true));

/**
 * @param {string} channel e.g. /event/Sendbird_Membership_Changed__e
 * @param {object} payload the event's fields
 */
export function emitEvent(channel, payload) {
    replayId += 1;
    [...subscriptions]
        .filter((subscription) => subscription.channel === channel)
        .forEach((subscription) =>
            subscription.onMessage({ data: { payload, event: { replayId } } })
        );
}

/** @returns {number} subscriptions still open */
export function empSubscriptionCount() {
    return subscriptions.size;
}

/** Forgets every subscription; call in afterEach. */
export function resetEmpApi() {
    subscriptions.clear();
}
