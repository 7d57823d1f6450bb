import { installMemoryStorage, MemoryStorage } from '../memory-storage';

describe('MemoryStorage', () => {
    it('behaves like Storage', () => {
        const storage = new MemoryStorage();
        storage.setItem('a', '1');
        storage.setItem('b', '2');
        expect(storage.getItem('a')).toBe('1');
        expect(storage.getItem('missing')).toBeNull();
        expect(storage.length).toBe(2);
        expect(storage.key(1)).toBe('b');
        expect(storage.key(5)).toBeNull();
        storage.removeItem('a');
        expect(storage.getItem('a')).toBeNull();
        storage.clear();
        expect(storage.length).toBe(0);
    });
});

describe('installMemoryStorage', () => {
    it('replaces a localStorage that throws, as it does in a cross-site container iframe', () => {
        const scope = {} as Window;
        Object.defineProperty(scope, 'localStorage', {
            configurable: true,
            get() {
                throw new DOMException('Access is denied for this document.', 'SecurityError');
            }
        });
        const storage = installMemoryStorage(scope);
        scope.localStorage.setItem('sbu-key', 'value');
        expect(scope.localStorage).toBe(storage);
        expect(storage.getItem('sbu-key')).toBe('value');
    });

    it('keeps writes away from the browser storage', () => {
        const storage = installMemoryStorage(window);
        window.localStorage.setItem('sbu-key', 'value');
        expect(storage.getItem('sbu-key')).toBe('value');
        expect(Object.getPrototypeOf(window.localStorage)).toBe(MemoryStorage.prototype);
    });
});
