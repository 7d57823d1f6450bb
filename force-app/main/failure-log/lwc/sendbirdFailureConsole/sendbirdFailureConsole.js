import { LightningElement, wire } from 'lwc';
import { NavigationMixin } from 'lightning/navigation';
import { getObjectInfo, getPicklistValues } from 'lightning/uiObjectInfoApi';
import FAILURE_OBJECT from '@salesforce/schema/Sendbird_Sync_Failure__c';
import STATUS_FIELD from '@salesforce/schema/Sendbird_Sync_Failure__c.Status__c';
import listPage from '@salesforce/apex/SendbirdFailureConsoleController.listPage';
import retry from '@salesforce/apex/SendbirdFailureConsoleController.retry';
import resolve from '@salesforce/apex/SendbirdFailureConsoleController.resolve';
import retryMatching from '@salesforce/apex/SendbirdFailureConsoleController.retryMatching';
import resolveMatching from '@salesforce/apex/SendbirdFailureConsoleController.resolveMatching';
import bulkProgress from '@salesforce/apex/SendbirdFailureConsoleController.bulkProgress';
import { format } from 'c/sendbirdFormat';
import LABELS from './labels';
import { columnsOf } from './columns';

const OPEN = 'Open';
const ALL = 'All';
const STATUSES = ['Open', 'Retried', 'Resolved'];
/** How often a running bulk job's progress is read. */
export const PROGRESS_POLL_MS = 2000;
const NO_CLASS_ACCESS = /access to the Apex class/i;

function messageOf(error, fallback) {
    const message = error?.body?.message;
    if (!message) {
        return fallback;
    }
    return NO_CLASS_ACCESS.test(message) ? LABELS.NO_ACCESS : message;
}

/**
 * The admins' failure console (tab Sendbird Failure Console): the sync failure log under filters
 * (status, error code, operation) in keyset pages loaded as the admin scrolls, Retry and Resolve
 * for the selected open records and for everything matching the filters (a background job with
 * progress for large sets). Field and status labels come from the object's metadata. Every
 * request carries a sequence number, so a slow answer for an old filter never replaces a newer one.
 */
export default class SendbirdFailureConsole extends NavigationMixin(LightningElement) {
    labels = LABELS;
    filter = { status: OPEN, errorCode: '', operation: '' };
    rows = [];
    counts;
    errorCodes = [];
    operations = [];
    nextCursor;
    selectedIds = [];
    errorMessage;
    /** What the last action did (a polite live region). */
    outcomeMessage;
    loading = true;
    loadingMore = false;
    busy = false;
    job;
    sequence = 0;
    objectInfo;
    statusLabels = {};
    pollTimer;

    @wire(getObjectInfo, { objectApiName: FAILURE_OBJECT })
    wiredObjectInfo({ data }) {
        if (data) {
            this.objectInfo = data;
        }
    }

    @wire(getPicklistValues, {
        recordTypeId: '$objectInfo.defaultRecordTypeId',
        fieldApiName: STATUS_FIELD
    })
    wiredStatuses({ data }) {
        if (data) {
            this.statusLabels = Object.fromEntries(
                data.values.map((value) => [value.value, value.label])
            );
            this.rows = this.rows.map((row) => this.labelled(row));
        }
    }

    connectedCallback() {
        this.load();
    }

    disconnectedCallback() {
        clearTimeout(this.pollTimer);
    }

    get columns() {
        return columnsOf(this.objectInfo);
    }

    get statusOptions() {
        return [...STATUSES, ALL].map((status) => ({
            label: format(
                LABELS.OPTION_COUNT,
                status === ALL ? LABELS.ALL : (this.statusLabels[status] ?? status),
                this.counts?.[status] ?? 0
            ),
            value: status
        }));
    }

    get errorCodeOptions() {
        return this.optionsOf(this.errorCodes, this.filter.errorCode);
    }

    get operationOptions() {
        return this.optionsOf(this.operations, this.filter.operation);
    }

    optionsOf(values, current) {
        const all = current && !values.includes(current) ? [current, ...values] : values;
        return [{ label: LABELS.ANY, value: '' }, ...all.map((value) => ({ label: value, value }))];
    }

    /** Only open failures can be retried or resolved: the Retried and Resolved views have none. */
    get viewHasOpen() {
        return this.filter.status === OPEN || this.filter.status === ALL;
    }

    get selectedOpenIds() {
        const open = new Set(
            this.rows.filter((row) => row.Status__c === OPEN).map((row) => row.Id)
        );
        return this.selectedIds.filter((id) => open.has(id));
    }

    get selectionActionsDisabled() {
        return this.busy || Boolean(this.job) || this.selectedOpenIds.length === 0;
    }

    get matchingActionsDisabled() {
        return this.busy || Boolean(this.job) || !this.viewHasOpen || !this.counts?.[OPEN];
    }

    get hasRows() {
        return this.rows.length > 0;
    }

    get showEmpty() {
        return !this.loading && !this.errorMessage && !this.hasRows;
    }

    get selectionText() {
        return format(LABELS.SELECTED, this.selectedOpenIds.length);
    }

    get moreToLoad() {
        return Boolean(this.nextCursor);
    }

    get jobProgressText() {
        return this.job ? format(LABELS.JOB_PROGRESS, this.job.processed, this.job.total) : '';
    }

    get jobPercent() {
        return this.job?.total ? Math.round((100 * this.job.processed) / this.job.total) : 0;
    }

    /** Apex's filter: blank values do not filter. */
    apexFilter() {
        return {
            status: this.filter.status,
            errorCode: this.filter.errorCode || null,
            operation: this.filter.operation || null
        };
    }

    async load() {
        const sequence = ++this.sequence;
        this.loading = true;
        this.errorMessage = undefined;
        this.rows = [];
        this.nextCursor = undefined;
        this.selectedIds = [];
        try {
            const page = await listPage({ filter: this.apexFilter(), cursor: null });
            const rows = await this.rowsOf(page.failures);
            if (sequence !== this.sequence) {
                return;
            }
            this.rows = rows;
            this.nextCursor = page.nextCursor ?? undefined;
            this.counts = page.counts;
            this.errorCodes = page.errorCodes ?? [];
            this.operations = page.operations ?? [];
        } catch (error) {
            if (sequence === this.sequence) {
                this.errorMessage = messageOf(error, LABELS.LOAD_FAILED);
            }
        } finally {
            if (sequence === this.sequence) {
                this.loading = false;
            }
        }
    }

    /** lightning-datatable's infinite loading: the next keyset page. */
    async handleLoadMore() {
        if (!this.nextCursor || this.loadingMore || this.loading) {
            return;
        }
        const sequence = this.sequence;
        this.loadingMore = true;
        try {
            const page = await listPage({ filter: this.apexFilter(), cursor: this.nextCursor });
            const rows = await this.rowsOf(page.failures);
            if (sequence === this.sequence) {
                this.rows = [...this.rows, ...rows];
                this.nextCursor = page.nextCursor ?? undefined;
            }
        } catch (error) {
            if (sequence === this.sequence) {
                this.errorMessage = messageOf(error, LABELS.LOAD_FAILED);
                this.nextCursor = undefined;
            }
        } finally {
            this.loadingMore = false;
        }
    }

    /** Failure records as table rows: record links from NavigationMixin, related names. */
    async rowsOf(failures) {
        return Promise.all(
            failures.map(async (failure) => {
                const [recordUrl, caseUrl] = await Promise.all([
                    this[NavigationMixin.GenerateUrl](
                        this.recordPage(failure.Id, 'Sendbird_Sync_Failure__c')
                    ),
                    failure.Case__c
                        ? this[NavigationMixin.GenerateUrl](
                              this.recordPage(failure.Case__c, 'Case')
                          )
                        : undefined
                ]);
                return this.labelled({
                    ...failure,
                    recordUrl,
                    caseUrl,
                    caseNumber: failure.Case__r?.CaseNumber,
                    userName: failure.Salesforce_User__r?.Name
                });
            })
        );
    }

    labelled(row) {
        return { ...row, statusLabel: this.statusLabels[row.Status__c] ?? row.Status__c };
    }

    recordPage(recordId, objectApiName) {
        return {
            type: 'standard__recordPage',
            attributes: { recordId, objectApiName, actionName: 'view' }
        };
    }

    handleFilterChange(event) {
        const name = event.target.dataset.filter;
        this.filter = { ...this.filter, [name]: event.detail.value };
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
        this.act(retry, LABELS.RETRIED_OUTCOME);
    }

    handleResolve() {
        this.act(resolve, LABELS.RESOLVED_OUTCOME);
    }

    async act(action, outcomeLabel) {
        this.busy = true;
        this.errorMessage = undefined;
        this.outcomeMessage = undefined;
        try {
            const outcome = await action({ failureIds: this.selectedOpenIds });
            this.outcomeMessage = format(
                outcomeLabel,
                outcome.changed,
                outcome.selected,
                outcome.selected - outcome.changed
            );
            await this.load();
        } catch (error) {
            this.errorMessage = messageOf(error, LABELS.ACTION_FAILED);
        } finally {
            this.busy = false;
        }
    }

    handleRetryMatching() {
        this.actOnMatching(retryMatching, LABELS.MATCHING_RETRIED);
    }

    handleResolveMatching() {
        this.actOnMatching(resolveMatching, LABELS.MATCHING_RESOLVED);
    }

    async actOnMatching(action, outcomeLabel) {
        this.busy = true;
        this.errorMessage = undefined;
        this.outcomeMessage = undefined;
        try {
            const outcome = await action({ filter: this.apexFilter() });
            if (outcome.jobId) {
                this.outcomeMessage = format(LABELS.JOB_STARTED, outcome.matched);
                this.job = { id: outcome.jobId, matched: outcome.matched, processed: 0, total: 0 };
                this.pollProgress();
                return;
            }
            this.outcomeMessage =
                outcome.matched === 0
                    ? LABELS.NONE_MATCHING
                    : format(outcomeLabel, outcome.changed, outcome.matched);
            await this.load();
        } catch (error) {
            this.errorMessage = messageOf(error, LABELS.ACTION_FAILED);
        } finally {
            this.busy = false;
        }
    }

    pollProgress() {
        clearTimeout(this.pollTimer);
        // eslint-disable-next-line @lwc/lwc/no-async-operation
        this.pollTimer = setTimeout(() => this.readProgress(), PROGRESS_POLL_MS);
    }

    async readProgress() {
        if (!this.job) {
            return;
        }
        try {
            const progress = await bulkProgress({ jobId: this.job.id });
            this.job = { ...this.job, processed: progress.processed, total: progress.total };
            if (!progress.done) {
                this.pollProgress();
                return;
            }
            this.outcomeMessage =
                progress.status === 'Completed'
                    ? format(LABELS.JOB_DONE, this.job.matched, progress.errors)
                    : format(
                          LABELS.JOB_FAILED,
                          [progress.status, progress.detail].filter(Boolean).join(': ')
                      );
            this.job = undefined;
            await this.load();
        } catch (error) {
            this.job = undefined;
            this.errorMessage = messageOf(error, LABELS.ACTION_FAILED);
        }
    }
}
