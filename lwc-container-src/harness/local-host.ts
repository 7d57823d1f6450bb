import type { InitMessage } from '../src/protocol/types';
import { messageType } from './envelope';

/** The agent session the local host hands to the container, as the LWC gets it from Apex. */
export type SessionSettings = Omit<InitMessage, 'type' | 'protocol'>;

/** What the host shows: the utility item's badge and highlight, opened records, errors. */
export interface HostView {
    unread(count: number): void;
    openRecord(recordId: string): void;
    error(code: string, message: string, channelUrl?: string): void;
    channelOpened(channelUrl: string): void;
}

export interface LocalHostOptions {
    /** Answer `sendbird:ready` with `sendbird:init` (off: a test sends its own messages). */
    answerReady: boolean;
    /** The session as it is now (the page's form). */
    session(): SessionSettings;
    /** A fresh token for each `sendbird:token-expired`, as the LWC asks Apex every time. */
    nextToken(): string | Promise<string>;
    /** Whether the utility panel is open now (sent right after each init). */
    visible(): boolean;
}

/**
 * The host side of the LCC protocol, as the Service Console's LWC plays it, for the local
 * harness page (`npm start`, `npm run demo` and the browser tests). It answers every `ready`
 * with init and the panel's visibility (the container keeps the first init), answers each
 * token-expired with a fresh token, and reports what a console would show.
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
                    this.setVisible(this.options.visible());
                }
                return;
            case 'sendbird:token-expired':
                void this.sendToken();
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
                this.view.error(
                    String(message.code),
                    String(message.message),
                    typeof message.channelUrl === 'string' ? message.channelUrl : undefined
                );
                return;
            case 'sendbird:channel-opened':
                if (typeof message.channelUrl === 'string') {
                    this.view.channelOpened(message.channelUrl);
                }
                return;
            default:
            // Anything else is only logged.
        }
    }

    /** The utility panel opened or was minimised. */
    setVisible(visible: boolean): void {
        this.post({ type: 'sendbird:visibility', visible });
    }

    /** Without a token the container's own wait runs out (`token-refresh-failed`), as in an org. */
    private async sendToken(): Promise<void> {
        try {
            this.post({ type: 'sendbird:token', accessToken: await this.options.nextToken() });
        } catch (error) {
            console.warn('The local host could not get a fresh session token.', error);
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
