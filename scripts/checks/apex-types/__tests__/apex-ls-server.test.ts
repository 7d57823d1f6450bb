import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runApexLs } from '../apex-ls';

/**
 * A `java` that passes the version probe and then dies as apex-ls's server would on a broken
 * installation: the gate must fail with what the JVM said, never hang or report a clean project.
 */
describe('runApexLs when the apex-ls JVM dies', () => {
    const javaHome = process.env.JAVA_HOME;
    let dir: string;

    beforeEach(() => {
        dir = mkdtempSync(path.join(os.tmpdir(), 'apex-ls-dies-'));
        mkdirSync(path.join(dir, 'bin'));
        const java = path.join(dir, 'bin', 'java');
        writeFileSync(
            java,
            [
                '#!/bin/sh',
                'if [ "$1" = "-version" ]; then echo \'openjdk version "17.0.1"\' >&2; exit 0; fi',
                'echo "Error: Could not find or load main class" >&2',
                'exit 1',
                ''
            ].join('\n')
        );
        chmodSync(java, 0o755);
        process.env.JAVA_HOME = dir;
    });

    afterEach(() => {
        if (javaHome === undefined) delete process.env.JAVA_HOME;
        else process.env.JAVA_HOME = javaHome;
        rmSync(dir, { recursive: true, force: true });
    });

    it('rejects with the exit code and what the JVM printed, and starts afresh next time', async () => {
        const failure = /apex-ls exited \(code 1\)\s+Error: Could not find or load main class/;
        await expect(runApexLs(dir)).rejects.toThrow(failure);
        await expect(runApexLs(dir)).rejects.toThrow(failure);
    });
});
