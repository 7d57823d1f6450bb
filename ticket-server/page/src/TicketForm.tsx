import { useRef, useState, type FormEvent } from 'react';
import type { TicketRequest } from './types';

interface Props {
    busy: boolean;
    /** The last error, announced to screen readers and shown above the button. */
    error?: string;
    onSubmit(request: TicketRequest): void;
}

/** The ticket form: labelled fields, native validation, and errors in a live region. */
export function TicketForm({ busy, error, onSubmit }: Props) {
    const [subject, setSubject] = useState('');
    const [description, setDescription] = useState('');
    const [name, setName] = useState('');
    const [email, setEmail] = useState('');
    const errorRef = useRef<HTMLParagraphElement>(null);

    const submit = (event: FormEvent) => {
        event.preventDefault();
        onSubmit({
            subject: subject.trim(),
            ...(description.trim() ? { description: description.trim() } : {}),
            ...(name.trim() ? { name: name.trim() } : {}),
            ...(email.trim() ? { email: email.trim() } : {})
        });
    };

    return (
        <form className="ticket-form" onSubmit={submit} aria-describedby="form-error">
            <h1>Contact support</h1>
            <p>Tell us what is wrong and we will open a chat with an agent.</p>
            <label htmlFor="subject">
                Subject <span aria-hidden="true">*</span>
            </label>
            <input
                id="subject"
                name="subject"
                required
                maxLength={255}
                value={subject}
                onChange={(e) => setSubject(e.target.value)}
            />
            <label htmlFor="description">Description</label>
            <textarea
                id="description"
                name="description"
                rows={5}
                maxLength={32000}
                value={description}
                onChange={(e) => setDescription(e.target.value)}
            />
            <label htmlFor="name">Your name</label>
            <input
                id="name"
                name="name"
                autoComplete="name"
                maxLength={80}
                value={name}
                onChange={(e) => setName(e.target.value)}
            />
            <label htmlFor="email">Email</label>
            <input
                id="email"
                name="email"
                type="email"
                autoComplete="email"
                maxLength={80}
                value={email}
                onChange={(e) => setEmail(e.target.value)}
            />
            <p id="form-error" ref={errorRef} className="form-error" role="alert">
                {error ?? ''}
            </p>
            <button type="submit" disabled={busy} aria-busy={busy}>
                {busy ? 'Creating your ticket…' : 'Start chat'}
            </button>
        </form>
    );
}
