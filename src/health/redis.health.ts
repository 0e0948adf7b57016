import { Injectable, type OnModuleDestroy } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { Redis } from 'ioredis';
import { AppConfig } from '../config/app-config.js';
import { redisServer } from '../queue/redis-connection.js';

/**
 * Pings Redis on its own connection that never queues commands while disconnected, so a dead Redis
 * answers "down" at once instead of hanging the health check.
 */
@Injectable()
export class RedisHealthIndicator implements OnModuleDestroy {
  private readonly client: Redis;

  constructor(
    config: AppConfig,
    private readonly indicator: HealthIndicatorService,
  ) {
    this.client = new Redis({
      ...redisServer(config),
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      connectTimeout: 2000,
      lazyConnect: false,
      retryStrategy: () => 1000,
    });
    // Reconnection is ioredis' job; an error event must not crash the process.
    this.client.on('error', () => undefined);
  }

  async check(key = 'redis') {
    const up = this.indicator.check(key);
    try {
      // Right after boot (or a reconnect) the connection may still be on its way: give it a moment.
      if (this.client.status !== 'ready') await this.readyWithin(1000);
      const answer = await Promise.race([
        this.client.ping(),
        new Promise<never>((_, reject) => setTimeout(() => reject(new Error('timeout')), 1500).unref()),
      ]);
      return answer === 'PONG' ? up.up() : up.down({ message: 'unexpected answer' });
    } catch {
      return up.down({ message: 'Redis is not reachable' });
    }
  }

  private readyWithin(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.client.off('ready', done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      timer.unref();
      this.client.once('ready', done);
    });
  }

  async onModuleDestroy() {
    this.client.disconnect();
  }
}
