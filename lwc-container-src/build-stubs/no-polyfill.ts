/**
 * Stands in for @sendbird/chat's fetch and AbortController polyfill chunks, which it imports only
 * in browsers without them; every browser the container targets has both.
 */
export {};
