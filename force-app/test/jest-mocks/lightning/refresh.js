/**
 * Test stand-in for `lightning/refresh`: components register handlers as in Salesforce, and
 * `refreshAll()` plays the part of a RefreshEvent reaching the page's refresh container
 * (e.g. after a record action): every registered handler runs and its promise is awaited.
 */
export const RefreshEventName = 'lightning__refresh';

export class RefreshEvent extends CustomEvent {
    constructor() {
        super(RefreshEventName, { composed: true, cancelable: true, bubbles: true });
    }
}

let lastId = 0;
const handlers = new Map();

export const registerRefreshHandler = jest.fn((element, handler) => {
    lastId += 1;
    handlers.set(lastId, handler.bind(element));
    return lastId;
});

export const unregisterRefreshHandler = jest.fn((id) => {
    handlers.delete(id);
});

export const registerRefreshContainer = jest.fn(() => {
    lastId += 1;
    return lastId;
});

export const unregisterRefreshContainer = jest.fn();

/** @returns {Promise<unknown[]>} what each handler resolved to */
export function refreshAll() {
    return Promise.all([...handlers.values()].map((handler) => handler()));
}

/** @returns {number} handlers still registered */
export function refreshHandlerCount() {
    return handlers.size;
}
