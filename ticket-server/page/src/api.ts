import type { ChatToken, PageSession, TicketCreated, TicketFailure, TicketRequest } from './types';

interface ErrorBody {
    error?: { code?: string; message?: string; caseNumber?: string };
}

/**
 * POST /createticket. The Idempotency-Key belongs to one submission: sending it again (after a
 * network error, say) can never create a second ticket.
 */
export async function createTicket(
    request: TicketRequest,
    idempotencyKey: string
): Promise<{ ok: true; ticket: TicketCreated } | { ok: false; failure: TicketFailure }> {
    let response: Response;
    try {
        response = await fetch('createticket', {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'idempotency-key': idempotencyKey },
            body: JSON.stringify(request)
        });
    } catch {
        return {
            ok: false,
            failure: {
                status: 0,
                message: 'We could not reach the server. Check your connection and try again.'
            }
        };
    }
    const body = (await response.json().catch(() => ({}))) as TicketCreated & ErrorBody;
    if (response.status === 201) return { ok: true, ticket: body };
    return { ok: false, failure: describeFailure(response.status, body) };
}

/** Clear words for each failure the server can give. */
export function describeFailure(status: number, body: ErrorBody): TicketFailure {
    const detail = body.error?.message;
    switch (status) {
        case 400:
            return {
                status,
                message: `Please check the form: ${detail ?? 'something in it is not valid.'}`
            };
        case 401:
            return {
                status,
                message: detail ?? 'Please sign in on our website to open a support chat.'
            };
        case 429:
            return {
                status,
                message: 'Too many requests from your network. Please wait a minute and try again.'
            };
        case 502:
            return {
                status,
                message:
                    detail ?? 'Our support system is not answering. Please try again in a moment.',
                caseNumber: body.error?.caseNumber
            };
        default:
            return {
                status,
                message: detail ?? `Something went wrong (HTTP ${status}). Please try again.`
            };
    }
}

/** POST /session: the identity token from the URL for a page session that lasts hours. */
export async function startPageSession(identityToken: string): Promise<PageSession | undefined> {
    try {
        const response = await fetch('session', {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ identityToken })
        });
        return response.ok ? ((await response.json()) as PageSession) : undefined;
    } catch {
        return undefined;
    }
}

/** POST /chat-token: a fresh Sendbird session token for the ticket's chat. */
export async function refreshChatToken(chatRefreshToken: string): Promise<string> {
    const response = await fetch('chat-token', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ chatRefreshToken })
    });
    if (!response.ok)
        throw new Error(`The chat token could not be refreshed (HTTP ${response.status}).`);
    return ((await response.json()) as ChatToken).accessToken;
}

/** GET /page-config: the operator's notice (PAGE_NOTICE), if any; none when it cannot be read. */
export async function loadPageNotice(): Promise<string | undefined> {
    try {
        const response = await fetch('page-config');
        if (!response.ok) return undefined;
        const { notice } = (await response.json()) as { notice?: unknown };
        return typeof notice === 'string' && notice !== '' ? notice : undefined;
    } catch {
        return undefined;
    }
}
