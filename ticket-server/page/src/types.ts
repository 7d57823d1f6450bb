export type { ChatToken, PageSession, TicketCreated } from '../../src/contract';

/** What the customer types. */
export interface TicketRequest {
    subject: string;
    description?: string;
    name?: string;
    email?: string;
    identityToken?: string;
    sessionToken?: string;
}

/** A failed request, worded for the customer. */
export interface TicketFailure {
    status: number;
    message: string;
    /** A 502 after the Case exists still gives the customer their ticket number. */
    caseNumber?: string;
}
