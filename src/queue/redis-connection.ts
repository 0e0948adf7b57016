import type { RedisOptions } from 'ioredis';
import type { AppConfig } from '../config/app-config.js';

/**
 * BullMQ connection settings. Workers must never give up on a command (`maxRetriesPerRequest: null`);
 * producers in the API fail fast instead (`enableOfflineQueue: false`) so a request is never held up by
 * a dead Redis — the database is the source of truth and a sweep re-enqueues what was missed.
 */
export function redisConnection(config: AppConfig, role: 'producer' | 'worker'): RedisOptions {
  return {
    ...redisServer(config),
    maxRetriesPerRequest: role === 'worker' ? null : 1,
    enableOfflineQueue: role === 'worker',
    connectTimeout: 5000,
    retryStrategy: (times) => Math.min(200 * times, 5000),
  };
}

/**
 * Where Redis is: the one server of REDIS_HOST/REDIS_PORT, or the master the sentinels name
 * (REDIS_SENTINELS, REDIS_SENTINEL_MASTER). With Sentinel, ioredis asks a sentinel for the master on
 * every (re)connection, so a client whose master died reconnects to the promoted replica. ioredis'
 * `failoverDetector` stays off: with it, BullMQ's connections in the worker ended ("Connection is
 * closed") after a failover instead of following it (test/integration/escalations.int-spec.ts). Every
 * Redis client of the processes is built from this (docs/deployment.md).
 */
export function redisServer(config: AppConfig): RedisOptions {
  const common = { password: config.redis.password, db: config.redis.db };
  if (config.redis.sentinels.length === 0)
    return { ...common, host: config.redis.host, port: config.redis.port };
  return {
    ...common,
    sentinels: config.redis.sentinels,
    name: config.redis.masterName,
    // The sentinels share the data servers' password when they have one.
    sentinelPassword: config.redis.password,
    sentinelRetryStrategy: (times) => Math.min(200 * times, 2000),
  };
}
