import { LightningElement } from 'lwc';
import getStatus from '@salesforce/apex/SendbirdKnowledgeSyncController.getStatus';
import syncNow from '@salesforce/apex/SendbirdKnowledgeSyncController.syncNow';

function messageOf(error) {
    return error?.body?.message ?? error?.message ?? 'Unknown error';
}

function count(value) {
    return value ?? 0;
}

/**
 * "Sync Knowledge now" on the Setup tab: the Knowledge push's settings, schedule and last run
 * (status, counts, message), and a button that starts a run (SendbirdKnowledgeSyncController).
 */
export default class SendbirdKnowledgeSync extends LightningElement {
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
            status: run.Status__c,
            message: run.Message__c,
            started: run.CreatedDate,
            finished: run.Finished__c,
            counts:
                `${count(run.Created_Count__c)} created, ${count(run.Updated_Count__c)} updated, ` +
                `${count(run.Deleted_Count__c)} deleted, ${count(run.Failed_Count__c)} failed`
        };
    }

    get scheduleText() {
        return this.status?.schedule
            ? `Scheduled (${this.status.schedule})`
            : 'Not scheduled: run SendbirdKnowledgePushSchedule.scheduleHourly() once.';
    }

    get articlesText() {
        return `${count(this.status?.snippets)} articles sent, ${count(this.status?.dueArticles)} due`;
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
