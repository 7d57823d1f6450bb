import GroupChannel from '@sendbird/uikit-react/GroupChannel';
import GroupChannelList from '@sendbird/uikit-react/GroupChannelList';
import GroupChannelListHeader from '@sendbird/uikit-react/GroupChannelList/components/GroupChannelListHeader';
import { CaseChannelHeader } from './CaseChannelHeader';
import { SessionBar } from './SessionBar';

export interface ChatLayoutProps {
    channelUrl: string | undefined;
    onSelectChannel: (channelUrl: string | undefined) => void;
    onOpenCase: (caseId: string) => void;
}

/**
 * The utility-bar panel (900×500): the agent's channels beside the conversation. Channels come
 * from Cases, so the list offers no "new channel" button.
 */
export function ChatLayout({ channelUrl, onSelectChannel, onOpenCase }: ChatLayoutProps) {
    return (
        <div className="agent-chat">
            <SessionBar />
            <div className="agent-chat__panes">
                <nav className="agent-chat__channels" aria-label="Case conversations">
                    <GroupChannelList
                        selectedChannelUrl={channelUrl}
                        onChannelSelect={(channel) => onSelectChannel(channel?.url)}
                        onChannelCreated={(channel) => onSelectChannel(channel.url)}
                        allowProfileEdit={false}
                        isTypingIndicatorEnabled
                        isMessageReceiptStatusEnabled
                        renderHeader={() => <GroupChannelListHeader renderRight={() => null} />}
                    />
                </nav>
                <main className="agent-chat__conversation">
                    {channelUrl ? (
                        <GroupChannel
                            channelUrl={channelUrl}
                            renderChannelHeader={() => (
                                <CaseChannelHeader onOpenCase={onOpenCase} />
                            )}
                        />
                    ) : (
                        <p className="agent-chat__empty">Choose a conversation.</p>
                    )}
                </main>
            </div>
        </div>
    );
}
