import type { SendbirdProviderProps } from '@sendbird/uikit-react/SendbirdProvider';

/**
 * Voice messages need lamejs (about 57 KB zipped). Builds leave it out unless they run with
 * SENDBIRD_VOICE_MESSAGES=on; UIKit then loads it once the chat is up, never before.
 */
export const VOICE_MESSAGES = process.env.SENDBIRD_VOICE_MESSAGES === 'on';

/** What agents need: typing indicators and read receipts in the list and the conversation. */
export const UIKIT_OPTIONS: SendbirdProviderProps['uikitOptions'] = {
    groupChannel: {
        enableTypingIndicator: true,
        enableVoiceMessage: VOICE_MESSAGES,
        input: { enableDocument: true }
    },
    groupChannelList: {
        enableTypingIndicator: true,
        enableMessageReceiptStatus: true
    }
};

/**
 * No local cache: it lives in IndexedDB, which the cross-site container iframe may not get,
 * and an agent's chat should not outlive the console session on a shared machine.
 */
export const SDK_INIT_PARAMS: SendbirdProviderProps['sdkInitParams'] = {
    localCacheEnabled: false
};
