import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { toolCacheDir } from './tool-cache';

/** The first Java that can write an archive of the classes an application loaded (JEP 350). */
const MIN_DYNAMIC_ARCHIVE_JAVA = 13;

/**
 * JVM logging off except errors: a stale or unusable archive only makes the JVM print a warning
 * on stdout and run without it, and stdout is the analyser's report.
 */
const QUIET_LOGGING = ['-Xlog:disable', '-Xlog:all=error:stderr'];

export interface JavaRuntime {
    command: string;
    major: number;
    /** The full `java -version` text: vendor, build and VM. */
    version: string;
}

export interface ClassCache {
    /** JVM options: use the archive, or write it when this JVM exits. */
    options: string[];
    /** After the JVM exited: keeps a written archive when the run succeeded, else drops it. */
    finish(succeeded: boolean): void;
}

/** The options below are HotSpot's (OpenJDK, Temurin, Oracle); other VMs such as OpenJ9 differ. */
function isHotSpot(java: JavaRuntime): boolean {
    return /HotSpot|Server VM|Client VM/.test(java.version) && !/OpenJ9/.test(java.version);
}

/** One archive per runtime and jar set: a change to either (name, size or date) makes a new one. */
function archiveKey(java: JavaRuntime, jarDir: string): string {
    const hash = createHash('sha256').update(java.version);
    for (const jar of readdirSync(jarDir).sort()) {
        const stat = statSync(path.join(jarDir, jar));
        hash.update(`\n${jar} ${stat.size} ${stat.mtimeMs}`);
    }
    return hash.digest('hex').slice(0, 16);
}

/**
 * Class-data sharing for a short-lived analyser JVM (apex-ls runs a dozen times per `npm test`).
 * The first run writes the classes it loaded to an archive; later runs map that archive instead of
 * loading and verifying every class again (measured on apex-ls: 4.8 s → 3.0 s a run). It changes
 * how classes are loaded, never what the analyser reports; Java checks the archive against the
 * class path itself and ignores one that does not match. Concurrent first runs each write their
 * own file and the last rename wins.
 */
export function classCache(
    java: JavaRuntime,
    name: string,
    jarDir: string,
    cacheDir = toolCacheDir('jvm-cds')
): ClassCache {
    if (java.major < MIN_DYNAMIC_ARCHIVE_JAVA || !isHotSpot(java)) {
        return { options: [], finish: () => undefined };
    }
    const archive = path.join(cacheDir, `${name}-${archiveKey(java, jarDir)}.jsa`);
    if (existsSync(archive)) {
        return {
            options: [...QUIET_LOGGING, `-XX:SharedArchiveFile=${archive}`],
            finish: () => undefined
        };
    }
    mkdirSync(cacheDir, { recursive: true });
    const pending = `${archive}.${process.pid}.${Date.now()}.tmp`;
    return {
        options: [...QUIET_LOGGING, `-XX:ArchiveClassesAtExit=${pending}`],
        finish(succeeded) {
            if (!existsSync(pending)) return;
            if (!succeeded) {
                rmSync(pending, { force: true });
                return;
            }
            for (const old of readdirSync(cacheDir)) {
                const stale = old !== path.basename(archive) && old.startsWith(`${name}-`);
                if (stale && old.endsWith('.jsa')) {
                    rmSync(path.join(cacheDir, old), { force: true });
                }
            }
            renameSync(pending, archive);
        }
    };
}
