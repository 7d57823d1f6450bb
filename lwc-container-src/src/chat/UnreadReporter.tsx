import { useEffect } from 'react';
import useSendbirdStateContext from '@sendbird/uikit-react/useSendbirdStateContext';
import type { HostBridge } from '../protocol/types';
import { watchUnreadCount } from '../session/unread';

/** Tells the host the unread total (`sendbird:unread`) whenever it changes. Renders nothing. */
export function UnreadReporter({ bridge }: { bridge: HostBridge }) {
    const { sdk, initialized } = useSendbirdStateContext().stores.sdkStore;
    useEffect(() => {
        if (!initialized || !sdk) {
            return undefined;
        }
        return watchUnreadCount(sdk, (count) => bridge.send({ type: 'sendbird:unread', count }));
    }, [bridge, sdk, initialized]);
    return null;
}
