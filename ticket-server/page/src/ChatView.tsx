import { useState } from 'react';
import SendbirdProvider from '@sendbird/uikit-react/SendbirdProvider';
import GroupChannel from '@sendbird/uikit-react/GroupChannel';
import '@sendbird/uikit-react/dist/index.css';
import type { TicketCreated } from './types';

/**
 * UIKit's channel view for the ticket's channel, logged in with the session token. When
 * Sendbird cannot be reached UIKit would spin forever, so a failed connection is shown instead.
 */
export function ChatView({ ticket }: { ticket: TicketCreated }) {
    const [failed, setFailed] = useState(false);
    return (
        <section className="chat" aria-label={`Chat about ticket ${ticket.caseNumber}`}>
            <p className="ticket-number">
                Ticket <strong>{ticket.caseNumber}</strong>
            </p>
            {failed && (
                <p className="form-error" role="alert">
                    The chat could not connect. Your ticket {ticket.caseNumber} is saved; please
                    reload the page to try again, or wait for an agent to contact you.
                </p>
            )}
            <div className="chat-frame" data-testid="chat-view">
                <SendbirdProvider
                    appId={ticket.appId}
                    userId={ticket.userId}
                    accessToken={ticket.accessToken}
                    customApiHost={ticket.apiHost}
                    customWebSocketHost={ticket.wsHost}
                    eventHandlers={{ connection: { onFailed: () => setFailed(true) } }}
                >
                    <GroupChannel channelUrl={ticket.channelUrl} />
                </SendbirdProvider>
            </div>
        </section>
    );
}
