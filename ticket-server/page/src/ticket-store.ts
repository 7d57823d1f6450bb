import type { PageSession, TicketCreated } from './types';

const KEY = 'sendbird-ticket';

/** What the page keeps across reloads: the ticket once made, else the pending submission. */
export interface SavedState {
    ticket?: TicketCreated;
    /** The last submission and its Idempotency-Key: sending it again can never make a second ticket. */
    pending?: { body: string; key: string };
    session?: PageSession;
}

/** The page's state in sessionStorage (see storage.ts), read and written whole. */
export class TicketStore {
    constructor(private readonly storage: Storage) {}

    load(): SavedState {
        try {
            const parsed = JSON.parse(this.storage.getItem(KEY) ?? '{}') as SavedState;
            return typeof parsed === 'object' && parsed !== null ? parsed : {};
        } catch {
            return {};
        }
    }

    update(change: Partial<SavedState>): SavedState {
        const next = { ...this.load(), ...change };
        this.storage.setItem(KEY, JSON.stringify(next));
        return next;
    }
}
