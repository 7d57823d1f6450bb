import { LightningElement, api } from 'lwc';
import getSession from '@salesforce/apex/SendbirdAgentSessionController.getSession';
import { isChannelUrl, parseContainerMessage, PROTOCOL } from './hostProtocol';

/** A session this close to its end is renewed rather than handed to a reloaded chat. */
const RENEW_BEFORE_MS = 5 * 60 * 1000;

/**
 * The logic of the utility-bar chat's host. The Aura wrapper `sendbird_utilities_bar` passes
 * every message of the lightning:container here and carries out what this component asks for:
 * `reply` (a message for the container), `utilitystate` (label and highlight of the utility
 * item) and `openrecord` (open a record, console-aware).
 */
export default class SendbirdAgentConsole extends LightningElement {
    /** The utility item's label; the unread count is appended to it. */
    @api label = 'Chat';

    errorMessage;
    session;
    sessionRequest;
    initPending = false;
    containerReady = false;
    channelToOpen;

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

    /** The chat repeats `ready` until it gets `init`; one answer per request is enough. */
    async sendInit() {
        if (this.initPending) {
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
                    this.errorMessage = error?.body?.message ?? 'The chat could not start.';
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
