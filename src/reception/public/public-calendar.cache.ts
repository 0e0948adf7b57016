import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import { CacheInvalidationBus } from '../../common/cache/cache-invalidation.bus.js';

export interface CachedRepresentation {
  /** Encoded once: a cache hit sends these bytes as they are. */
  body: Buffer;
  /** Strong validator: a hash of the body. */
  etag: string;
  contentType: string;
  /** The HTTP status to answer with (an HTML page with a bad filter is a 400). */
  status: number;
  /**
   * The same body gzipped once, with its own strong tag (RFC 9110 §8.8.3: another content coding is
   * another representation), for clients that accept it — every browser; null for a small body.
   */
  gzip: { body: Buffer; etag: string } | null;
}

/** Bodies smaller than this are sent as they are: gzip would save a packet at most. */
export const GZIP_MIN_BYTES = 1024;
const gzipped = promisify(gzip);

/** A rendered body with its tag and, when worth it, its gzipped copy: done once, at cache fill. */
export async function representation(rendered: {
  body: string;
  contentType: string;
  status: number;
}): Promise<CachedRepresentation> {
  const body = Buffer.from(rendered.body, 'utf8');
  const etag = etagOf(body);
  const gzip =
    body.length >= GZIP_MIN_BYTES
      ? { body: await gzipped(body, { level: 9 }), etag: `${etag.slice(0, -1)}-gz"` }
      : null;
  return { contentType: rendered.contentType, status: rendered.status, body, etag, gzip };
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
      .then(representation)
      .then((value) => {
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
