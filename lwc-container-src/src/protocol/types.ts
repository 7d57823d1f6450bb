/**
 * The LCC protocol between this container and its Salesforce host (design.md, "Contracts").
 * Every message is a plain JSON object with a `type`; the host is the Aura `sendbird_utilities_bar`
 * with its LWC, or the local harness page that plays it.
 */
export const PROTOCOL_VERSION = 1;

// host → container

/** The agent's Sendbird session, sent once in answer to `sendbird:ready`. */
export interface InitMessage {
    type: 'sendbird:init';
    protocol: typeof PROTOCOL_VERSION;
    appId: string;
    userId: string;
    accessToken: string;
    nickname?: string;
    /** Overrides the Sendbird API host (`https://api-<app>.sendbird.com`); tests point it at loopback. */
    apiHost?: string;
    /** Overrides the Sendbird WebSocket host (`wss://ws-<app>.sendbird.com`). */
    wsHost?: string;
    /** A channel to open first. */
    channelUrl?: string;
}

/** A fresh session token, in answer to `sendbird:token-expired` (or unasked). */
export interface TokenMessage {
    type: 'sendbird:token';
    accessToken: string;
}

/** Focus this channel (e.g. the agent opened a Case that has one). */
export interface OpenChannelMessage {
    type: 'sendbird:open-channel';
    channelUrl: string;
}

export type HostMessage = InitMessage | TokenMessage | OpenChannelMessage;

// container → host

export interface ReadyMessage {
    type: 'sendbird:ready';
    protocol: typeof PROTOCOL_VERSION;
}

/** Total unread messages over the agent's group channels, sent whenever it changes. */
export interface UnreadMessage {
    type: 'sendbird:unread';
    count: number;
}

/** Open this Salesforce record (a Case Id) in the console. */
export interface OpenRecordMessage {
    type: 'sendbird:open-record';
    recordId: string;
}

/** The session token expired: answer with `sendbird:token`. */
export interface TokenExpiredMessage {
    type: 'sendbird:token-expired';
}

/**
 * Why the container reports an error:
 * - `handshake-timeout`: no valid `sendbird:init` arrived in time;
 * - `connect-failed`: Sendbird could not be reached or refused the session;
 * - `token-refresh-failed`: no new token arrived, or Sendbird rejected it.
 */
export type ContainerErrorCode = 'handshake-timeout' | 'connect-failed' | 'token-refresh-failed';

export interface ErrorMessage {
    type: 'sendbird:error';
    code: ContainerErrorCode;
    message: string;
}

export type ContainerMessage =
    ReadyMessage | UnreadMessage | OpenRecordMessage | TokenExpiredMessage | ErrorMessage;

/** The container's side of the channel to the host: validated messages in, typed messages out. */
export interface HostBridge {
    /** True when a host runtime is present (Salesforce's `LCC.onlineSupport` or its stand-in). */
    readonly hosted: boolean;
    send(message: ContainerMessage): void;
    /** Calls `listener` with every valid host message; returns the unsubscribe function. */
    subscribe(listener: (message: HostMessage) => void): () => void;
}
