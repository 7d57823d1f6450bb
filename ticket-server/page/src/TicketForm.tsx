import type { FormEvent, InputHTMLAttributes } from 'react';
import type { TicketRequest } from './types';

interface Props {
    busy: boolean;
    /** The last error, announced to screen readers and shown above the button. */
    error?: string;
    onSubmit(request: TicketRequest): void;
}

type FieldName = 'subject' | 'description' | 'name' | 'email';

/** A labelled input (or textarea); the label names it for screen readers. */
function Field({
    name,
    label,
    multiline,
    ...input
}: {
    name: FieldName;
    label: string;
    multiline?: boolean;
} & InputHTMLAttributes<HTMLInputElement>) {
    return (
        <>
            <label htmlFor={name}>
                {label}
                {input.required && <span aria-hidden="true"> *</span>}
            </label>
            {multiline ? (
                <textarea id={name} name={name} rows={5} maxLength={input.maxLength} />
            ) : (
                <input id={name} name={name} {...input} />
            )}
        </>
    );
}

/** The ticket form: labelled fields, native validation, and errors in a live region. */
export function TicketForm({ busy, error, onSubmit }: Props) {
    const submit = (event: FormEvent<HTMLFormElement>) => {
        event.preventDefault();
        const form = new FormData(event.currentTarget);
        const value = (name: FieldName) => String(form.get(name) ?? '').trim();
        const optional = (name: FieldName) => (value(name) ? { [name]: value(name) } : {});
        onSubmit({
            subject: value('subject'),
            ...optional('description'),
            ...optional('name'),
            ...optional('email')
        });
    };

    return (
        <form className="ticket-form" onSubmit={submit} aria-describedby="form-error">
            <h1>Contact support</h1>
            <p>Tell us what is wrong and we will open a chat with an agent.</p>
            <Field name="subject" label="Subject" required maxLength={255} />
            <Field name="description" label="Description" multiline maxLength={32000} />
            <Field name="name" label="Your name" autoComplete="name" maxLength={80} />
            <Field name="email" label="Email" type="email" autoComplete="email" maxLength={80} />
            <p id="form-error" className="form-error" role="alert">
                {error ?? ''}
            </p>
            <button type="submit" disabled={busy} aria-busy={busy}>
                {busy ? 'Creating your ticket…' : 'Start chat'}
            </button>
        </form>
    );
}
