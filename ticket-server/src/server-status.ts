/** What /healthz reports: draining on shutdown, and warnings found at start-up or since. */
export class ServerStatus {
    draining = false;
    private readonly found = new Set<string>();

    constructor(readonly store: string) {}

    /** Adds a warning; true the first time it is seen (so it is logged once). */
    warn(message: string): boolean {
        if (this.found.has(message)) return false;
        this.found.add(message);
        return true;
    }

    warnings(): string[] {
        return [...this.found];
    }
}
