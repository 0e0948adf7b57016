import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import type { ThrottlerStorage } from '@nestjs/throttler';
import { Redis } from 'ioredis';
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { AppConfig } from '../../config/app-config.js';
import { redisConnection } from '../../queue/redis-connection.js';
import type { RateWindowAnswer } from '../domain/rate-window.js';
import { RateWindowStorage } from './rate-window.storage.js';

/** A Redis command of the limiter that takes longer is given up: the request goes on counted locally. */
const COMMAND_TIMEOUT_MS = 500;
/** A failure of Redis is logged at most this often. */
const LOG_EVERY_MS = 60_000;

const seconds = (ms: number) => Math.max(0, Math.ceil(ms / 1000));

/**
 * The rate limiter's counters in Redis, shared by every API instance (ADR 0012): `rate-limiter-flexible`'s
 * `RateLimiterRedis` (one atomic Lua `INCRBY` + expiry per hit, a fixed window of the throttler's ttl, the
 * key blocked for the block duration once over the limit) behind @nestjs/throttler's storage interface.
 * Keys are `<QUEUE_PREFIX>:rate:<throttler>:<hash>`; the throttler hashes the route and the tracker
 * (account or address), so no address or account id is stored in Redis.
 *
 * Redis down, slow or not yet connected never holds a request up nor refuses it: the hit is counted in
 * this process instead (RateWindowStorage, the in-memory sliding window of docs/load.md), so a deployment
 * of N instances allows up to N times the limit while Redis is away, and exactly the limit otherwise.
 */
@Injectable()
export class RedisThrottlerStorage implements ThrottlerStorage, OnApplicationShutdown {
  private readonly logger = new Logger('RateLimit');
  private readonly client: Redis;
  private readonly limiters = new Map<string, RateLimiterRedis>();
  private readonly fallback = new RateWindowStorage();
  private lastFailureLogged = 0;
  private readonly keyPrefix: string;

  constructor(config: AppConfig) {
    this.client = new Redis({
      ...redisConnection(config, 'producer'),
      commandTimeout: COMMAND_TIMEOUT_MS,
    });
    // Reconnection is ioredis' job; an error event must not crash the process.
    this.client.on('error', () => undefined);
    this.keyPrefix = `${config.queue.prefix}:rate`;
  }

  async increment(
    key: string,
    ttl: number,
    limit: number,
    blockDuration: number,
    throttlerName: string,
  ): Promise<RateWindowAnswer> {
    const limiter = this.limiterFor(ttl, limit, blockDuration, throttlerName);
    try {
      const res = await limiter.consume(key);
      return {
        totalHits: res.consumedPoints,
        timeToExpire: seconds(res.msBeforeNext),
        isBlocked: false,
        timeToBlockExpire: 0,
      };
    } catch (outcome) {
      if (outcome instanceof RateLimiterRes) {
        return {
          totalHits: Math.max(outcome.consumedPoints, limit + 1),
          timeToExpire: seconds(outcome.msBeforeNext),
          isBlocked: true,
          timeToBlockExpire: Math.max(1, seconds(outcome.msBeforeNext)),
        };
      }
      this.redisFailed(outcome);
      return this.fallback.increment(key, ttl, limit, blockDuration, throttlerName);
    }
  }

  /**
   * Forgets every counter and block of this deployment (QUEUE_PREFIX), in every instance: tests start
   * from zero with it; in production it lifts every block at once.
   */
  async reset(): Promise<void> {
    if (this.client.status !== 'ready')
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('Redis is not reachable')), 5000);
        this.client.once('ready', () => {
          clearTimeout(timer);
          resolve();
        });
      });
    let cursor = '0';
    do {
      const [next, keys] = await this.client.scan(cursor, 'MATCH', `${this.keyPrefix}:*`, 'COUNT', 1000);
      if (keys.length > 0) await this.client.unlink(...keys);
      cursor = next;
    } while (cursor !== '0');
  }

  /** One limiter per throttler, window, limit and block duration (a handful in all). */
  private limiterFor(ttl: number, limit: number, blockDuration: number, name: string): RateLimiterRedis {
    const id = `${name}|${ttl}|${limit}|${blockDuration}`;
    let limiter = this.limiters.get(id);
    if (!limiter) {
      limiter = new RateLimiterRedis({
        storeClient: this.client,
        keyPrefix: `${this.keyPrefix}:${name}`,
        points: limit,
        duration: seconds(ttl),
        blockDuration: seconds(blockDuration),
        // Not connected: count locally at once rather than wait for a connection.
        rejectIfRedisNotReady: true,
      });
      this.limiters.set(id, limiter);
    }
    return limiter;
  }

  private redisFailed(error: unknown): void {
    const now = Date.now();
    if (now - this.lastFailureLogged < LOG_EVERY_MS) return;
    this.lastFailureLogged = now;
    this.logger.warn(
      `Redis did not answer the rate limiter (${error instanceof Error ? error.message : 'unknown error'}); counting in this process until it does`,
    );
  }

  onApplicationShutdown(): void {
    this.fallback.onApplicationShutdown();
    this.client.disconnect();
  }
}
