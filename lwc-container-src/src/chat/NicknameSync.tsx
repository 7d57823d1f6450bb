import { useEffect, useRef } from 'react';
import useSendbirdStateContext from '@sendbird/uikit-react/useSendbirdStateContext';

/**
 * Makes the agent's Sendbird nickname their Salesforce name (init's `nickname`) once connected,
 * and only when it differs: customers see this name on every reply. Renders nothing.
 */
export function NicknameSync({ nickname }: { nickname: string | undefined }) {
    const { stores } = useSendbirdStateContext();
    const { sdk, initialized } = stores.sdkStore;
    const current = stores.userStore.user?.nickname;
    const tried = useRef(false);
    useEffect(() => {
        if (!initialized || !sdk || !nickname || current === nickname || tried.current) {
            return;
        }
        tried.current = true;
        sdk.updateCurrentUserInfo({ nickname }).catch((error: unknown) => {
            console.warn('Could not set the Sendbird nickname; customers see the old one.', error);
        });
    }, [sdk, initialized, nickname, current]);
    return null;
}
