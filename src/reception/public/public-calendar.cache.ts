import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { CacheInvalidationBus } from '../../common/cache/cache-invalidation.bus.js';

export interface CachedRepresentation {
  /** Encoded once: a cache hit sends these bytes as they are. */
  body: Buffer;
  /** Strong validator: a hash of the body. */
  etag: string;
  contentType: string;
  /** The HTTP status to answer with (an HTML page with a bad filter is a 400). */
  status: number;
}

/** How long a rendered representation is served without looking at the database again. */
export const PUBLIC_CACHE_TTL_MS = 30_000;
const MAX_ENTRIES = 1000;

export function etagOf(body: string | Buffer): string {
  return `"${createHash('sha256').update(body).digest('base64url').slice(0, 32)}"`;
}

/** The cache invalidation topic of the public calendar (ADR 0012). */
export const PUBLIC_CALENDAR_TOPIC = 'public-calendar';

/**
 * Rendered public calendar representations (page, JSON, iCalendar), keyed by format and filters. Every
 * schedule or session command empties it after commit, in this process at once and in every other API
 * instance through the cache invalidation bus (Redis pub/sub, ADR 0012) a few milliseconds later; with
 * Redis away, another instance's change shows here within PUBLIC_CACHE_TTL_MS at most (docs/reception.md).
 */
@Injectable()
export class PublicCalendarCache {
  private readonly entries = new Map<string, { value: CachedRepresentation; expiresAt: number }>();
  /** Renders under way, so a burst of requests for a cold key renders once. */
  private readonly inflight = new Map<string, Promise<CachedRepresentation>>();
  private generation = 0;

  constructor(private readonly bus: CacheInvalidationBus) {
    bus.on(PUBLIC_CALENDAR_TOPIC, () => this.invalidateLocally());
  }

  get(
    key: string,
    render: () => Promise<{ body: string; contentType: string; status: number }>,
  ): Promise<CachedRepresentation> {
    const hit = this.entries.get(key);
    if (hit && hit.expiresAt > Date.now()) return Promise.resolve(hit.value);
    const running = this.inflight.get(key);
    if (running) return running;
    const generation = this.generation;
    const promise = render()
      .then((rendered) => {
        const body = Buffer.from(rendered.body, 'utf8');
        const value = { ...rendered, body, etag: etagOf(body) };
        // A change committed while rendering may be missing from it: serve it once, do not keep it.
        if (generation === this.generation) {
          if (this.entries.size >= MAX_ENTRIES)
            this.entries.delete(this.entries.keys().next().value as string);
          this.entries.set(key, { value, expiresAt: Date.now() + PUBLIC_CACHE_TTL_MS });
        }
        return value;
      })
      .finally(() => {
        if (this.inflight.get(key) === promise) this.inflight.delete(key);
      });
    this.inflight.set(key, promise);
    return promise;
  }

  /** Called after a change to schedules or sessions has committed: here and in every other instance. */
  invalidate(): void {
    this.invalidateLocally();
    this.bus.publish(PUBLIC_CALENDAR_TOPIC);
  }

  /** Empties this process's copy (another instance's change, told by the bus). */
  invalidateLocally(): void {
    this.generation += 1;
    this.entries.clear();
    this.inflight.clear();
  }
}
