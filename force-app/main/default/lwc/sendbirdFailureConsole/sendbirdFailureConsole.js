import { LightningElement } from 'lwc';
import listFailures from '@salesforce/apex/SendbirdFailureConsoleController.listFailures';
import retry from '@salesforce/apex/SendbirdFailureConsoleController.retry';
import resolve from '@salesforce/apex/SendbirdFailureConsoleController.resolve';

const STATUSES = ['Open', 'Retried', 'Resolved', 'All'];

const COLUMNS = [
    {
        label: 'Failure',
        fieldName: 'recordUrl',
        type: 'url',
        typeAttributes: { label: { fieldName: 'Name' } },
        initialWidth: 120
    },
    { label: 'Status', fieldName: 'Status__c', initialWidth: 100 },
    { label: 'Operation', fieldName: 'Operation__c', initialWidth: 110 },
    { label: 'Error code', fieldName: 'Error_Code__c', initialWidth: 110 },
    { label: 'Error', fieldName: 'Error_Message__c', wrapText: true },
    {
        label: 'Case',
        fieldName: 'caseUrl',
        type: 'url',
        typeAttributes: { label: { fieldName: 'caseNumber' } },
        initialWidth: 110
    },
    { label: 'User', fieldName: 'userName' },
    { label: 'Channel', fieldName: 'Channel_URL__c' },
    { label: 'Attempts', fieldName: 'Attempts__c', type: 'number', initialWidth: 100 },
    {
        label: 'Created',
        fieldName: 'CreatedDate',
        type: 'date',
        typeAttributes: {
            year: 'numeric',
            month: 'short',
            day: '2-digit',
            hour: '2-digit',
            minute: '2-digit'
        }
    }
];

function messageOf(error, fallback) {
    return error?.body?.message ?? fallback;
}

/** A failure record as a table row: links and the names of related records. */
function rowOf(failure) {
    return {
        ...failure,
        recordUrl: `/${failure.Id}`,
        caseUrl: failure.Case__c ? `/${failure.Case__c}` : undefined,
        caseNumber: failure.Case__r?.CaseNumber,
        userName: failure.Salesforce_User__r?.Name
    };
}

/** "3 of 4 selected failures queued again. 1 left as it was: not open." */
function outcomeText(outcome, done, skippedBecause) {
    const noun = outcome.selected === 1 ? 'failure' : 'failures';
    const summary = `${outcome.changed} of ${outcome.selected} selected ${noun} ${done}.`;
    const skipped = outcome.selected - outcome.changed;
    if (skipped === 0) {
        return summary;
    }
    return `${summary} ${skipped} left as ${skipped === 1 ? 'it was' : 'they were'}: ${skippedBecause}.`;
}

/**
 * The admins' failure console (tab Sendbird Failure Console): the sync failure log by status
 * with a count per status, and Retry or Resolve for the selected records. Apex enforces access
 * in user mode; a user without it sees the reason.
 */
export default class SendbirdFailureConsole extends LightningElement {
    columns = COLUMNS;
    status = 'Open';
    rows = [];
    counts;
    truncated = false;
    selectedIds = [];
    errorMessage;
    /** What the last action did (a polite live region). */
    outcomeMessage;
    loading = true;
    busy = false;

    connectedCallback() {
        this.load();
    }

    get statusOptions() {
        return STATUSES.map((status) => ({
            label: `${status} (${this.counts?.[status] ?? 0})`,
            value: status
        }));
    }

    get actionsDisabled() {
        return this.busy || this.selectedIds.length === 0;
    }

    get hasRows() {
        return this.rows.length > 0;
    }

    get showEmpty() {
        return !this.loading && !this.errorMessage && !this.hasRows;
    }

    get emptyMessage() {
        return this.status === 'All'
            ? 'No sync failures.'
            : `No ${this.status.toLowerCase()} sync failures.`;
    }

    get selectionText() {
        return `${this.selectedIds.length} selected`;
    }

    async load() {
        this.loading = true;
        this.errorMessage = undefined;
        try {
            const result = await listFailures({ status: this.status, caseId: null });
            this.rows = result.failures.map(rowOf);
            this.counts = result.counts;
            this.truncated = result.truncated;
        } catch (error) {
            this.rows = [];
            this.truncated = false;
            this.errorMessage = messageOf(error, 'The sync failures could not be loaded.');
        } finally {
            this.selectedIds = [];
            this.loading = false;
        }
    }

    handleStatusChange(event) {
        this.status = event.detail.value;
        this.outcomeMessage = undefined;
        this.load();
    }

    handleRefresh() {
        this.outcomeMessage = undefined;
        this.load();
    }

    handleRowSelection(event) {
        this.selectedIds = event.detail.selectedRows.map((row) => row.Id);
    }

    handleRetry() {
        // SendbirdSyncFailureRetry skips records no longer Open, and membership records without a user.
        this.act(retry, 'queued again', 'not open, or no user to invite or remove');
    }

    handleResolve() {
        this.act(resolve, 'resolved', 'not open');
    }

    async act(action, done, skippedBecause) {
        this.busy = true;
        this.errorMessage = undefined;
        this.outcomeMessage = undefined;
        try {
            const outcome = await action({ failureIds: this.selectedIds });
            this.outcomeMessage = outcomeText(outcome, done, skippedBecause);
            await this.load();
        } catch (error) {
            this.errorMessage = messageOf(error, 'The action failed.');
        } finally {
            this.busy = false;
        }
    }
}
