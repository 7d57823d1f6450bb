import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { MissingToolError } from './gate';

const MIN_JAVA = 11;

const HOW_TO_INSTALL =
    `Install Java ${MIN_JAVA} or later: on Debian/Ubuntu "sudo apt-get install -y openjdk-17-jre-headless", ` +
    'on macOS "brew install openjdk@17"; or point JAVA_HOME at an existing JDK. ' +
    '.ci/run installs it on CI machines.';

/** Major version from `java -version` output: `"17.0.15"` → 17, legacy `"1.8.0_292"` → 8. */
export function parseJavaMajor(versionOutput: string): number | undefined {
    const match = /version "(\d+)(?:\.(\d+))?/.exec(versionOutput);
    if (!match) return undefined;
    const first = Number(match[1]);
    return first === 1 && match[2] ? Number(match[2]) : first;
}

/** Java commands already probed in this process: `java -version` starts a JVM of its own. */
const probed = new Set<string>();

/** The java command to run (JAVA_HOME first), or a MissingToolError that says how to install it. */
export function requireJava(): string {
    const javaHome = process.env.JAVA_HOME;
    const command = javaHome ? path.join(javaHome, 'bin', 'java') : 'java';
    if (probed.has(command)) return command;
    const probe = spawnSync(command, ['-version'], { encoding: 'utf8' });
    if (probe.error || probe.status !== 0) {
        throw new MissingToolError(`"${command}" was not found. ${HOW_TO_INSTALL}`);
    }
    const major = parseJavaMajor(`${probe.stderr}${probe.stdout}`);
    if (major === undefined || major < MIN_JAVA) {
        throw new MissingToolError(`"${command}" is Java ${major ?? 'unknown'}. ${HOW_TO_INSTALL}`);
    }
    probed.add(command);
    return command;
}

/**
 * JVM options for the analysers, which run for seconds, not hours: the C1 compiler alone warms up
 * sooner than full tiered compilation, which never pays off at this length (measured: PMD 5.5 s →
 * 4.5 s a run; the apex-ls server over twelve workspaces 36 s → 19 s of CPU).
 */
export const QUICK_JVM_OPTIONS = ['-XX:TieredStopAtLevel=1'];

/** The folder of the apex-ls and PMD jars, shipped inside the Code Analyzer PMD engine package. */
export function analyzerJarDir(): string {
    const engineDir = path.dirname(
        require.resolve('@salesforce/code-analyzer-pmd-engine/package.json')
    );
    return path.join(engineDir, 'dist', 'java-lib');
}

/** The class path of apex-ls and PMD: every jar in analyzerJarDir(). */
export function analyzerClasspath(): string {
    return path.join(analyzerJarDir(), '*');
}
