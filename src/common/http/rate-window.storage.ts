import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import type { ThrottlerStorage } from '@nestjs/throttler';
import {
  hitRateWindow,
  newRateWindow,
  rateWindowIdle,
  type RateWindowAnswer,
  type RateWindowState,
} from '../domain/rate-window.js';

const SWEEP_MS = 60_000;

/**
 * The rate limiter's counters, in process memory: one small record per route and client (a sliding
 * window counter, src/common/domain/rate-window.ts), whatever the number of hits. Replaces
 * @nestjs/throttler's storage, which keeps a list of every hit in the window per key (docs/load.md).
 * Records idle for two windows are dropped once a minute.
 */
@Injectable()
export class RateWindowStorage implements ThrottlerStorage, OnApplicationShutdown {
  private readonly windows = new Map<string, RateWindowState>();
  private sweeper: NodeJS.Timeout | undefined;

  constructor(private readonly now: () => number = Date.now) {}

  /** Keys held now (for tests and the load harness). */
  get size(): number {
    return this.windows.size;
  }

  increment(
    key: string,
    ttl: number,
    limit: number,
    blockDuration: number,
    throttlerName: string,
  ): Promise<RateWindowAnswer> {
    const now = this.now();
    const id = `${throttlerName}\u0000${key}`;
    let state = this.windows.get(id);
    if (!state) {
      state = newRateWindow(now, ttl);
      this.windows.set(id, state);
      this.sweeper ??= setInterval(() => this.sweep(), SWEEP_MS).unref();
    }
    return Promise.resolve(hitRateWindow(state, now, ttl, limit, blockDuration));
  }

  sweep(): void {
    const now = this.now();
    for (const [id, state] of this.windows) if (rateWindowIdle(state, now)) this.windows.delete(id);
  }

  onApplicationShutdown(): void {
    clearInterval(this.sweeper);
    this.sweeper = undefined;
    this.windows.clear();
  }
}
