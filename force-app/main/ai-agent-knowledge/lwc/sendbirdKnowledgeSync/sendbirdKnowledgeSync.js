import { LightningElement } from 'lwc';
import getStatus from '@salesforce/apex/SendbirdKnowledgeSyncController.getStatus';
import syncNow from '@salesforce/apex/SendbirdKnowledgeSyncController.syncNow';
import { format } from 'c/sendbirdFormat';
import LABELS from './labels';

function messageOf(error) {
    return error?.body?.message ?? error?.message ?? LABELS.UNKNOWN_ERROR;
}

function count(value) {
    return value ?? 0;
}

/**
 * "Sync Knowledge now" on the Setup tab: the Knowledge push's settings, schedule and last run
 * (status, counts, message), and a button that starts a run (SendbirdKnowledgeSyncController).
 */
export default class SendbirdKnowledgeSync extends LightningElement {
    labels = LABELS;
    status;
    error;
    busy = false;

    connectedCallback() {
        this.load(getStatus);
    }

    get loaded() {
        return Boolean(this.status);
    }

    get syncDisabled() {
        return this.busy || !this.status?.configured;
    }

    get lastRun() {
        const run = this.status?.lastRun;
        if (!run) return undefined;
        return {
            name: run.Name,
            status: LABELS.STATUS[run.Status__c] ?? run.Status__c,
            message: run.Message__c,
            started: run.CreatedDate,
            finished: run.Finished__c,
            counts: format(
                LABELS.COUNTS_LINE,
                count(run.Created_Count__c),
                count(run.Updated_Count__c),
                count(run.Deleted_Count__c),
                count(run.Failed_Count__c)
            )
        };
    }

    get scheduleText() {
        return this.status?.schedule
            ? format(LABELS.SCHEDULED, this.status.schedule)
            : LABELS.NOT_SCHEDULED;
    }

    get articlesText() {
        return format(
            LABELS.ARTICLES,
            count(this.status?.snippets),
            count(this.status?.dueArticles)
        );
    }

    handleSync() {
        this.load(syncNow);
    }

    async load(action) {
        this.busy = true;
        this.error = undefined;
        try {
            this.status = await action();
        } catch (error) {
            this.error = messageOf(error);
        } finally {
            this.busy = false;
        }
    }
}
