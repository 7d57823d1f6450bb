import { useCallback, useState } from 'react';
import SendbirdProvider from '@sendbird/uikit-react/SendbirdProvider';
import GroupChannel from '@sendbird/uikit-react/GroupChannel';
import '@sendbird/uikit-react/dist/index.css';
import { refreshChatToken } from './api';
import { refreshingSessionHandler } from './chat-session';
import type { TicketCreated } from './types';

/**
 * UIKit's channel view for the ticket's channel, logged in with the session token, which is
 * refreshed through the server before it expires. When Sendbird cannot be reached UIKit would
 * spin for ever, so a failed connection replaces the chat with a message and a Retry button.
 */
export function ChatView({
    ticket,
    onToken
}: {
    ticket: TicketCreated;
    onToken(accessToken: string): void;
}) {
    const [failed, setFailed] = useState(false);
    const [attempt, setAttempt] = useState(0);
    const [accessToken, setAccessToken] = useState(ticket.accessToken);
    const configureSession = useCallback(
        () =>
            refreshingSessionHandler(
                async () => {
                    const fresh = await refreshChatToken(ticket.chatRefreshToken);
                    onToken(fresh);
                    return fresh;
                },
                () => setFailed(true)
            ),
        [ticket.chatRefreshToken, onToken]
    );
    const retry = async () => {
        // A stored token may have expired while the chat was away: ask for a fresh one first.
        const fresh = await refreshChatToken(ticket.chatRefreshToken).catch(() => undefined);
        if (fresh) {
            onToken(fresh);
            setAccessToken(fresh);
        }
        setFailed(false);
        setAttempt((n) => n + 1);
    };
    return (
        <section className="chat" aria-label={`Chat about ticket ${ticket.caseNumber}`}>
            <p className="ticket-number">
                Ticket <strong>{ticket.caseNumber}</strong>
            </p>
            {failed ? (
                <div className="chat-failed">
                    <p className="form-error" role="alert">
                        The chat could not connect. Your ticket {ticket.caseNumber} is saved, and an
                        agent will see it either way.
                    </p>
                    <button type="button" onClick={() => void retry()}>
                        Retry
                    </button>
                </div>
            ) : (
                <div className="chat-frame" data-testid="chat-view">
                    <SendbirdProvider
                        key={attempt}
                        appId={ticket.appId}
                        userId={ticket.userId}
                        accessToken={accessToken}
                        customApiHost={ticket.apiHost}
                        customWebSocketHost={ticket.wsHost}
                        configureSession={configureSession}
                        eventHandlers={{ connection: { onFailed: () => setFailed(true) } }}
                    >
                        <GroupChannel channelUrl={ticket.channelUrl} />
                    </SendbirdProvider>
                </div>
            )}
        </section>
    );
}
