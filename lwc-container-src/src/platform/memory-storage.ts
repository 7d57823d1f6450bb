/**
 * A Storage kept in memory. In the cross-site container iframe `localStorage` throws (or is
 * partitioned and lost), yet UIKit reads and writes it after connecting; giving it this one
 * means nothing relies on browser storage and nothing outlives the page.
 */
export class MemoryStorage implements Storage {
    private readonly items = new Map<string, string>();

    get length(): number {
        return this.items.size;
    }

    key(index: number): string | null {
        return [...this.items.keys()][index] ?? null;
    }

    getItem(key: string): string | null {
        return this.items.get(String(key)) ?? null;
    }

    setItem(key: string, value: string): void {
        this.items.set(String(key), String(value));
    }

    removeItem(key: string): void {
        this.items.delete(String(key));
    }

    clear(): void {
        this.items.clear();
    }

    [name: string]: unknown;
}

/** Replaces `window.localStorage` with a MemoryStorage, whether or not the real one works. */
export function installMemoryStorage(scope: Window): MemoryStorage {
    const storage = new MemoryStorage();
    Object.defineProperty(scope, 'localStorage', {
        configurable: true,
        enumerable: true,
        get: () => storage
    });
    return storage;
}
