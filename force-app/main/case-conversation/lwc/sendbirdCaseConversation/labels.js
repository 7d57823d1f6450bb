/**
 * The Case panel's text, all Custom Labels (translated in Setup → Translation Workbench).
 */
import TITLE from '@salesforce/label/c.Sendbird_Panel_Title';
import JOIN from '@salesforce/label/c.Sendbird_Panel_Join';
import LEAVE from '@salesforce/label/c.Sendbird_Panel_Leave';
import OPEN_IN_CHAT from '@salesforce/label/c.Sendbird_Panel_Open_In_Chat';
import REFRESH from '@salesforce/label/c.Sendbird_Panel_Refresh';
import LOADING from '@salesforce/label/c.Sendbird_Panel_Loading';
import CHANNEL from '@salesforce/label/c.Sendbird_Panel_Channel';
import TRANSCRIPT from '@salesforce/label/c.Sendbird_Panel_Transcript';
import TRANSCRIPT_PENDING from '@salesforce/label/c.Sendbird_Panel_Transcript_Pending';
import SUMMARY from '@salesforce/label/c.Sendbird_Panel_Summary';
import SHOW_MORE from '@salesforce/label/c.Sendbird_Panel_Show_More';
import SHOW_LESS from '@salesforce/label/c.Sendbird_Panel_Show_Less';
import MEMBERS from '@salesforce/label/c.Sendbird_Panel_Members';
import MEMBERS_LOADING from '@salesforce/label/c.Sendbird_Panel_Members_Loading';
import NO_CHANNEL from '@salesforce/label/c.Sendbird_Panel_No_Channel';
import YOU from '@salesforce/label/c.Sendbird_Panel_You';
import MORE_MEMBERS from '@salesforce/label/c.Sendbird_Panel_More_Members';
import NO_MEMBERS from '@salesforce/label/c.Sendbird_Panel_No_Members';
import JOIN_TO_OPEN from '@salesforce/label/c.Sendbird_Panel_Join_To_Open';
import ONLINE from '@salesforce/label/c.Sendbird_Panel_Member_Online';
import OFFLINE from '@salesforce/label/c.Sendbird_Panel_Member_Offline';
import INVITED_ONLINE from '@salesforce/label/c.Sendbird_Panel_Member_Invited_Online';
import INVITED_OFFLINE from '@salesforce/label/c.Sendbird_Panel_Member_Invited_Offline';
import FAILURES from '@salesforce/label/c.Sendbird_Panel_Failures';
import FAILURE_LINE from '@salesforce/label/c.Sendbird_Panel_Failure_Line';
import NO_FAILURES from '@salesforce/label/c.Sendbird_Panel_No_Failures';
import RETRY_FAILURE from '@salesforce/label/c.Sendbird_Panel_Retry_Failure';
import JOINED from '@salesforce/label/c.Sendbird_Panel_Joined';
import LEFT from '@salesforce/label/c.Sendbird_Panel_Left';
import OPENING from '@salesforce/label/c.Sendbird_Panel_Opening';
import OPENED from '@salesforce/label/c.Sendbird_Panel_Opened';
import OPEN_FAILED from '@salesforce/label/c.Sendbird_Panel_Open_Failed';
import NO_CHAT_ANSWER from '@salesforce/label/c.Sendbird_Panel_No_Chat_Answer';
import NO_OPEN_CONFIRMATION from '@salesforce/label/c.Sendbird_Panel_No_Open_Confirmation';
import QUEUED_AGAIN from '@salesforce/label/c.Sendbird_Panel_Queued_Again';
import NO_LONGER_OPEN from '@salesforce/label/c.Sendbird_Panel_No_Longer_Open';
import LOAD_FAILED from '@salesforce/label/c.Sendbird_Panel_Load_Failed';
import MEMBERS_FAILED from '@salesforce/label/c.Sendbird_Panel_Members_Failed';
import CHANGE_FAILED from '@salesforce/label/c.Sendbird_Panel_Change_Failed';
import FAILURES_FAILED from '@salesforce/label/c.Sendbird_Panel_Failures_Failed';
import RETRY_FAILED from '@salesforce/label/c.Sendbird_Panel_Retry_Failed';
import NO_ACCESS from '@salesforce/label/c.Sendbird_Panel_No_Access';
import NO_FAILURE_ACCESS from '@salesforce/label/c.Sendbird_Panel_No_Failure_Access';

export default {
    TITLE,
    JOIN,
    LEAVE,
    OPEN_IN_CHAT,
    REFRESH,
    LOADING,
    CHANNEL,
    TRANSCRIPT,
    TRANSCRIPT_PENDING,
    SUMMARY,
    SHOW_MORE,
    SHOW_LESS,
    MEMBERS,
    MEMBERS_LOADING,
    NO_CHANNEL,
    YOU,
    MORE_MEMBERS,
    NO_MEMBERS,
    JOIN_TO_OPEN,
    ONLINE,
    OFFLINE,
    INVITED_ONLINE,
    INVITED_OFFLINE,
    FAILURES,
    FAILURE_LINE,
    NO_FAILURES,
    RETRY_FAILURE,
    JOINED,
    LEFT,
    OPENING,
    OPENED,
    OPEN_FAILED,
    NO_CHAT_ANSWER,
    NO_OPEN_CONFIRMATION,
    QUEUED_AGAIN,
    NO_LONGER_OPEN,
    LOAD_FAILED,
    MEMBERS_FAILED,
    CHANGE_FAILED,
    FAILURES_FAILED,
    RETRY_FAILED,
    NO_ACCESS,
    NO_FAILURE_ACCESS
};
