import type { Actor } from './domain/actor.js';
import type { SessionUser } from './actor.resolver.js';

/** What a request's actor is made of once its session was read and found valid. */
export interface VerifiedSession {
  user: SessionUser;
  actor: Omit<Actor, 'requestId' | 'clientIp'>;
}

/** Sessions kept at most (the oldest go first): a few hundred signed-in officers per instance. */
const LIMIT = 10_000;

/**
 * Sessions this API instance has just read and found valid, trusted for `ttlMs` (AUTH_SESSION_CACHE_MS)
 * instead of one database round trip per request (docs/load.md, "Intake's CPU"; docs/security.md).
 * Only valid sessions are kept; the expiry is checked on every request all the same. A session ended,
 * or a user changed, through this instance is forgotten at once (AuthService.revokeSessions, the users
 * service); through another instance or in the database it takes effect here at most `ttlMs` later.
 */
export class VerifiedSessions {
  private readonly entries = new Map<string, VerifiedSession & { until: number }>();

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
    if (this.ttlMs <= 0) return;
    this.entries.delete(sessionId);
    this.entries.set(sessionId, { ...session, until: now + this.ttlMs });
    while (this.entries.size > LIMIT) this.entries.delete(this.entries.keys().next().value as string);
  }

  forgetSession(sessionId: string): void {
    this.entries.delete(sessionId);
  }

  forgetUser(userId: string): void {
    for (const [id, entry] of this.entries) if (entry.user.userId === userId) this.entries.delete(id);
  }

  /** Sessions held (tests). */
  get size(): number {
    return this.entries.size;
  }
}
