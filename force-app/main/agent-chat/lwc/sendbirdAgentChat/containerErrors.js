/**
 * What the agent reads when the chat container reports `sendbird:error`: the code, the
 * container's message and a next step per code (docs/agent-chat.md). Unknown codes get a
 * generic next step; nothing is dropped.
 */
import ERROR_FORMAT from '@salesforce/label/c.Sendbird_Chat_Error_Format';
import NEXT_CONNECT_FAILED from '@salesforce/label/c.Sendbird_Chat_Next_Connect_Failed';
import NEXT_TOKEN_REFRESH_FAILED from '@salesforce/label/c.Sendbird_Chat_Next_Token_Refresh_Failed';
import NEXT_CHANNEL_OPEN_FAILED from '@salesforce/label/c.Sendbird_Chat_Next_Channel_Open_Failed';
import NEXT_CONTAINER_ERROR from '@salesforce/label/c.Sendbird_Chat_Next_Container_Error';
import NEXT_PROTOCOL_MISMATCH from '@salesforce/label/c.Sendbird_Chat_Next_Protocol_Mismatch';
import NEXT_UNKNOWN from '@salesforce/label/c.Sendbird_Chat_Next_Unknown';
import { format } from 'c/sendbirdFormat';

/** Codes whose next step is the host's own Retry (a fresh token from Apex). */
export const HOST_RETRY_CODES = ['token-refresh-failed'];

const NEXT_STEPS = {
    'connect-failed': NEXT_CONNECT_FAILED,
    'token-refresh-failed': NEXT_TOKEN_REFRESH_FAILED,
    'channel-open-failed': NEXT_CHANNEL_OPEN_FAILED,
    'container-error': NEXT_CONTAINER_ERROR,
    'protocol-mismatch': NEXT_PROTOCOL_MISMATCH
};

/**
 * @param {{code: string | number, message: string}} error a valid `sendbird:error`
 * @returns {{code: string, text: string, nextStep: string, hostRetry: boolean}} what to show
 */
export function describeContainerError(error) {
    const code = String(error.code);
    return {
        code,
        text: format(ERROR_FORMAT, code, error.message),
        nextStep: Object.prototype.hasOwnProperty.call(NEXT_STEPS, code)
            ? NEXT_STEPS[code]
            : NEXT_UNKNOWN,
        hostRetry: HOST_RETRY_CODES.includes(code)
    };
}
