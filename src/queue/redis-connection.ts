import type { RedisOptions } from 'ioredis';
import type { AppConfig } from '../config/app-config.js';

/**
 * BullMQ connection settings. Workers must never give up on a command (`maxRetriesPerRequest: null`);
 * producers in the API fail fast instead (`enableOfflineQueue: false`) so a request is never held up by
 * a dead Redis — the database is the source of truth and a sweep re-enqueues what was missed.
 */
export function redisConnection(config: AppConfig, role: 'producer' | 'worker'): RedisOptions {
  return {
    host: config.redis.host,
    port: config.redis.port,
    password: config.redis.password,
    db: config.redis.db,
    maxRetriesPerRequest: role === 'worker' ? null : 1,
    enableOfflineQueue: role === 'worker',
    connectTimeout: 5000,
    retryStrategy: (times) => Math.min(200 * times, 5000),
  };
}
