/**
 * The 201 body of POST /createticket: what the customer page needs to open the chat. Shared by
 * the server and the page (types only, so the page's bundle gets no server code).
 */
export interface TicketCreated {
    caseId: string;
    caseNumber: string;
    channelUrl: string;
    userId: string;
    accessToken: string;
    /** Sent to POST /chat-token for a new `accessToken` when Sendbird asks for one. */
    chatRefreshToken: string;
    appId: string;
    /** Only when the server is configured with non-default chat hosts (tests, proxies). */
    apiHost?: string;
    wsHost?: string;
}

/** POST /session's answer: the page session an identity token was exchanged for. */
export interface PageSession {
    sessionToken: string;
    /** Epoch milliseconds. */
    expiresAt: number;
}

/** POST /chat-token's answer. */
export interface ChatToken {
    accessToken: string;
}
