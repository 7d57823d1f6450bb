/**
 * The Knowledge sync card's text, all Custom Labels (translated in Setup → Translation
 * Workbench). Counts go into whole sentences with placeholders ({0}).
 */
import TITLE from '@salesforce/label/c.Sendbird_Knowledge_Sync_Title';
import SYNC_NOW from '@salesforce/label/c.Sendbird_Knowledge_Sync_Now';
import INTRO from '@salesforce/label/c.Sendbird_Knowledge_Sync_Intro';
import WORKING from '@salesforce/label/c.Sendbird_Knowledge_Sync_Working';
import ERROR from '@salesforce/label/c.Sendbird_Error_Assistive';
import LAST_RUN from '@salesforce/label/c.Sendbird_Knowledge_Sync_Last_Run';
import STARTED from '@salesforce/label/c.Sendbird_Knowledge_Sync_Started';
import COUNTS from '@salesforce/label/c.Sendbird_Knowledge_Sync_Counts';
import COUNTS_LINE from '@salesforce/label/c.Sendbird_Knowledge_Sync_Counts_Line';
import NO_RUN from '@salesforce/label/c.Sendbird_Knowledge_Sync_No_Run';
import SCHEDULED from '@salesforce/label/c.Sendbird_Knowledge_Sync_Scheduled';
import NOT_SCHEDULED from '@salesforce/label/c.Sendbird_Knowledge_Sync_Not_Scheduled';
import ARTICLES from '@salesforce/label/c.Sendbird_Knowledge_Sync_Articles';
import UNKNOWN_ERROR from '@salesforce/label/c.Sendbird_Knowledge_Sync_Unknown_Error';
import STATUS_RUNNING from '@salesforce/label/c.Sendbird_Knowledge_Sync_Status_Running';
import STATUS_DONE from '@salesforce/label/c.Sendbird_Knowledge_Sync_Status_Done';
import STATUS_FAILED from '@salesforce/label/c.Sendbird_Knowledge_Sync_Status_Failed';
import STATUS_SKIPPED from '@salesforce/label/c.Sendbird_Knowledge_Sync_Status_Skipped';

export default {
    TITLE,
    SYNC_NOW,
    INTRO,
    WORKING,
    ERROR,
    LAST_RUN,
    STARTED,
    COUNTS,
    COUNTS_LINE,
    NO_RUN,
    SCHEDULED,
    NOT_SCHEDULED,
    ARTICLES,
    UNKNOWN_ERROR,
    /** Status__c is a text field holding these API values (SendbirdKnowledgePushRuns). */
    STATUS: {
        Running: STATUS_RUNNING,
        Done: STATUS_DONE,
        Failed: STATUS_FAILED,
        Skipped: STATUS_SKIPPED
    }
};
