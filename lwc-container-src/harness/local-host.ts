import type { InitMessage } from '../src/protocol/types';
import { messageType } from './envelope';

/** The agent session the local host hands to the container, as the LWC gets it from Apex. */
export type SessionSettings = Omit<InitMessage, 'type' | 'protocol'>;

/** What the host shows: the utility item's badge and highlight, opened records, errors. */
export interface HostView {
    unread(count: number): void;
    openRecord(recordId: string): void;
    error(code: string, message: string): void;
}

export interface LocalHostOptions {
    /** Answer `sendbird:ready` with `sendbird:init` (off: a test sends its own messages). */
    answerReady: boolean;
    /** The session as it is now (the page's form). */
    session(): SessionSettings;
    /** The token to answer `sendbird:token-expired` with. */
    nextToken(): string;
}

/**
 * The host side of the LCC protocol, as the Service Console's LWC plays it, for the local
 * harness page (`npm start` and the browser tests). It answers every `ready` (the container
 * keeps the first init), refreshes tokens, and reports what a console would show.
 */
export class LocalHost {
    constructor(
        private readonly post: (payload: unknown) => void,
        private readonly view: HostView,
        private readonly options: LocalHostOptions
    ) {}

    receive(payload: unknown): void {
        const message = (payload ?? {}) as Record<string, unknown>;
        switch (messageType(payload)) {
            case 'sendbird:ready':
                if (this.options.answerReady) {
                    this.post(initMessage(this.options.session()));
                }
                return;
            case 'sendbird:token-expired':
                this.post({ type: 'sendbird:token', accessToken: this.options.nextToken() });
                return;
            case 'sendbird:unread':
                if (Number.isInteger(message.count) && (message.count as number) >= 0) {
                    this.view.unread(message.count as number);
                }
                return;
            case 'sendbird:open-record':
                if (typeof message.recordId === 'string') {
                    this.view.openRecord(message.recordId);
                }
                return;
            case 'sendbird:error':
                this.view.error(String(message.code), String(message.message));
                return;
            default:
            // Anything else is only logged.
        }
    }
}

/** `sendbird:init` for a session, leaving out the optional fields that are empty. */
export function initMessage(session: SessionSettings): InitMessage {
    const optional = Object.fromEntries(
        (['nickname', 'apiHost', 'wsHost', 'channelUrl'] as const)
            .filter((key) => session[key])
            .map((key) => [key, session[key]])
    );
    return {
        type: 'sendbird:init',
        protocol: 1,
        appId: session.appId,
        userId: session.userId,
        accessToken: session.accessToken,
        ...optional
    };
}

/** JSON for the log, with session tokens shortened: the log may be shared or screenshotted. */
export function maskedJson(payload: unknown): string {
    return JSON.stringify(payload, (key, value: unknown) =>
        key === 'accessToken' && typeof value === 'string'
            ? `${value.slice(0, 4)}… (${value.length} characters)`
            : value
    );
}
