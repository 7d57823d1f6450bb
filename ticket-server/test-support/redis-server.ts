import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';

/** How to get redis-server where it is missing (CI's .ci/run does this). */
export const REDIS_INSTALL_HINT =
    'redis-server is not installed: run `sudo apt-get install -y redis-server` (Debian/Ubuntu), or `.ci/run`, which installs it.';

export interface RedisProcess {
    url: string;
    port: number;
    /** Stops the server (SIGKILL when `crash`, as an outage would). */
    stop(crash?: boolean): Promise<void>;
}

/**
 * A real Redis (Debian's redis-server) on a random loopback port, in memory only: no RDB or AOF
 * files, no config file. Fails with the install hint when redis-server is missing.
 */
export async function startRedis(port?: number): Promise<RedisProcess> {
    const binary = process.env.REDIS_SERVER ?? 'redis-server';
    if (spawnSync(binary, ['--version']).error) throw new Error(REDIS_INSTALL_HINT);
    const chosen = port ?? (await freePort());
    const child = spawn(
        binary,
        ['--port', String(chosen), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
        { stdio: ['ignore', 'pipe', 'pipe'] }
    );
    await new Promise<void>((resolve, reject) => {
        let output = '';
        const onData = (chunk: Buffer) => {
            output += chunk.toString();
            if (/Ready to accept connections/.test(output)) resolve();
        };
        child.stdout?.on('data', onData);
        child.stderr?.on('data', onData);
        child.once('exit', (code) =>
            reject(new Error(`redis-server exited with ${code}: ${output}`))
        );
    });
    return {
        url: `redis://127.0.0.1:${chosen}`,
        port: chosen,
        stop: (crash = false) => stop(child, crash)
    };
}

function stop(child: ChildProcess, crash: boolean): Promise<void> {
    if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
    return new Promise((resolve) => {
        child.once('exit', () => resolve());
        child.kill(crash ? 'SIGKILL' : 'SIGTERM');
    });
}

/** A loopback port nothing listens on right now. */
export async function freePort(): Promise<number> {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    await new Promise((resolve) => server.close(resolve));
    return port;
}
