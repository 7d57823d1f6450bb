export interface StatusScreenProps {
    title: string;
    detail?: string;
    /** Shows a spinner: something is under way. */
    busy?: boolean;
    /** Shows a Retry button: the screen reports a failure. */
    onRetry?: () => void;
}

/** A full-panel message: waiting for the host or Sendbird, or a failure with Retry. */
export function StatusScreen({ title, detail, busy = false, onRetry }: StatusScreenProps) {
    return (
        <section
            className="agent-status"
            role={onRetry ? 'alert' : 'status'}
            aria-busy={busy}
            data-testid="agent-status"
        >
            {busy && <span className="agent-status__spinner" aria-hidden="true" />}
            <h1 className="agent-status__title">{title}</h1>
            {detail && <p className="agent-status__detail">{detail}</p>}
            {onRetry && (
                <button type="button" className="agent-status__retry" onClick={onRetry}>
                    Retry
                </button>
            )}
        </section>
    );
}
