import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { classCache, type JavaRuntime } from '../jvm-class-cache';

const JAVA_17: JavaRuntime = {
    command: 'java',
    major: 17,
    version:
        'openjdk version "17.0.15"\nOpenJDK 64-Bit Server VM (build 17.0.15+6, mixed mode, sharing)'
};

/** The file a JVM started with these options would write on exit. */
function pendingArchive(options: string[]): string {
    const option = options.find((o) => o.startsWith('-XX:ArchiveClassesAtExit='));
    if (!option) throw new Error(`no ArchiveClassesAtExit in ${options.join(' ')}`);
    return option.slice('-XX:ArchiveClassesAtExit='.length);
}

describe('classCache', () => {
    let dir: string;
    let jars: string;
    let cache: string;

    beforeEach(() => {
        dir = mkdtempSync(path.join(os.tmpdir(), 'jvm-cds-test-'));
        jars = path.join(dir, 'jars');
        cache = path.join(dir, 'cache');
        mkdirSync(jars);
        writeFileSync(path.join(jars, 'apex-ls.jar'), 'jar one');
    });

    afterEach(() => rmSync(dir, { recursive: true, force: true }));

    it('writes an archive on the first run and uses it on the next', () => {
        const first = classCache(JAVA_17, 'apex-ls', jars, cache);
        expect(first.options).toContain('-Xlog:disable');
        writeFileSync(pendingArchive(first.options), 'archive');
        first.finish(true);

        const second = classCache(JAVA_17, 'apex-ls', jars, cache);
        const use = second.options.find((o) => o.startsWith('-XX:SharedArchiveFile='));
        expect(use).toBeDefined();
        expect(existsSync(use!.slice('-XX:SharedArchiveFile='.length))).toBe(true);
    });

    it('drops the archive of a failed run', () => {
        const first = classCache(JAVA_17, 'apex-ls', jars, cache);
        writeFileSync(pendingArchive(first.options), 'archive');
        first.finish(false);
        expect(readdirSync(cache)).toEqual([]);
        expect(classCache(JAVA_17, 'apex-ls', jars, cache).options.join(' ')).toContain(
            'ArchiveClassesAtExit'
        );
    });

    it('makes a new archive when a jar or the runtime changes, and removes the old one', () => {
        const first = classCache(JAVA_17, 'apex-ls', jars, cache);
        writeFileSync(pendingArchive(first.options), 'archive');
        first.finish(true);

        writeFileSync(path.join(jars, 'apex-ls.jar'), 'jar two, updated');
        const afterUpdate = classCache(JAVA_17, 'apex-ls', jars, cache);
        writeFileSync(pendingArchive(afterUpdate.options), 'archive 2');
        afterUpdate.finish(true);
        expect(readdirSync(cache)).toHaveLength(1);

        const otherJava = { ...JAVA_17, version: JAVA_17.version.replaceAll('17.0.15', '17.0.16') };
        expect(classCache(otherJava, 'apex-ls', jars, cache).options.join(' ')).toContain(
            'ArchiveClassesAtExit'
        );
    });

    it('adds nothing on a VM other than HotSpot, whose options differ', () => {
        const openJ9 = { ...JAVA_17, version: 'openjdk version "17.0.15"\nEclipse OpenJ9 VM' };
        expect(classCache(openJ9, 'apex-ls', jars, cache).options).toEqual([]);
    });

    it('adds nothing on Java 11 and 12, which cannot write such an archive', () => {
        const java11 = { ...JAVA_17, major: 11 };
        expect(classCache(java11, 'apex-ls', jars, cache).options).toEqual([]);
    });
});
