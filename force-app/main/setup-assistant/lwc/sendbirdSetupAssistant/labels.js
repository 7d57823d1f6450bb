/**
 * The Setup assistant's text, all Custom Labels.
 */
import CHECKLIST_TITLE from '@salesforce/label/c.Sendbird_Setup_Checklist_Title';
import RUN_AGAIN from '@salesforce/label/c.Sendbird_Setup_Run_Again';
import RUNNING from '@salesforce/label/c.Sendbird_Setup_Running';
import CHECKS_FAILED from '@salesforce/label/c.Sendbird_Setup_Checks_Failed';
import CHECKS_LIST from '@salesforce/label/c.Sendbird_Setup_Checks_List';
import SUMMARY from '@salesforce/label/c.Sendbird_Setup_Summary';
import PASSED from '@salesforce/label/c.Sendbird_Setup_Passed';
import FAILED from '@salesforce/label/c.Sendbird_Setup_Failed';
import UNKNOWN from '@salesforce/label/c.Sendbird_Setup_Unknown';
import FIX from '@salesforce/label/c.Sendbird_Setup_Fix';
import OPEN_SETUP from '@salesforce/label/c.Sendbird_Setup_Open_Setup';
import HANDOFF_TITLE from '@salesforce/label/c.Sendbird_Setup_Handoff_Title';
import SEND from '@salesforce/label/c.Sendbird_Setup_Send';
import HANDOFF_HELP from '@salesforce/label/c.Sendbird_Setup_Handoff_Help';
import WORKING from '@salesforce/label/c.Sendbird_Setup_Working';
import ERROR from '@salesforce/label/c.Sendbird_Error_Assistive';
import CASE from '@salesforce/label/c.Sendbird_Setup_Case';
import CHANNEL_URL from '@salesforce/label/c.Sendbird_Setup_Channel_Url';
import YOUR_USER from '@salesforce/label/c.Sendbird_Setup_Your_User';
import HANDOFF_SHOWN from '@salesforce/label/c.Sendbird_Setup_Handoff_Shown';
import PENDING from '@salesforce/label/c.Sendbird_Setup_Pending';
import CLEAN_UP from '@salesforce/label/c.Sendbird_Setup_Clean_Up';
import UNKNOWN_ERROR from '@salesforce/label/c.Sendbird_Setup_Unknown_Error';

export default {
    CHECKLIST_TITLE,
    RUN_AGAIN,
    RUNNING,
    CHECKS_FAILED,
    CHECKS_LIST,
    SUMMARY,
    PASSED,
    FAILED,
    UNKNOWN,
    FIX,
    OPEN_SETUP,
    HANDOFF_TITLE,
    SEND,
    HANDOFF_HELP,
    WORKING,
    ERROR,
    CASE,
    CHANNEL_URL,
    YOUR_USER,
    HANDOFF_SHOWN,
    PENDING,
    CLEAN_UP,
    UNKNOWN_ERROR
};
