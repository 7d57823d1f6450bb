import { LightningElement, api, wire } from 'lwc';
import {
    APPLICATION_SCOPE,
    MessageContext,
    publish,
    subscribe,
    unsubscribe
} from 'lightning/messageService';
import getSession from '@salesforce/apex/SendbirdAgentChatController.getSession';
import CHAT_LABEL from '@salesforce/label/c.Sendbird_Chat_Label';
import UNREAD_LABEL from '@salesforce/label/c.Sendbird_Chat_Unread_Label';
import START_FAILED from '@salesforce/label/c.Sendbird_Chat_Start_Failed';
import NEEDS_PERMISSION from '@salesforce/label/c.Sendbird_Chat_Needs_Permission';
import STAND_DOWN from '@salesforce/label/c.Sendbird_Chat_Stand_Down';
import RETRY from '@salesforce/label/c.Sendbird_Chat_Retry';
import ERROR from '@salesforce/label/c.Sendbird_Error_Assistive';
import {
    isChannelUrl,
    openChannelMessage,
    parseOpenChannelMessage,
    FAILED,
    OPEN,
    OPEN_CHANNEL,
    OPENED,
    RECEIVED
} from 'c/sendbirdOpenChannel';
import { format } from 'c/sendbirdFormat';
import { parseContainerMessage, toContainer, PROTOCOL } from './hostProtocol';
import { describeContainerError } from './containerErrors';

/** A session this close to its end is renewed rather than handed to a reloaded chat. */
const RENEW_BEFORE_MS = 5 * 60 * 1000;

/** What Salesforce answers, before our Apex runs, to a user whose profile and sets lack the class. */
const NO_CLASS_ACCESS = /access to the Apex class/i;

/**
 * The console that owns the Sendbird session on this page. Every instance on a page shares this
 * module, so a second one (placed twice, or also on an app page) sees the first and stands down
 * instead of opening a second session and answering "Open in chat" twice.
 */
let owner = null;

/**
 * @param {any} error an imperative Apex call's rejection
 * @returns {string} what to tell the agent
 */
function sessionErrorMessage(error) {
    const message = error?.body?.message;
    if (!message) {
        return START_FAILED;
    }
    return NO_CLASS_ACCESS.test(message) ? NEEDS_PERMISSION : message;
}

/**
 * The logic of the utility-bar chat's host. The Aura wrapper `sendbird_utilities_bar` passes
 * every message of the lightning:container here, tells it about the utility item
 * (`startInUtility`, `setVisible`) and carries out what this component asks for: `reply` (a
 * message for the container), `utilitystate` (label and highlight of the utility item),
 * `openrecord` (open a record, console-aware), `openutility` (show the utility panel) and
 * `standdown` (this is a second copy: hide the container). It also takes "Open in chat" requests
 * from anywhere in the app (Sendbird_Open_Channel) and answers them.
 */
export default class SendbirdAgentChat extends LightningElement {
    @wire(MessageContext) messageContext;
    subscription;

    labels = { retry: RETRY, error: ERROR, standDown: STAND_DOWN };

    /** The utility item's label as the admin named it (getUtilityInfo), else the Custom Label. */
    utilityLabel = CHAT_LABEL;
    /** Whether the agent sees the chat; hidden until the host knows (a background utility). */
    visible = false;
    standingDown = false;

    errorMessage;
    /** The last `sendbird:error` of the container, with its next step. */
    containerError;
    session;
    sessionRequest;
    initPending = false;
    containerReady = false;
    channelToOpen;

    connectedCallback() {
        if (owner && owner !== this) {
            this.standingDown = true;
            this.askFor('standdown', {});
            return;
        }
        owner = this;
        // Application scope: requests come from record pages in any workspace tab.
        this.subscription = subscribe(
            this.messageContext,
            OPEN_CHANNEL,
            (message) => this.handleOpenRequest(message),
            { scope: APPLICATION_SCOPE }
        );
    }

    disconnectedCallback() {
        if (owner === this) {
            owner = null;
        }
        if (this.subscription) {
            unsubscribe(this.subscription);
            this.subscription = undefined;
        }
    }

    get showError() {
        return Boolean(this.errorMessage);
    }

    get showContainerError() {
        return !this.errorMessage && Boolean(this.containerError);
    }

    /**
     * The host read the utility item: its label (as the admin named it in App Manager) and
     * whether its panel is open. Outside a utility bar the host passes no label and visible true.
     * @param {{label?: string, visible?: boolean}} info what getUtilityInfo() said
     */
    @api
    startInUtility(info) {
        if (typeof info?.label === 'string' && info.label.trim()) {
            this.utilityLabel = info.label;
        }
        this.setVisible(info?.visible !== false);
    }

    /**
     * The utility panel was opened or minimised; the container is told at once (while hidden it
     * marks nothing read).
     * @param {boolean} visible whether the agent sees the chat
     */
    @api
    setVisible(visible) {
        if (this.standingDown || typeof visible !== 'boolean') {
            return;
        }
        this.visible = visible;
        if (this.containerReady) {
            this.reply(toContainer.visibility(visible));
        }
    }

    /**
     * An "Open in chat" request: show the utility, focus the channel, tell the publisher that
     * the chat got it. Whether it opened follows from the container (`opened` / `failed`).
     * @param {unknown} raw a message of the Sendbird_Open_Channel message channel
     */
    handleOpenRequest(raw) {
        const request = parseOpenChannelMessage(raw);
        if (request?.type !== OPEN) {
            return;
        }
        this.askFor('openutility', {});
        this.openChannel(request.channelUrl);
        this.answer(RECEIVED, request.channelUrl, request.recordId);
    }

    /**
     * @param {unknown} payload a message from the container
     */
    @api
    handleContainerMessage(payload) {
        if (this.standingDown) {
            return;
        }
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
                    label:
                        message.count > 0
                            ? format(UNREAD_LABEL, this.utilityLabel, message.count)
                            : this.utilityLabel,
                    highlighted: message.count > 0
                });
                break;
            case 'sendbird:open-record':
                this.askFor('openrecord', { recordId: message.recordId });
                break;
            case 'sendbird:channel-opened':
                this.containerError = undefined;
                this.answer(OPENED, message.channelUrl);
                break;
            case 'sendbird:error':
                this.containerError = describeContainerError(message);
                if (message.code === 'channel-open-failed' && isChannelUrl(message.channelUrl)) {
                    this.answer(FAILED, message.channelUrl);
                }
                break;
            default:
                // Not a protocol message: ignored.
                break;
        }
    }

    /**
     * Focuses a channel in the chat, now or as soon as the chat is ready.
     * @param {string} channelUrl the channel
     */
    @api
    openChannel(channelUrl) {
        if (this.standingDown || !isChannelUrl(channelUrl)) {
            return;
        }
        if (this.containerReady) {
            this.reply(toContainer.openChannel(channelUrl));
        } else {
            this.channelToOpen = channelUrl;
        }
    }

    /**
     * Retry after an Apex failure. Once the container has its init it ignores another one, so a
     * started chat gets a fresh token instead (it reconnects with it).
     */
    handleRetry() {
        this.errorMessage = undefined;
        this.containerError = undefined;
        if (this.containerReady) {
            this.sendFreshToken();
        } else {
            this.sendInit();
        }
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
            accessToken: session.accessToken
        };
        if (session.nickname) {
            init.nickname = session.nickname;
        }
        if (this.channelToOpen) {
            init.channelUrl = this.channelToOpen;
            this.channelToOpen = undefined;
        }
        this.containerReady = true;
        this.reply(init);
        this.reply(toContainer.visibility(this.visible));
    }

    /** Answers `token-expired` (and Retry) with a token Apex issues now, never a cached one. */
    async sendFreshToken() {
        const session = await this.currentSession({ renew: true });
        if (session) {
            this.reply(toContainer.token(session.accessToken));
        }
    }

    /**
     * The session to log in with: the cached one while it lasts (a reloaded chat asks again),
     * else a new one from Apex. Concurrent callers share one Apex call; a renewal never shares a
     * call that started as a plain (possibly cached) request.
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

    answer(type, channelUrl, recordId) {
        publish(this.messageContext, OPEN_CHANNEL, openChannelMessage(type, channelUrl, recordId));
    }

    reply(message) {
        this.askFor('reply', { message });
    }

    askFor(name, detail) {
        this.dispatchEvent(new CustomEvent(name, { detail }));
    }
}
