import GroupChannel from '@sendbird/uikit-react/GroupChannel';
import GroupChannelList from '@sendbird/uikit-react/GroupChannelList';
import GroupChannelListHeader from '@sendbird/uikit-react/GroupChannelList/components/GroupChannelListHeader';
import { CaseChannelHeader } from './CaseChannelHeader';
import { SessionBar } from './SessionBar';

export interface ChatLayoutProps {
    /** The agent's Salesforce name, from init. */
    nickname?: string;
    channelUrl: string | undefined;
    /** Whether the agent can see the panel (`sendbird:visibility`). */
    visible: boolean;
    onSelectChannel: (channelUrl: string | undefined) => void;
    onOpenCase: (caseId: string) => void;
}

/**
 * The utility-bar panel (900×500): the agent's channels beside the conversation. Channels come
 * from Cases, so the list offers no "new channel" button.
 *
 * While the panel is hidden, the list selects nothing by itself and the conversation is not
 * mounted at all: UIKit's conversation marks messages read whenever it is scrolled to the bottom,
 * and some of its callbacks keep the `disableMarkAsRead` of an earlier render. Once the panel is
 * shown, the conversation mounts and marks read only what the agent now sees.
 */
export function ChatLayout({
    nickname,
    channelUrl,
    visible,
    onSelectChannel,
    onOpenCase
}: ChatLayoutProps) {
    return (
        <div className="agent-chat">
            <SessionBar nickname={nickname} />
            <div className="agent-chat__panes">
                <nav className="agent-chat__channels" aria-label="Case conversations">
                    <GroupChannelList
                        selectedChannelUrl={channelUrl}
                        disableAutoSelect={!visible}
                        onChannelSelect={(channel) => onSelectChannel(channel?.url)}
                        onChannelCreated={(channel) => onSelectChannel(channel.url)}
                        allowProfileEdit={false}
                        isTypingIndicatorEnabled
                        isMessageReceiptStatusEnabled
                        renderHeader={() => (
                            // The session bar names the agent; the list names what it holds.
                            <GroupChannelListHeader
                                renderMiddle={() => (
                                    <h2 className="agent-chat__list-title">Conversations</h2>
                                )}
                                renderRight={() => null}
                            />
                        )}
                    />
                </nav>
                <main className="agent-chat__conversation">
                    {!visible ? (
                        <p className="agent-chat__empty" data-testid="conversation-hidden">
                            The panel is minimised; messages stay unread until you open it.
                        </p>
                    ) : channelUrl ? (
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
