import { SessionHandler } from '@sendbird/chat';

/**
 * The SDK's session handler (UIKit's `configureSession`): when Sendbird says the customer's
 * session token is expiring, a new one comes from the ticket server (POST /chat-token), so a
 * chat can run longer than one token.
 */
export function refreshingSessionHandler(
    refresh: () => Promise<string>,
    onFailure: (error: Error) => void
): SessionHandler {
    return new SessionHandler({
        onSessionTokenRequired: (resolve, reject) => {
            refresh().then(resolve, (error: Error) => {
                onFailure(error);
                reject(error);
            });
        },
        onSessionError: onFailure,
        onSessionClosed: () => onFailure(new Error('Sendbird closed the session.'))
    });
}
