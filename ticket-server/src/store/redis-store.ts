import { Redis } from 'ioredis';
import { StoreUnavailableError, type SharedStore } from './shared-store';

/** Every key the server writes starts with this, so it can share a Redis with others. */
export const REDIS_KEY_PREFIX = 'sendbird-ticket-server:';

const COMPARE_AND_SET = `
if redis.call('GET', KEYS[1]) == ARGV[1] then
  redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3])
  return 1
end
return 0`;

const HIT = `
local count = redis.call('INCR', KEYS[1])
if count == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
return count`;

type ScriptedRedis = Redis & {
    compareAndSet(key: string, expected: string, value: string, ttlMs: number): Promise<number>;
    windowHit(key: string, windowMs: number): Promise<number>;
};

/**
 * A Redis client for the server, set to fail fast rather than wait: no offline queue (a command
 * while disconnected fails at once), one attempt per command, short connect and command
 * timeouts, and reconnection in the background. So a Redis outage costs a request a few
 * milliseconds, never a hang; callers carry on without the store.
 */
export function createRedisClient(url: string): Redis {
    return new Redis(url, {
        lazyConnect: true,
        enableOfflineQueue: false,
        maxRetriesPerRequest: 1,
        connectTimeout: 2_000,
        commandTimeout: 1_000,
        retryStrategy: (times) => Math.min(100 * 2 ** Math.min(times, 5), 2_000)
    });
}

/** The shared store on Redis (ioredis): SET NX PX, GET, SET PX, and two small Lua scripts. */
export class RedisStore implements SharedStore {
    readonly description: string;
    private readonly redis: ScriptedRedis;

    constructor(redis: Redis, url: string) {
        this.description = `redis ${redactRedisUrl(url)}`;
        redis.defineCommand('compareAndSet', { numberOfKeys: 1, lua: COMPARE_AND_SET });
        redis.defineCommand('windowHit', { numberOfKeys: 1, lua: HIT });
        this.redis = redis as ScriptedRedis;
    }

    setIfAbsent(key: string, value: string, ttlMs: number): Promise<boolean> {
        return this.run(
            async () =>
                (await this.redis.set(REDIS_KEY_PREFIX + key, value, 'PX', ttlMs, 'NX')) === 'OK'
        );
    }

    get(key: string): Promise<string | undefined> {
        return this.run(async () => (await this.redis.get(REDIS_KEY_PREFIX + key)) ?? undefined);
    }

    set(key: string, value: string, ttlMs: number): Promise<void> {
        return this.run(async () => {
            await this.redis.set(REDIS_KEY_PREFIX + key, value, 'PX', ttlMs);
        });
    }

    compareAndSet(key: string, expected: string, value: string, ttlMs: number): Promise<boolean> {
        return this.run(
            async () =>
                (await this.redis.compareAndSet(REDIS_KEY_PREFIX + key, expected, value, ttlMs)) ===
                1
        );
    }

    hit(key: string, windowMs: number): Promise<number> {
        return this.run(() => this.redis.windowHit(REDIS_KEY_PREFIX + key, windowMs));
    }

    async close(): Promise<void> {
        this.redis.disconnect();
    }

    private async run<T>(command: () => Promise<T>): Promise<T> {
        try {
            return await command();
        } catch (error) {
            throw new StoreUnavailableError(
                `Redis (${this.description}) failed: ${(error as Error).message}`,
                {
                    cause: error
                }
            );
        }
    }
}

/** The URL without its password, for logs and errors. */
export function redactRedisUrl(url: string): string {
    try {
        const parsed = new URL(url);
        if (parsed.password) parsed.password = '***';
        return parsed.toString();
    } catch {
        return '(unparseable URL)';
    }
}
