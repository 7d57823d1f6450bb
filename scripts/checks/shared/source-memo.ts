/**
 * Remembers what a pure function of an Apex source text returned, for the life of this process.
 * ANTLR parsing is most of the Node-side gates' time, and the gates-bite proof runs the gates over
 * eleven copies of a project that differ in one file: each distinct text is now parsed once.
 * Keyed by the text itself, so an edited file is parsed again. Callers must not mutate results.
 */
export function memoBySource<T>(compute: (source: string) => T): (source: string) => T {
    const results = new Map<string, T>();
    return (source) => {
        if (!results.has(source)) results.set(source, compute(source));
        return results.get(source) as T;
    };
}
