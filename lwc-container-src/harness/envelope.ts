/**
 * How the LCC stand-in (inside the container frame) and the local host page talk: postMessage
 * between the two origins, with the container's messages wrapped so nothing else is mistaken
 * for them. Salesforce's own runtime has its own wire format; the app never sees either.
 */
export const ENVELOPE_TAG = 'lcc-stand-in';

export type Direction = 'to-host' | 'to-container';

export interface Envelope {
    tag: typeof ENVELOPE_TAG;
    direction: Direction;
    payload: unknown;
}

export function envelope(direction: Direction, payload: unknown): Envelope {
    return { tag: ENVELOPE_TAG, direction, payload };
}

export function isEnvelope(data: unknown, direction: Direction): data is Envelope {
    return (
        typeof data === 'object' &&
        data !== null &&
        (data as Envelope).tag === ENVELOPE_TAG &&
        (data as Envelope).direction === direction
    );
}

/** The query parameter that tells the stand-in which origin its host page has. */
export const HOST_ORIGIN_PARAM = 'lccHostOrigin';

/** The `type` of a protocol message, for logs that must not show its content. */
export function messageType(payload: unknown): string {
    const type =
        typeof payload === 'object' && payload !== null
            ? (payload as { type?: unknown }).type
            : undefined;
    return typeof type === 'string' ? type : `(${payload === null ? 'null' : typeof payload})`;
}
