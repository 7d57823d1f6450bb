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

/**
 * Whether the agent can see the panel: sent right after init and whenever the utility panel opens
 * or is minimised. While hidden, the container marks nothing read and selects nothing by itself.
 */
export interface VisibilityMessage {
    type: 'sendbird:visibility';
    visible: boolean;
}

export type HostMessage = InitMessage | TokenMessage | OpenChannelMessage | VisibilityMessage;

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

/** A `sendbird:open-channel` succeeded: the channel is the one in the conversation pane. */
export interface ChannelOpenedMessage {
    type: 'sendbird:channel-opened';
    channelUrl: string;
}

/**
 * Why the container reports an error (the host shows each with a next step):
 * - `connect-failed`: Sendbird could not be reached, or did not answer in time;
 * - `token-refresh-failed`: no new token arrived from the host, or Sendbird rejected it;
 * - `channel-open-failed`: the channel of a `sendbird:open-channel` could not be opened;
 * - `container-error`: Salesforce's container runtime reported an error (`LCC.addErrorHandler`);
 * - `protocol-mismatch`: the host sent a `sendbird:init` of another protocol version.
 */
export type ContainerErrorCode =
    | 'connect-failed'
    | 'token-refresh-failed'
    | 'channel-open-failed'
    | 'container-error'
    | 'protocol-mismatch';

export interface ErrorMessage {
    type: 'sendbird:error';
    code: ContainerErrorCode;
    message: string;
    /** The channel the error is about (`channel-open-failed`). */
    channelUrl?: string;
}

export type ContainerMessage =
    | ReadyMessage
    | UnreadMessage
    | OpenRecordMessage
    | TokenExpiredMessage
    | ChannelOpenedMessage
    | ErrorMessage;

/** The container's side of the channel to the host: validated messages in, typed messages out. */
export interface HostBridge {
    /** True when a host runtime is present (Salesforce's `LCC.onlineSupport` or its stand-in). */
    readonly hosted: boolean;
    send(message: ContainerMessage): void;
    /** Calls `listener` with every valid host message; returns the unsubscribe function. */
    subscribe(listener: (message: HostMessage) => void): () => void;
    /** Calls `listener` with each error the container runtime reports; returns the unsubscribe function. */
    subscribeErrors(listener: (error: string) => void): () => void;
}
