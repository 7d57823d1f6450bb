/**
 * The failure console's text, all Custom Labels. Counts go into whole sentences with
 * placeholders ({0}), never into sentences assembled from English words.
 */
import TITLE from '@salesforce/label/c.Sendbird_Console_Title';
import HELP from '@salesforce/label/c.Sendbird_Console_Help';
import STATUS from '@salesforce/label/c.Sendbird_Console_Status';
import ERROR_CODE from '@salesforce/label/c.Sendbird_Console_Error_Code';
import OPERATION from '@salesforce/label/c.Sendbird_Console_Operation';
import ANY from '@salesforce/label/c.Sendbird_Console_Any';
import ALL from '@salesforce/label/c.Sendbird_Console_All';
import OPTION_COUNT from '@salesforce/label/c.Sendbird_Console_Option_Count';
import RETRY_SELECTED from '@salesforce/label/c.Sendbird_Console_Retry_Selected';
import RESOLVE_SELECTED from '@salesforce/label/c.Sendbird_Console_Resolve_Selected';
import RETRY_MATCHING from '@salesforce/label/c.Sendbird_Console_Retry_Matching';
import RESOLVE_MATCHING from '@salesforce/label/c.Sendbird_Console_Resolve_Matching';
import REFRESH from '@salesforce/label/c.Sendbird_Console_Refresh';
import LOADING from '@salesforce/label/c.Sendbird_Console_Loading';
import SELECTED from '@salesforce/label/c.Sendbird_Console_Selected';
import EMPTY from '@salesforce/label/c.Sendbird_Console_Empty';
import RETRIED_OUTCOME from '@salesforce/label/c.Sendbird_Console_Retried_Outcome';
import RESOLVED_OUTCOME from '@salesforce/label/c.Sendbird_Console_Resolved_Outcome';
import MATCHING_RETRIED from '@salesforce/label/c.Sendbird_Console_Matching_Retried';
import MATCHING_RESOLVED from '@salesforce/label/c.Sendbird_Console_Matching_Resolved';
import NONE_MATCHING from '@salesforce/label/c.Sendbird_Console_None_Matching';
import JOB_STARTED from '@salesforce/label/c.Sendbird_Console_Job_Started';
import JOB_PROGRESS from '@salesforce/label/c.Sendbird_Console_Job_Progress';
import JOB_DONE from '@salesforce/label/c.Sendbird_Console_Job_Done';
import JOB_FAILED from '@salesforce/label/c.Sendbird_Console_Job_Failed';
import LOAD_FAILED from '@salesforce/label/c.Sendbird_Console_Load_Failed';
import ACTION_FAILED from '@salesforce/label/c.Sendbird_Console_Action_Failed';
import NO_ACCESS from '@salesforce/label/c.Sendbird_Console_No_Access';
import COLUMN_FAILURE from '@salesforce/label/c.Sendbird_Console_Column_Failure';
import COLUMN_CASE from '@salesforce/label/c.Sendbird_Console_Column_Case';
import COLUMN_USER from '@salesforce/label/c.Sendbird_Console_Column_User';
import COLUMN_CREATED from '@salesforce/label/c.Sendbird_Console_Column_Created';
import COLUMN_ERROR from '@salesforce/label/c.Sendbird_Console_Column_Error';
import COLUMN_CHANNEL from '@salesforce/label/c.Sendbird_Console_Column_Channel';
import COLUMN_ATTEMPTS from '@salesforce/label/c.Sendbird_Console_Column_Attempts';

export default {
    TITLE,
    HELP,
    STATUS,
    ERROR_CODE,
    OPERATION,
    ANY,
    ALL,
    OPTION_COUNT,
    RETRY_SELECTED,
    RESOLVE_SELECTED,
    RETRY_MATCHING,
    RESOLVE_MATCHING,
    REFRESH,
    LOADING,
    SELECTED,
    EMPTY,
    RETRIED_OUTCOME,
    RESOLVED_OUTCOME,
    MATCHING_RETRIED,
    MATCHING_RESOLVED,
    NONE_MATCHING,
    JOB_STARTED,
    JOB_PROGRESS,
    JOB_DONE,
    JOB_FAILED,
    LOAD_FAILED,
    ACTION_FAILED,
    NO_ACCESS,
    COLUMN_FAILURE,
    COLUMN_CASE,
    COLUMN_USER,
    COLUMN_CREATED,
    COLUMN_ERROR,
    COLUMN_CHANNEL,
    COLUMN_ATTEMPTS
};
