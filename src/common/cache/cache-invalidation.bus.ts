import { Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { Redis } from 'ioredis';
import { AppConfig } from '../../config/app-config.js';
import { redisConnection } from '../../queue/redis-connection.js';

type Listener = () => void;

/**
 * Tells every API instance that a cache of theirs is out of date (ADR 0012): Redis pub/sub on one
 * channel, `<QUEUE_PREFIX>:cache-invalidation`, whose messages are `<topic> <instance id>`. A cache calls
 * `publish(topic)` after a change has committed and has emptied itself; every other instance's listener
 * for the topic empties its copy when the message arrives (a few milliseconds later).
 *
 * Messages are not stored: an instance that was not subscribed at the time (Redis away, the subscriber
 * reconnecting) would miss one, so every listener is also called each time the subscription is (re)made.
 * With Redis down no message goes anywhere; what bounds staleness then is each cache's own expiry.
 */
@Injectable()
export class CacheInvalidationBus implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(CacheInvalidationBus.name);
  private readonly listeners = new Map<string, Listener[]>();
  private readonly channel: string;
  private readonly instanceId: string;
  private readonly publisher: Redis;
  private readonly subscriber: Redis;
  private failureLogged = false;
  private readonly sent = { count: 0 };
  private readonly received = { count: 0 };

  constructor(config: AppConfig) {
    this.channel = `${config.queue.prefix}:cache-invalidation`;
    this.instanceId = config.instanceId;
    // Publishing fails fast (a request never waits for Redis); the subscriber reconnects for ever.
    this.publisher = new Redis({ ...redisConnection(config, 'producer'), lazyConnect: true });
    this.subscriber = new Redis({ ...redisConnection(config, 'worker'), lazyConnect: true });
    this.publisher.on('error', () => undefined);
    this.subscriber.on('error', () => undefined);
    this.subscriber.on('message', (channel: string, message: string) => this.onMessage(channel, message));
    // Subscribed again after a reconnection (ioredis re-subscribes): what was missed meanwhile is dropped.
    this.subscriber.on('ready', () => this.everyListener());
  }

  onModuleInit(): void {
    // Nothing here waits: Redis being away must not keep the process from starting.
    this.publisher.connect().catch(() => undefined);
    this.subscriber.connect().catch(() => undefined);
    this.subscriber.subscribe(this.channel).catch((error: unknown) => this.failed('subscribe', error));
  }

  /** Resolves once this instance receives the channel's messages (tests, the load harness). */
  async subscribed(): Promise<void> {
    await this.subscriber.subscribe(this.channel);
  }

  /** Calls `listener` when another instance publishes `topic` (and after each reconnection). */
  on(topic: string, listener: Listener): void {
    if (/\s/.test(topic)) throw new Error(`cache topic without spaces expected: ${topic}`);
    this.listeners.set(topic, [...(this.listeners.get(topic) ?? []), listener]);
  }

  /** Tells the other instances; never throws, never waits for a dead Redis. */
  publish(topic: string): void {
    this.sent.count += 1;
    this.publisher
      .publish(this.channel, `${topic} ${this.instanceId}`)
      .then(() => {
        this.failureLogged = false;
      })
      .catch((error: unknown) => this.failed('publish', error));
  }

  /** Messages sent and received by this instance (for /metrics and tests). */
  counts(): { sent: number; received: number } {
    return { sent: this.sent.count, received: this.received.count };
  }

  private onMessage(channel: string, message: string): void {
    if (channel !== this.channel) return;
    const [topic, from] = message.split(' ');
    if (from === this.instanceId) return;
    this.received.count += 1;
    for (const listener of this.listeners.get(topic) ?? []) listener();
  }

  private everyListener(): void {
    for (const listeners of this.listeners.values()) for (const listener of listeners) listener();
  }

  private failed(what: string, error: unknown): void {
    if (this.failureLogged) return;
    this.failureLogged = true;
    this.logger.warn(
      `Cache invalidation could not ${what} on Redis (${error instanceof Error ? error.message : 'unknown error'}); caches expire on their own meanwhile`,
    );
  }

  onApplicationShutdown(): void {
    this.publisher.disconnect();
    this.subscriber.disconnect();
  }
}
