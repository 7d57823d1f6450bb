/**
 * What the harness pages expose to the browser tests, the bench and the screenshot script.
 * DOM-free, so the Node side (scripts/dev/container-harness) can share the types.
 */

export type Milestone =
    'frame-load' | 'first-ready' | 'init-delivered' | 'uikit-mounted' | 'cannot-connect';

/**
 * Injected into the container frame with the LCC stand-in (never part of the resource): when
 * each milestone first happened, in ms since the frame started loading (`performance.timeOrigin`).
 */
export interface LoadProbe {
    marks: Partial<Record<Milestone, number>>;
    messages: { at: number; direction: 'in' | 'out'; type: string }[];
}

/** Served by the harness server: where the container is, and the defaults from .env.local. */
export interface HostConfig {
    containerUrl: string;
    session: Record<string, string>;
    /** Where the page gets a fresh session token for each token-expired (plays the Apex call). */
    tokenEndpoint?: string;
    /** A banner the page shows first (the demo: "runs against a local stand-in for Sendbird"). */
    notice?: { title: string; lines: string[] };
}

export interface LogEntry {
    /** ms since the host started loading the container frame. */
    at: number;
    direction: 'to-container' | 'to-host';
    type: string;
    /** The message as JSON, session tokens shortened. */
    json: string;
}

/** What the host page recorded of the protocol. */
export interface HostRecord {
    log: LogEntry[];
    unread: number | null;
    openedRecords: string[];
    errors: { code: string; message: string; channelUrl?: string }[];
    channelsOpened: string[];
    /** Whether the utility panel is open (what `sendbird:visibility` last said). */
    panelOpen: boolean;
}

/** `window.lccHost` on the host page. */
export interface HostApi extends HostRecord {
    /** Sends any JSON to the container, valid or not. */
    post(payload: unknown): void;
    /** (Re)loads the container frame. */
    start(): void;
    /** Opens or minimises the utility panel, as the agent clicking the utility item does. */
    setPanel(open: boolean): void;
}

/** The globals the harness scripts add (`window.__loadProbe`, `window.lccHost`). */
export interface HarnessGlobals {
    __loadProbe?: LoadProbe;
    lccHost?: HostApi;
}
