import { LightningElement, api, wire } from 'lwc';
import { MessageContext, publish, subscribe, unsubscribe } from 'lightning/messageService';
import getConversation from '@salesforce/apex/SendbirdCaseConversationController.getConversation';
import getMembers from '@salesforce/apex/SendbirdCaseConversationController.getMembers';
import join from '@salesforce/apex/SendbirdCaseConversationController.join';
import leave from '@salesforce/apex/SendbirdCaseConversationController.leave';
import listFailures from '@salesforce/apex/SendbirdFailureConsoleController.listFailures';
import retry from '@salesforce/apex/SendbirdFailureConsoleController.retry';
import {
    openChannelMessage,
    parseOpenChannelMessage,
    OPEN,
    OPEN_CHANNEL,
    RECEIVED
} from 'c/sendbirdOpenChannel';

/** How long the utility-bar chat has to answer "Open in chat" before the panel explains. */
export const CHAT_ANSWER_MS = 2000;

const NO_CHAT_ANSWER =
    'The Sendbird chat did not answer. Open the Sendbird Chat item in the utility bar once, ' +
    'or ask your admin to add it to this app with "Start automatically" ticked.';

function messageOf(error, fallback) {
    return error?.body?.message ?? fallback;
}

/**
 * The Case record page panel of a Case's Sendbird conversation: its channel, the AI agent's
 * summary and transcript file, the channel's members (live from Sendbird), Join / Leave for the
 * agent, "Open in chat" (over the Sendbird_Open_Channel message channel to the utility-bar chat)
 * and, for users who may read the failure log, the Case's open sync failures with Retry.
 */
export default class SendbirdCaseConversation extends LightningElement {
    @api recordId;

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
    awaitingChat = false;
    subscription;
    chatTimer;

    connectedCallback() {
        // Active scope: the utility bar is always active, and the answer is for this tab's panel.
        this.subscription = subscribe(this.messageContext, OPEN_CHANNEL, (message) =>
            this.handleChatAnswer(message)
        );
        this.load();
    }

    disconnectedCallback() {
        unsubscribe(this.subscription);
        this.subscription = undefined;
        clearTimeout(this.chatTimer);
    }

    get memberRows() {
        return (this.members?.members ?? []).map((member) => ({
            ...member,
            state: [member.isOnline ? 'online' : 'offline', member.isInvited ? 'invited' : null]
                .filter(Boolean)
                .join(', ')
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

    get showFailures() {
        return Boolean(this.conversation?.canSeeFailures);
    }

    get hasFailures() {
        return Boolean(this.failures?.length);
    }

    get transcriptUrl() {
        const id = this.conversation?.transcriptId;
        return id ? `/lightning/r/ContentDocument/${id}/view` : undefined;
    }

    async load() {
        this.loading = true;
        this.errorMessage = undefined;
        try {
            this.conversation = await getConversation({ caseId: this.recordId });
        } catch (error) {
            this.conversation = undefined;
            this.errorMessage = messageOf(error, 'The Sendbird conversation could not be loaded.');
            return;
        } finally {
            this.loading = false;
        }
        await Promise.all([this.loadMembers(), this.loadFailures()]);
    }

    async loadMembers() {
        this.membersLoading = true;
        this.membersError = undefined;
        try {
            this.members = await getMembers({ caseId: this.recordId });
        } catch (error) {
            this.members = undefined;
            this.membersError = messageOf(error, 'The members could not be loaded.');
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
            this.failures = (
                await listFailures({ status: 'Open', caseId: this.recordId })
            ).failures;
        } catch (error) {
            this.failures = undefined;
            this.failuresError = messageOf(error, 'The sync failures could not be loaded.');
        }
    }

    handleRefresh() {
        this.notice = undefined;
        this.chatWarning = undefined;
        this.load();
    }

    handleJoin() {
        this.changeMembership(join, 'You joined the conversation.');
    }

    handleLeave() {
        this.changeMembership(leave, 'You left the conversation.');
    }

    async changeMembership(action, done) {
        this.busy = true;
        this.notice = undefined;
        this.membersError = undefined;
        try {
            this.members = await action({ caseId: this.recordId });
            this.notice = done;
        } catch (error) {
            this.membersError = messageOf(error, 'Sendbird did not make the change.');
        } finally {
            this.busy = false;
        }
    }

    handleOpenInChat() {
        this.notice = undefined;
        this.chatWarning = undefined;
        this.awaitingChat = true;
        clearTimeout(this.chatTimer);
        publish(
            this.messageContext,
            OPEN_CHANNEL,
            openChannelMessage(OPEN, this.conversation.channelUrl, this.recordId)
        );
        // The request has a deadline: without an answer, nothing in this app listens.
        // eslint-disable-next-line @lwc/lwc/no-async-operation
        this.chatTimer = setTimeout(() => {
            if (this.awaitingChat) {
                this.awaitingChat = false;
                this.chatWarning = NO_CHAT_ANSWER;
            }
        }, CHAT_ANSWER_MS);
    }

    handleChatAnswer(raw) {
        const answer = parseOpenChannelMessage(raw);
        if (
            answer?.type === RECEIVED &&
            this.awaitingChat &&
            answer.channelUrl === this.conversation?.channelUrl
        ) {
            this.awaitingChat = false;
            clearTimeout(this.chatTimer);
            this.notice = 'Opened in the Sendbird chat.';
        }
    }

    async handleRetry(event) {
        this.busy = true;
        this.notice = undefined;
        try {
            const outcome = await retry({ failureIds: [event.target.dataset.id] });
            this.notice =
                outcome.changed === 1
                    ? 'The failed call was queued again.'
                    : 'That failure is no longer open.';
            await this.loadFailures();
        } catch (error) {
            this.failuresError = messageOf(error, 'The failure could not be retried.');
        } finally {
            this.busy = false;
        }
    }
}
