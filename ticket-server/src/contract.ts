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
    appId: string;
    /** Only when the server is configured with non-default chat hosts (tests, proxies). */
    apiHost?: string;
    wsHost?: string;
}
