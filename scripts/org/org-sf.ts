import { execFile, spawnSync } from 'node:child_process';
import path from 'node:path';

/**
 * What `sf <command> --json` printed, reduced to the two shapes every sf command shares:
 * `{"status":0,"result":...}` on success and `{"name":...,"message":...,"status":N}` on failure.
 * Some commands (apex run test) print a result and a non-zero status together; `status` keeps it.
 */
export type SfOutcome =
    | { ok: true; status: number; result: unknown }
    | { ok: false; status: number; name: string; message: string; result?: unknown };

/** The Salesforce CLI as the scripts use it; tests pass a fake that replays fixture output. */
export interface SfCli {
    /** Runs `sf <args> --json` and returns its parsed output; never throws for a failed command. */
    json(args: string[]): Promise<SfOutcome>;
    /** Runs `sf <args>` with the terminal attached; returns its exit status. */
    interactive(args: string[]): number;
}

function isRecord(value: unknown): value is Record<string, unknown> {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Parses what `sf ... --json` printed on stdout. */
export function parseSfJson(stdout: string): SfOutcome {
    let parsed: unknown;
    try {
        parsed = JSON.parse(stdout);
    } catch {
        const head = stdout.trim().slice(0, 200) || '(nothing)';
        return { ok: false, status: 1, name: 'UnreadableOutput', message: `sf printed ${head}` };
    }
    if (!isRecord(parsed)) {
        return { ok: false, status: 1, name: 'UnreadableOutput', message: 'sf printed no object' };
    }
    const status = typeof parsed.status === 'number' ? parsed.status : 1;
    if (typeof parsed.name === 'string' && typeof parsed.message === 'string') {
        return { ok: false, status, name: parsed.name, message: parsed.message };
    }
    if (status === 0) return { ok: true, status, result: parsed.result };
    return {
        ok: false,
        status,
        name: 'CommandFailed',
        message: `sf exited with status ${status}`,
        result: parsed.result
    };
}

/**
 * Telemetry and update checks off: the scripts run sf often and must not wait on the network.
 * Both autoupdate names are needed: sf honours SF_AUTOUPDATE_DISABLE, but oclif's update hook
 * reads only SF_DISABLE_AUTOUPDATE, and an npm-installed sf that is given the first name alone
 * leaves the second unset, so each call spawned a background `sf update --autoupdate`.
 */
const QUIET_ENV = {
    SF_DISABLE_TELEMETRY: 'true',
    SF_AUTOUPDATE_DISABLE: 'true',
    SF_DISABLE_AUTOUPDATE: 'true',
    SF_SKIP_NEW_VERSION_CHECK: 'true'
};

/**
 * The project's own sf (a dev dependency), so every admin runs the version the tests check.
 * Each command gets the environment as it is when it runs: deploy-time values set after this
 * call (replacements, defaults) reach sf.
 */
export function projectSf(root: string): SfCli {
    const bin = path.join(root, 'node_modules', '.bin', 'sf');
    const childEnv = () => ({ ...process.env, ...QUIET_ENV });
    return {
        json: (args) =>
            new Promise((resolve) => {
                execFile(
                    bin,
                    [...args, '--json'],
                    { env: childEnv(), maxBuffer: 64 * 1024 * 1024 },
                    (error, stdout) => {
                        // A failed command still prints its JSON; only a missing binary has none.
                        if (error && !stdout) {
                            resolve({
                                ok: false,
                                status: 1,
                                name: 'SfNotRunnable',
                                message: `could not run ${bin}: ${error.message}. Run npm ci first.`
                            });
                            return;
                        }
                        resolve(parseSfJson(stdout));
                    }
                );
            }),
        interactive: (args) => {
            const result = spawnSync(bin, args, { stdio: 'inherit', env: childEnv() });
            return result.status ?? 1;
        }
    };
}
