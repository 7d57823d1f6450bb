import { useEffect } from 'react';
import useSendbirdStateContext from '@sendbird/uikit-react/useSendbirdStateContext';
import type { OpenRequest } from '../protocol/host-signals';
import type { HostBridge } from '../protocol/types';
import { describeError } from '../session/connect-errors';

/**
 * Answers the host's `sendbird:open-channel` (`request`): once connected, looks the channel up,
 * focuses it and sends `sendbird:channel-opened`, or `sendbird:error` (`channel-open-failed`)
 * when the agent cannot open it (not a member yet, no such channel). A request made before UIKit
 * connected waits for the connection. `onDone` hears that the request was answered. Renders nothing.
 */
export function ChannelOpener({
    bridge,
    request,
    onOpened,
    onDone
}: {
    bridge: HostBridge;
    request: OpenRequest | null;
    onOpened: (channelUrl: string) => void;
    onDone: (request: OpenRequest) => void;
}) {
    const { sdk, initialized } = useSendbirdStateContext().stores.sdkStore;
    const requested = request;

    useEffect(() => {
        if (!requested || !initialized || !sdk) {
            return undefined;
        }
        let current = true;
        const { channelUrl } = requested;
        sdk.groupChannel.getChannel(channelUrl).then(
            (channel: { url: string }) => {
                if (current) {
                    onDone(requested);
                    onOpened(channel.url);
                    bridge.send({ type: 'sendbird:channel-opened', channelUrl: channel.url });
                }
            },
            (error: unknown) => {
                if (current) {
                    onDone(requested);
                    bridge.send({
                        type: 'sendbird:error',
                        code: 'channel-open-failed',
                        message: describeError(error),
                        channelUrl
                    });
                }
            }
        );
        return () => {
            current = false;
        };
    }, [requested, initialized, sdk, bridge, onOpened, onDone]);
    return null;
}
