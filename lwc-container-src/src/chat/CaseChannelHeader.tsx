import GroupChannelHeader from '@sendbird/uikit-react/GroupChannel/components/GroupChannelHeader';
import { useGroupChannel } from '@sendbird/uikit-react/GroupChannel/context';
import { caseIdForChannel } from '../session/case-record';

/** UIKit's conversation header, with an "Open Case" action when the channel belongs to a Case. */
export function CaseChannelHeader({ onOpenCase }: { onOpenCase: (caseId: string) => void }) {
    const { currentChannel } = useGroupChannel().state;
    const caseId = currentChannel ? caseIdForChannel(currentChannel) : null;
    return (
        <GroupChannelHeader
            renderRight={() =>
                caseId ? (
                    <button
                        type="button"
                        className="agent-chat__open-case"
                        title={`Open Case ${caseId} in the console`}
                        onClick={() => onOpenCase(caseId)}
                    >
                        Open Case
                    </button>
                ) : null
            }
        />
    );
}
