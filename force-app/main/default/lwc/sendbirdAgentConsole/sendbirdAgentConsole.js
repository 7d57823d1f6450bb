import { LightningElement, api, wire } from 'lwc';
import {
    APPLICATION_SCOPE,
    MessageContext,
    publish,
    subscribe,
    unsubscribe
} from 'lightning/messageService';
import getSession from '@salesforce/apex/SendbirdAgentSessionController.getSession';
import {
    isChannelUrl,
    openChannelMessage,
    parseOpenChannelMessage,
    OPEN,
    OPEN_CHANNEL,
    RECEIVED
} from 'c/sendbirdOpenChannel';
import { parseContainerMessage, PROTOCOL } from './hostProtocol';

/** A session this close to its end is renewed rather than handed to a reloaded chat. */
const RENEW_BEFORE_MS = 5 * 60 * 1000;

/** What Salesforce answers, before our Apex runs, to a user whose profile and sets lack the class. */
const NO_CLASS_ACCESS = /access to the Apex class/i;
const NEEDS_PERMISSION_SET =
    'You need the Sendbird Agent permission set to use the chat. Ask your Salesforce admin to assign it.';

/**
 * @param {any} error an imperative Apex call's rejection
 * @returns {string} what to tell the agent
 */
function sessionErrorMessage(error) {
    const message = error?.body?.message;
    if (!message) {
        return 'The chat could not start.';
    }
    return NO_CLASS_ACCESS.test(message) ? NEEDS_PERMISSION_SET : message;
}

/**
 * The logic of the utility-bar chat's host. The Aura wrapper `sendbird_utilities_bar` passes
 * every message of the lightning:container here and carries out what this component asks for:
 * `reply` (a message for the container), `utilitystate` (label and highlight of the utility
 * item), `openrecord` (open a record, console-aware) and `openutility` (show the utility panel).
 * It also takes "Open in chat" requests from anywhere in the app (Sendbird_Open_Channel).
 */
export default class SendbirdAgentConsole extends LightningElement {
    /** The utility item's label; the unread count is appended to it. */
    @api label = 'Chat';

    @wire(MessageContext) messageContext;
    subscription;

    errorMessage;
    session;
    sessionRequest;
    initPending = false;
    containerReady = false;
    channelToOpen;

    connectedCallback() {
        // Application scope: requests come from record pages in any workspace tab.
        this.subscription = subscribe(
            this.messageContext,
            OPEN_CHANNEL,
            (message) => this.handleOpenRequest(message),
            { scope: APPLICATION_SCOPE }
        );
    }

    disconnectedCallback() {
        unsubscribe(this.subscription);
        this.subscription = undefined;
    }

    /**
     * An "Open in chat" request: show the utility, focus the channel, tell the publisher that
     * the chat got it (so it can explain when no chat answers).
     * @param {unknown} raw a message of the Sendbird_Open_Channel message channel
     */
    handleOpenRequest(raw) {
        const request = parseOpenChannelMessage(raw);
        if (request?.type !== OPEN) {
            return;
        }
        this.askFor('openutility', {});
        this.openChannel(request.channelUrl);
        publish(
            this.messageContext,
            OPEN_CHANNEL,
            openChannelMessage(RECEIVED, request.channelUrl, request.recordId)
        );
    }

    /**
     * @param {unknown} payload a message from the container
     */
    @api
    handleContainerMessage(payload) {
        const message = parseContainerMessage(payload);
        switch (message?.type) {
            case 'sendbird:ready':
                this.sendInit();
                break;
            case 'sendbird:token-expired':
                this.sendFreshToken();
                break;
            case 'sendbird:unread':
                this.askFor('utilitystate', {
                    label: message.count > 0 ? `${this.label} (${message.count})` : this.label,
                    highlighted: message.count > 0
                });
                break;
            case 'sendbird:open-record':
                this.askFor('openrecord', { recordId: message.recordId });
                break;
            default:
                // Not a protocol message (errors are shown by the chat itself).
                break;
        }
    }

    /**
     * Focuses a channel in the chat, now or as soon as the chat is ready.
     * @param {string} channelUrl the channel
     */
    @api
    openChannel(channelUrl) {
        if (!isChannelUrl(channelUrl)) {
            return;
        }
        if (this.containerReady) {
            this.askFor('reply', { message: { type: 'sendbird:open-channel', channelUrl } });
        } else {
            this.channelToOpen = channelUrl;
        }
    }

    handleRetry() {
        this.errorMessage = undefined;
        this.sendInit();
    }

    /**
     * The chat repeats `ready` until it gets `init`; one answer per request is enough. After a
     * failure, the repeats wait for the agent's Retry rather than calling Apex again each time.
     */
    async sendInit() {
        if (this.initPending || this.errorMessage) {
            return;
        }
        this.initPending = true;
        const session = await this.currentSession();
        this.initPending = false;
        if (!session) {
            return;
        }
        const init = {
            type: 'sendbird:init',
            protocol: PROTOCOL,
            appId: session.appId,
            userId: session.userId,
            accessToken: session.accessToken,
            nickname: session.nickname
        };
        if (this.channelToOpen) {
            init.channelUrl = this.channelToOpen;
            this.channelToOpen = undefined;
        }
        this.containerReady = true;
        this.askFor('reply', { message: init });
    }

    async sendFreshToken() {
        const session = await this.currentSession({ renew: true });
        if (session) {
            this.askFor('reply', {
                message: { type: 'sendbird:token', accessToken: session.accessToken }
            });
        }
    }

    /**
     * The session to log in with: the cached one while it lasts (a reloaded chat asks again),
     * else a new one from Apex. Concurrent callers share one Apex call.
     * @param {{renew?: boolean}} options renew: ask Apex even if a session is cached
     * @returns {Promise<object | undefined>} the session, or undefined after showing the error
     */
    currentSession({ renew = false } = {}) {
        const lasts = this.session && this.session.expiresAt - Date.now() > RENEW_BEFORE_MS;
        if (!renew && lasts) {
            return Promise.resolve(this.session);
        }
        if (!this.sessionRequest) {
            this.sessionRequest = getSession()
                .then((session) => {
                    this.session = session;
                    this.errorMessage = undefined;
                    return session;
                })
                .catch((error) => {
                    this.errorMessage = sessionErrorMessage(error);
                    return undefined;
                })
                .finally(() => {
                    this.sessionRequest = undefined;
                });
        }
        return this.sessionRequest;
    }

    askFor(name, detail) {
        this.dispatchEvent(new CustomEvent(name, { detail }));
    }
}
