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
 * What a hit costs (docs/reception.md, "Reading the numbers"): the limiter's client pipelines
 * automatically (`enableAutoPipelining`): the hits of every request that arrives in one turn of the event
 * loop go to Redis in one write and come back in one read, instead of a write and a read each — the round
 * trip per request was the largest single cost of a cached public page. Each hit is still its own atomic
 * script, counted in Redis before the request goes on. A client over the limit is also blocked in this
 * process (`inMemoryBlockOnConsumed`) for the rest of its block, so a flood from one address costs no Redis
 * command at all once refused; the block is in Redis too, so every other instance refuses it as well.
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
      enableAutoPipelining: true,
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
   * Forgets every counter and block of this deployment (QUEUE_PREFIX) in Redis, and the blocks this
   * process holds in memory: tests start from zero with it; in production it lifts every block at once
   * (another instance's in-memory copy of a block still runs to its end, a minute at most).
   */
  async reset(): Promise<void> {
    await this.connected();
    let cursor = '0';
    do {
      const [next, keys] = await this.client.scan(cursor, 'MATCH', `${this.keyPrefix}:*`, 'COUNT', 1000);
      if (keys.length > 0) await this.client.unlink(...keys);
      cursor = next;
    } while (cursor !== '0');
    // The blocks held in this process's memory go with them (new limiters start empty).
    this.limiters.clear();
  }

  /** Resolves once the limiter's Redis connection is up (until then hits are counted in this process). */
  async connected(): Promise<void> {
    if (this.client.status === 'ready') return;
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('Redis is not reachable')), 5000);
      this.client.once('ready', () => {
        clearTimeout(timer);
        resolve();
      });
    });
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
        // Once over the limit, refused here without asking Redis until the block ends.
        inMemoryBlockOnConsumed: limit + 1,
        inMemoryBlockDuration: seconds(blockDuration),
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
