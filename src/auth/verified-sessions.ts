import type { Actor } from './domain/actor.js';
import type { SessionUser } from './actor.resolver.js';

/** What a request's actor is made of once its session was read and found valid. */
export interface VerifiedSession {
  user: SessionUser;
  actor: Omit<Actor, 'requestId' | 'clientIp'>;
}

/** The cache-invalidation bus's topic: a session ended or a user changed on some instance. */
export const VERIFIED_SESSIONS_TOPIC = 'verified-sessions';

/** Sessions kept at most (the oldest go first): a few hundred signed-in officers per instance. */
const LIMIT = 10_000;

/**
 * Sessions this API instance has just read and found valid, trusted for `ttlMs` (AUTH_SESSION_CACHE_MS)
 * instead of one database round trip per request (docs/load.md, "Intake's CPU"; docs/security.md).
 * Only valid sessions are kept; the expiry is checked on every request all the same. A session ended,
 * or a user changed, through this instance is forgotten at once (AuthService.revokeSessions, the users
 * service) and, through the cache-invalidation bus, on the other instances a few milliseconds later; with
 * Redis away, or changed directly in the database, it takes effect here at most `ttlMs` later.
 */
export class VerifiedSessions {
  private readonly entries = new Map<string, VerifiedSession & { until: number }>();
  private pausedUntil = 0;

  constructor(private readonly ttlMs: number) {}

  get(sessionId: string, userId: string, now: number): VerifiedSession | undefined {
    const entry = this.entries.get(sessionId);
    if (!entry) return undefined;
    if (entry.until <= now || entry.user.userId !== userId) {
      this.entries.delete(sessionId);
      return undefined;
    }
    return entry;
  }

  keep(sessionId: string, session: VerifiedSession, now: number): void {
    if (this.ttlMs <= 0 || now < this.pausedUntil) return;
    this.entries.delete(sessionId);
    this.entries.set(sessionId, { ...session, until: now + this.ttlMs });
    while (this.entries.size > LIMIT) this.entries.delete(this.entries.keys().next().value as string);
  }

  forgetSession(sessionId: string): void {
    this.entries.delete(sessionId);
  }

  /**
   * Forgets every session and keeps none for the next `ttlMs`: a session was ended or a user changed, here
   * or on another instance (whose message names nothing). The pause covers the change's own transaction,
   * which commits after this is called: a request read meanwhile still sees the session valid, and must
   * not be trusted for a whole bound after the commit.
   */
  distrust(now: number): void {
    this.entries.clear();
    this.pausedUntil = now + this.ttlMs;
  }

  /** Sessions held (tests). */
  get size(): number {
    return this.entries.size;
  }
}
