import {
    installMemoryStorage,
    MemoryStorage
} from '../../../lwc-container-src/src/platform/memory-storage';

/** True when the browser lets this page use `storage` (embedded cross-site, it may throw). */
function usable(read: () => Storage): boolean {
    try {
        const storage = read();
        storage.setItem('sendbird-ticket-probe', '1');
        storage.removeItem('sendbird-ticket-probe');
        return true;
    } catch {
        return false;
    }
}

/**
 * The page's storage: sessionStorage, so a reload keeps the ticket and its chat (and closing the
 * tab forgets them). Where the browser blocks storage for an embedded page, both sessionStorage
 * and UIKit's localStorage become in-memory ones, as in the container app: the page works, and
 * only a reload forgets.
 */
export function pageStorage(scope: Window): Storage {
    if (!usable(() => scope.localStorage)) installMemoryStorage(scope);
    return usable(() => scope.sessionStorage) ? scope.sessionStorage : new MemoryStorage();
}
