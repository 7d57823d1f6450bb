/**
 * Test stand-in for `lightning/messageService` (Lightning Message Service), in the manner of
 * lwc-recipes' jest-mocks: publish, subscribe and unsubscribe are jest.fn()s that really deliver.
 * Each wired MessageContext is its own context. A subscription in the default (active) scope
 * hears only while its context is active; APPLICATION_SCOPE hears everything, as Salesforce
 * documents for the utility bar and background tabs. Tests mark a context inactive with
 * `setContextActive(context, false)`.
 */
export const APPLICATION_SCOPE = Symbol('APPLICATION_SCOPE');

let contexts = 0;
const subscriptions = new Set();

/** A wire adapter that hands each component a fresh, active message context. */
export class MessageContext {
    constructor(dataCallback) {
        this.dataCallback = dataCallback;
    }

    connect() {
        contexts += 1;
        this.dataCallback({ id: contexts, active: true });
    }

    update() {}

    disconnect() {}
}

export const createMessageContext = jest.fn(() => {
    contexts += 1;
    return { id: contexts, active: true };
});
export const releaseMessageContext = jest.fn();
export const createMessageChannel = jest.fn();

export const subscribe = jest.fn((context, channel, handler, options) => {
    const subscription = { context, channel, handler, scope: options?.scope };
    subscriptions.add(subscription);
    return subscription;
});

export const unsubscribe = jest.fn((subscription) => {
    subscriptions.delete(subscription);
});

// Messages cross the service as copies, as they do between components in Salesforce.
export const publish = jest.fn((context, channel, message) => {
    [...subscriptions]
        .filter((subscription) => subscription.channel === channel)
        .filter(
            (subscription) =>
                subscription.scope === APPLICATION_SCOPE || subscription.context?.active !== false
        )
        .forEach((subscription) => subscription.handler(JSON.parse(JSON.stringify(message))));
});

/**
 * @param {object} context a context the adapter gave a component
 * @param {boolean} active false while the component's tab is in the background
 */
export function setContextActive(context, active) {
    context.active = active;
}

/** @returns {number} subscriptions still registered (a removed component leaves none) */
export function subscriptionCount() {
    return subscriptions.size;
}

/** Forgets every subscription; call in afterEach. */
export function resetMessageService() {
    subscriptions.clear();
}
