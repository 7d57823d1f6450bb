import { LightningElement, api, wire } from 'lwc';
import { NavigationMixin } from 'lightning/navigation';
import { getRecord, getFieldValue } from 'lightning/uiRecordApi';
import { registerRefreshHandler, unregisterRefreshHandler } from 'lightning/refresh';
import {
    subscribe as subscribeEvents,
    unsubscribe as unsubscribeEvents,
    onError
} from 'lightning/empApi';
import { MessageContext, publish, subscribe, unsubscribe } from 'lightning/messageService';
import CHANNEL_FIELD from '@salesforce/schema/Case.Sendbird_Channel_URL__c';
import SUMMARY_FIELD from '@salesforce/schema/Case.Sendbird_Summary__c';
import getConversation from '@salesforce/apex/SendbirdCaseConversationController.getConversation';
import getMembers from '@salesforce/apex/SendbirdCaseConversationController.getMembers';
import join from '@salesforce/apex/SendbirdCaseConversationController.join';
import leave from '@salesforce/apex/SendbirdCaseConversationController.leave';
import listFailures from '@salesforce/apex/SendbirdFailureConsoleController.listFailures';
import retry from '@salesforce/apex/SendbirdFailureConsoleController.retry';
import {
    openChannelMessage,
    parseOpenChannelMessage,
    FAILED,
    OPEN,
    OPEN_CHANNEL,
    OPENED,
    RECEIVED
} from 'c/sendbirdOpenChannel';
import { format } from 'c/sendbirdFormat';
import LABELS from './labels';

/** How long the utility-bar chat has to answer "Open in chat" before the panel explains. */
export const CHAT_ANSWER_MS = 2000;
/** How long the chat has, once it answered, to confirm the channel is shown (it may connect first). */
export const CHAT_OPEN_MS = 15000;
/** The platform event the membership sync publishes when it changed a Case's channel. */
export const MEMBERSHIP_EVENT = '/event/Sendbird_Membership_Changed__e';
/** Summaries longer than this are clamped, with "show more". */
export const SUMMARY_CLAMP_CHARS = 400;

const FIELDS = [CHANNEL_FIELD, SUMMARY_FIELD];
const NO_CLASS_ACCESS = /access to the Apex class/i;

function messageOf(error, fallback, noAccess = LABELS.NO_ACCESS) {
    const message = error?.body?.message;
    if (!message) {
        return fallback;
    }
    return NO_CLASS_ACCESS.test(message) ? noAccess : message;
}

function sameRecord(a, b) {
    return typeof a === 'string' && typeof b === 'string' && a.slice(0, 15) === b.slice(0, 15);
}

function memberState(member) {
    if (member.isInvited) {
        return member.isOnline ? LABELS.INVITED_ONLINE : LABELS.INVITED_OFFLINE;
    }
    return member.isOnline ? LABELS.ONLINE : LABELS.OFFLINE;
}

/**
 * The Case record page panel of a Case's Sendbird conversation: its channel, the AI agent's
 * summary and transcript file, the channel's members (live from Sendbird), Join / Leave for the
 * agent, "Open in chat" (over the Sendbird_Open_Channel message channel to the utility-bar chat)
 * and, for users who may read the failure log, the Case's open sync failures with Retry.
 * It follows the record: a new recordId, a change of the Case's channel or summary (getRecord),
 * a page refresh (lightning/refresh) and the membership sync's platform event each reload it.
 */
export default class SendbirdCaseConversation extends NavigationMixin(LightningElement) {
    labels = LABELS;

    @wire(MessageContext) messageContext;

    conversation;
    members;
    failures;
    /** Why the Case's conversation cannot be shown at all. */
    errorMessage;
    membersError;
    failuresError;
    /** What the last action did (a polite live region). */
    notice;
    /** Why "Open in chat" had no effect. */
    chatWarning;
    loading = true;
    membersLoading = false;
    busy = false;
    /** "Open in chat" in flight: 'sent' (no answer yet) or 'received' (waiting for the channel). */
    chatRequest;
    summaryExpanded = false;
    transcriptUrl;
    /** Failure record Id → its record page URL (NavigationMixin). */
    failureUrls = {};
    subscription;
    eventSubscription;
    refreshHandlerId;
    chatTimer;
    connected = false;
    recordKey;
    _recordId;

    @api
    get recordId() {
        return this._recordId;
    }

    set recordId(value) {
        const changed = value !== this._recordId;
        this._recordId = value;
        if (changed && this.connected) {
            this.load();
        }
    }

    /** The Case's own fields: a change (e.g. a handoff writing the summary) reloads the panel. */
    @wire(getRecord, { recordId: '$recordId', fields: FIELDS })
    wiredCase({ data }) {
        if (!data) {
            return;
        }
        const key = JSON.stringify([
            getFieldValue(data, CHANNEL_FIELD),
            getFieldValue(data, SUMMARY_FIELD)
        ]);
        const changed = this.recordKey !== undefined && key !== this.recordKey;
        this.recordKey = key;
        if (changed) {
            this.load();
        }
    }

    connectedCallback() {
        this.connected = true;
        // Active scope: the utility bar is always active, and the answer is for this tab's panel.
        this.subscription = subscribe(this.messageContext, OPEN_CHANNEL, (message) =>
            this.handleChatAnswer(message)
        );
        this.refreshHandlerId = registerRefreshHandler(this, this.refreshPanel);
        this.followMembershipSync();
        this.load();
    }

    disconnectedCallback() {
        this.connected = false;
        unsubscribe(this.subscription);
        this.subscription = undefined;
        unregisterRefreshHandler(this.refreshHandlerId);
        if (this.eventSubscription) {
            unsubscribeEvents(this.eventSubscription, () => null);
            this.eventSubscription = undefined;
        }
        clearTimeout(this.chatTimer);
    }

    /** lightning/refresh: the page asked every component to reload (e.g. after an edit). */
    refreshPanel() {
        return this.load().then(() => true);
    }

    /**
     * The membership sync runs in a Queueable after e.g. an Omni-Channel accept; when it has
     * changed this Case's channel it publishes Sendbird_Membership_Changed__e, and the members
     * are read again. Without streaming (empApi refused) the panel still works; Refresh remains.
     */
    async followMembershipSync() {
        onError(() => null);
        try {
            this.eventSubscription = await subscribeEvents(MEMBERSHIP_EVENT, -1, (event) =>
                this.handleMembershipEvent(event)
            );
            if (!this.connected && this.eventSubscription) {
                unsubscribeEvents(this.eventSubscription, () => null);
            }
        } catch {
            this.eventSubscription = undefined;
        }
    }

    handleMembershipEvent(event) {
        const payload = event?.data?.payload;
        const forThisCase =
            sameRecord(payload?.Case_Id__c, this.recordId) ||
            (payload?.Channel_URL__c && payload.Channel_URL__c === this.conversation?.channelUrl);
        if (forThisCase && this.conversation) {
            this.loadMembers();
        }
    }

    get memberRows() {
        return (this.members?.members ?? []).map((member) => ({
            ...member,
            state: memberState(member)
        }));
    }

    get hasMembers() {
        return this.memberRows.length > 0;
    }

    get noChannel() {
        return this.members?.channelExists === false;
    }

    get canJoin() {
        return Boolean(this.members?.channelExists) && !this.members.currentUserIsMember;
    }

    get canLeave() {
        return Boolean(this.members?.currentUserIsMember);
    }

    /** The chat opens only channels that exist and that the agent is in. */
    get canOpenInChat() {
        return Boolean(this.members?.channelExists && this.members.currentUserIsMember);
    }

    get showJoinToOpen() {
        return this.canJoin;
    }

    get openInChatDisabled() {
        return this.busy || Boolean(this.chatRequest);
    }

    get showFailures() {
        return Boolean(this.conversation?.canSeeFailures);
    }

    get failureRows() {
        return (this.failures ?? []).map((failure) => ({
            ...failure,
            line: format(
                LABELS.FAILURE_LINE,
                failure.Name,
                failure.Operation__c,
                failure.Error_Code__c
            ),
            retryLabel: format(LABELS.RETRY_FAILURE, failure.Name),
            url: this.failureUrls[failure.Id]
        }));
    }

    get hasFailures() {
        return Boolean(this.failures?.length);
    }

    get membersStatus() {
        return this.membersLoading ? LABELS.MEMBERS_LOADING : '';
    }

    get summaryClamped() {
        return (this.conversation?.summary ?? '').length > SUMMARY_CLAMP_CHARS;
    }

    get summaryClass() {
        const clamp = this.summaryClamped && !this.summaryExpanded ? ' summary_clamped' : '';
        return `summary slds-m-bottom_x-small${clamp}`;
    }

    get summaryToggleLabel() {
        return this.summaryExpanded ? LABELS.SHOW_LESS : LABELS.SHOW_MORE;
    }

    get summaryExpandedText() {
        return String(this.summaryExpanded);
    }

    async load() {
        this.loading = true;
        this.errorMessage = undefined;
        try {
            this.conversation = await getConversation({ caseId: this.recordId });
        } catch (error) {
            this.conversation = undefined;
            this.errorMessage = messageOf(error, LABELS.LOAD_FAILED);
            return;
        } finally {
            this.loading = false;
        }
        await Promise.all([this.loadMembers(), this.loadFailures(), this.linkTranscript()]);
    }

    async loadMembers() {
        this.membersLoading = true;
        this.membersError = undefined;
        try {
            this.members = await getMembers({ caseId: this.recordId });
        } catch (error) {
            this.members = undefined;
            this.membersError = messageOf(error, LABELS.MEMBERS_FAILED);
        } finally {
            this.membersLoading = false;
        }
    }

    async loadFailures() {
        if (!this.showFailures) {
            return;
        }
        this.failuresError = undefined;
        try {
            const failures = (await listFailures({ status: 'Open', caseId: this.recordId }))
                .failures;
            const urls = await Promise.all(
                failures.map((failure) =>
                    this[NavigationMixin.GenerateUrl](this.failurePage(failure.Id))
                )
            );
            this.failureUrls = Object.fromEntries(
                failures.map((failure, index) => [failure.Id, urls[index]])
            );
            this.failures = failures;
        } catch (error) {
            this.failures = undefined;
            this.failuresError = messageOf(error, LABELS.FAILURES_FAILED, LABELS.NO_FAILURE_ACCESS);
        }
    }

    async linkTranscript() {
        const id = this.conversation?.transcriptId;
        this.transcriptUrl = id
            ? await this[NavigationMixin.GenerateUrl](this.filePreview())
            : undefined;
    }

    filePreview() {
        return {
            type: 'standard__namedPage',
            attributes: { pageName: 'filePreview' },
            state: { selectedRecordId: this.conversation.transcriptId }
        };
    }

    handleOpenTranscript(event) {
        // The href keeps "open in a new tab"; a plain click opens Salesforce's file preview.
        event.preventDefault();
        this[NavigationMixin.Navigate](this.filePreview());
    }

    failurePage(recordId) {
        return {
            type: 'standard__recordPage',
            attributes: { recordId, objectApiName: 'Sendbird_Sync_Failure__c', actionName: 'view' }
        };
    }

    handleOpenFailure(event) {
        event.preventDefault();
        this[NavigationMixin.Navigate](this.failurePage(event.currentTarget.dataset.id));
    }

    handleToggleSummary() {
        this.summaryExpanded = !this.summaryExpanded;
    }

    handleRefresh() {
        this.notice = undefined;
        this.chatWarning = undefined;
        this.load();
    }

    handleJoin() {
        this.changeMembership(join, LABELS.JOINED);
    }

    handleLeave() {
        this.changeMembership(leave, LABELS.LEFT);
    }

    async changeMembership(action, done) {
        this.busy = true;
        this.notice = undefined;
        this.membersError = undefined;
        try {
            this.members = await action({ caseId: this.recordId });
            this.notice = done;
        } catch (error) {
            this.membersError = messageOf(error, LABELS.CHANGE_FAILED);
        } finally {
            this.busy = false;
        }
    }

    handleOpenInChat() {
        this.notice = undefined;
        this.chatWarning = undefined;
        this.chatRequest = 'sent';
        publish(
            this.messageContext,
            OPEN_CHANNEL,
            openChannelMessage(OPEN, this.conversation.channelUrl, this.recordId)
        );
        // Without an answer nothing in this app listens.
        this.waitForChat(CHAT_ANSWER_MS, LABELS.NO_CHAT_ANSWER);
    }

    waitForChat(ms, warning) {
        clearTimeout(this.chatTimer);
        // eslint-disable-next-line @lwc/lwc/no-async-operation
        this.chatTimer = setTimeout(() => {
            if (this.chatRequest) {
                this.chatRequest = undefined;
                this.notice = undefined;
                this.chatWarning = warning;
            }
        }, ms);
    }

    /**
     * The chat's answers: received (it got the request), then opened (the container showed the
     * channel) or failed. Success is reported on opened only.
     * @param {unknown} raw a message of the Sendbird_Open_Channel message channel
     */
    handleChatAnswer(raw) {
        const answer = parseOpenChannelMessage(raw);
        if (!this.chatRequest || answer?.channelUrl !== this.conversation?.channelUrl) {
            return;
        }
        if (answer.type === RECEIVED && this.chatRequest === 'sent') {
            this.chatRequest = 'received';
            this.notice = LABELS.OPENING;
            this.waitForChat(CHAT_OPEN_MS, LABELS.NO_OPEN_CONFIRMATION);
        } else if (answer.type === OPENED) {
            this.finishChatRequest();
            this.notice = LABELS.OPENED;
        } else if (answer.type === FAILED) {
            this.finishChatRequest();
            this.notice = undefined;
            this.chatWarning = LABELS.OPEN_FAILED;
        }
    }

    finishChatRequest() {
        this.chatRequest = undefined;
        clearTimeout(this.chatTimer);
    }

    async handleRetry(event) {
        this.busy = true;
        this.notice = undefined;
        try {
            const outcome = await retry({ failureIds: [event.target.dataset.id] });
            this.notice = outcome.changed === 1 ? LABELS.QUEUED_AGAIN : LABELS.NO_LONGER_OPEN;
            await this.loadFailures();
        } catch (error) {
            this.failuresError = messageOf(error, LABELS.RETRY_FAILED, LABELS.NO_FAILURE_ACCESS);
        } finally {
            this.busy = false;
        }
    }
}
