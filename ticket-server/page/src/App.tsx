import { useCallback, useEffect, useMemo, useState } from 'react';
import { createTicket, loadPageNotice, startPageSession } from './api';
import { ChatView } from './ChatView';
import { TicketForm } from './TicketForm';
import type { TicketStore } from './ticket-store';
import type { TicketCreated, TicketRequest } from './types';

/**
 * Form first; the chat once the ticket exists. The ticket, the pending submission's
 * Idempotency-Key and the page session live in sessionStorage (TicketStore), so a reload shows
 * the chat again, and resending after a failure reuses the key: never a second ticket.
 */
export function App({ identityToken, store }: { identityToken?: string; store: TicketStore }) {
    const saved = useMemo(() => store.load(), [store]);
    const [ticket, setTicket] = useState<TicketCreated | undefined>(saved.ticket);
    const [session, setSession] = useState(saved.session);
    const [busy, setBusy] = useState(false);
    const [error, setError] = useState<string>();
    const [notice, setNotice] = useState<string>();

    // The operator's banner (PAGE_NOTICE): a staging site, or the local demo's stand-in.
    useEffect(() => {
        void loadPageNotice().then(setNotice);
    }, []);

    // A host-site token is short-lived: trade it for a page session at once, on load.
    useEffect(() => {
        if (identityToken === undefined) return;
        void startPageSession(identityToken).then((started) => {
            if (started) setSession(store.update({ session: started }).session);
        });
    }, [identityToken, store]);

    const submit = async (request: TicketRequest) => {
        const credential =
            session && session.expiresAt > Date.now()
                ? { sessionToken: session.sessionToken }
                : identityToken
                  ? { identityToken }
                  : {};
        const body = JSON.stringify(request);
        const previous = store.load().pending;
        const pending = previous?.body === body ? previous : { body, key: crypto.randomUUID() };
        store.update({ pending });
        setBusy(true);
        setError(undefined);
        const result = await createTicket({ ...request, ...credential }, pending.key);
        setBusy(false);
        if (result.ok) {
            store.update({ ticket: result.ticket, pending: undefined });
            setTicket(result.ticket);
        } else setError(result.failure.message);
    };

    const onToken = useCallback(
        (accessToken: string) => {
            const current = store.load().ticket;
            if (current) store.update({ ticket: { ...current, accessToken } });
        },
        [store]
    );

    return (
        <>
            {notice && (
                <p className="page-notice" role="note">
                    {notice}
                </p>
            )}
            {ticket ? (
                <ChatView ticket={ticket} onToken={onToken} />
            ) : (
                <TicketForm busy={busy} error={error} onSubmit={(r) => void submit(r)} />
            )}
        </>
    );
}
