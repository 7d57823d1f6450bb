import { useRef, useState } from 'react';
import { createTicket } from './api';
import { ChatView } from './ChatView';
import { TicketForm } from './TicketForm';
import type { TicketCreated, TicketRequest } from './types';

/** Form first; the chat once the ticket exists. */
export function App({ identityToken }: { identityToken?: string }) {
    const [ticket, setTicket] = useState<TicketCreated>();
    const [busy, setBusy] = useState(false);
    const [error, setError] = useState<string>();
    // One key per distinct submission: resending the same form reuses it.
    const submission = useRef<{ body: string; key: string }>();

    const submit = async (request: TicketRequest) => {
        const full = { ...request, ...(identityToken ? { identityToken } : {}) };
        const body = JSON.stringify(full);
        if (submission.current?.body !== body) {
            submission.current = { body, key: crypto.randomUUID() };
        }
        setBusy(true);
        setError(undefined);
        const result = await createTicket(full, submission.current.key);
        setBusy(false);
        if (result.ok) setTicket(result.ticket);
        else setError(result.failure.message);
    };

    if (ticket) return <ChatView ticket={ticket} />;
    return <TicketForm busy={busy} error={error} onSubmit={(r) => void submit(r)} />;
}
