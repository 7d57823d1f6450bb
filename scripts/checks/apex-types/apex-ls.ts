import { spawn } from 'node:child_process';
import {
    analyzerClasspath,
    analyzerJarDir,
    QUICK_JVM_OPTIONS,
    requireJavaRuntime
} from '../../lib/java';
import { classCache } from '../../lib/jvm-class-cache';
import { toolCacheDir } from '../../lib/tool-cache';

export interface ApexLsMessage {
    start: { line: number; offset: number };
    category: string;
    message: string;
}

export interface ApexLsReport {
    files: { path: string; messages: ApexLsMessage[] }[];
}

/** apex-ls exits 0 when clean and 4 when it reports issues; anything else is a crash. */
const EXIT_CLEAN = 0;
const EXIT_ISSUES = 4;

/**
 * apex-ls's own analysis cache (cleared by `npm ci` with node_modules). Entries are keyed by
 * file content and checked against what they depend on: probed on apex-ls 6.0.2, a warm
 * cache still reports a call to a method renamed in another class and a field whose metadata was
 * removed, and takes truncated or empty entries as misses (apex-ls-cache.test.ts keeps the first
 * two proven). With it, a workspace that differs in one file (every gates-bite copy, the strict
 * pass) is checked in about 1.1 s instead of 2.6 s.
 */
export const APEX_LS_CACHE_DIR = toolCacheDir('apex-ls');

/**
 * Runs apex-ls's CheckForIssues over an SFDX workspace. Asynchronous, so that several workspaces
 * can be checked at once.
 */
export function runApexLs(workspace: string, cacheDir = APEX_LS_CACHE_DIR): Promise<ApexLsReport> {
    const java = requireJavaRuntime();
    const classes = classCache(java, 'apex-ls', analyzerJarDir());
    const args = [
        ...QUICK_JVM_OPTIONS,
        ...classes.options,
        '-cp',
        analyzerClasspath(),
        'io.github.apexdevtools.apexls.CheckForIssues',
        '--cacheDir',
        cacheDir,
        '--format',
        'json',
        '--workspace',
        workspace
    ];
    return new Promise((resolve, reject) => {
        const child = spawn(java.command, args);
        let stdout = '';
        let stderr = '';
        child.stdout.on('data', (chunk) => (stdout += chunk));
        child.stderr.on('data', (chunk) => (stderr += chunk));
        child.on('error', reject);
        child.on('close', (code) => {
            classes.finish(code === EXIT_CLEAN || code === EXIT_ISSUES);
            if (code !== EXIT_CLEAN && code !== EXIT_ISSUES) {
                reject(new Error(`apex-ls failed (exit ${code}): ${stderr || stdout}`));
                return;
            }
            try {
                resolve(JSON.parse(stdout) as ApexLsReport);
            } catch (error) {
                reject(new Error(`apex-ls printed no JSON report: ${String(error)}\n${stdout}`));
            }
        });
    });
}
