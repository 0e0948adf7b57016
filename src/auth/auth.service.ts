import { Injectable, Logger, Optional } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { diffChanges } from '../audit/domain/changes.js';
import { CacheInvalidationBus } from '../common/cache/cache-invalidation.bus.js';
import { transactionWithRetry } from '../common/database/transactions.js';
import { uuid7 } from '../common/ids/uuid7.js';
import { AppConfig } from '../config/app-config.js';
import { UserEntity } from '../users/user.entity.js';
import { VERIFIED_SESSIONS_TOPIC, VerifiedSessions } from './verified-sessions.js';
import { ActorResolver, type RequestOrigin } from './actor.resolver.js';
import { AuthErrors } from './auth.errors.js';
import type { Actor } from './domain/actor.js';
import { isRole } from './domain/roles.js';
import { PasswordService } from './password.service.js';
import { RefreshTokenEntity } from './refresh-token.entity.js';
import { SignInThrottleService } from './sign-in-throttle.service.js';
import { SessionEntity } from './session.entity.js';
import { TokenService } from './token.service.js';

export interface TokenPair {
  accessToken: string;
  tokenType: 'Bearer';
  expiresIn: number;
  refreshToken: string;
  refreshTokenExpiresAt: string;
}

const DAY_MS = 24 * 3600 * 1000;
/** A refresh token used again this soon after its rotation is a race between two tabs, not a theft. */
const REFRESH_RACE_GRACE_MS = 30_000;

/**
 * The actor of events caused by whoever holds a credential — failed sign-ins, a replayed refresh token:
 * not the account's owner, who may be the victim. The account is the entity of the entry.
 */
function anonymousActor(origin: RequestOrigin): Actor {
  return {
    userId: null,
    unitId: null,
    roles: [],
    permissions: new Set(),
    scopeRootUnitIds: [],
    requestId: origin.requestId,
    clientIp: origin.clientIp,
  };
}

/** A minimal actor for events where the user is known but not yet signed in (login itself). */
function actorFor(user: { id: string; unitId: string }, origin: RequestOrigin): Actor {
  return {
    userId: user.id,
    unitId: user.unitId,
    roles: [],
    permissions: new Set(),
    scopeRootUnitIds: [],
    requestId: origin.requestId,
    clientIp: origin.clientIp,
  };
}

@Injectable()
export class AuthService {
  private readonly logger = new Logger(AuthService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly passwords: PasswordService,
    private readonly tokens: TokenService,
    private readonly actors: ActorResolver,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
    private readonly throttle: SignInThrottleService,
    // Absent in the CLI's context (no Redis there): its changes then reach the instances within the bound.
    @Optional() private readonly bus?: CacheInvalidationBus,
  ) {
    this.sessions = new VerifiedSessions(config.auth.sessionCacheMs);
    this.bus?.on(VERIFIED_SESSIONS_TOPIC, () => this.sessions.distrust(Date.now()));
  }

  /**
   * A session ended or a user changed: forgets every verified session here, keeps none while the change
   * commits, and tells the other instances to do the same (ADR 0025).
   */
  private distrustSessions(): void {
    if (this.config.auth.sessionCacheMs <= 0) return;
    this.sessions.distrust(Date.now());
    this.bus?.publish(VERIFIED_SESSIONS_TOPIC);
  }

  /** Sessions just found valid, trusted for AUTH_SESSION_CACHE_MS (verified-sessions.ts). */
  private readonly sessions: VerifiedSessions;

  async login(email: string, password: string, origin: RequestOrigin, now = new Date()): Promise<TokenPair> {
    // Throttling comes first, keyed by what was typed, before the account is even looked up: an unknown
    // e-mail waits exactly like a known one (no enumeration), and the attempt is counted before the slow
    // password check, so parallel guesses cannot slip past it (docs/security.md).
    const wait = await this.throttle.reserve(email, origin.clientIp, now);
    if (wait > 0) {
      this.logger.warn({ requestId: origin.requestId }, 'sign-in refused: throttled');
      throw AuthErrors.tooManyAttempts(wait);
    }
    const user = await this.dataSource
      .getRepository(UserEntity)
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('u.email = :email', { email: email.trim().toLowerCase() })
      .getOne();
    if (!user || !user.active) {
      await this.passwords.verifyAgainstNothing(password);
      this.logger.warn({ requestId: origin.requestId }, 'sign-in refused: unknown or inactive account');
      throw AuthErrors.invalidCredentials();
    }
    if (!(await this.passwords.verify(user.passwordHash, password))) {
      await this.dataSource.transaction((manager) =>
        this.audit.record(manager, anonymousActor(origin), {
          action: 'login_failed',
          entityType: 'user',
          entityId: user.id,
          unitId: user.unitId,
        }),
      );
      throw AuthErrors.invalidCredentials();
    }
    return transactionWithRetry(this.dataSource, async (manager) => {
      await this.throttle.succeeded(manager, email, origin.clientIp, now);
      // Sign-in bookkeeping is not an edit of the account: its version (optimistic lock) stays.
      await manager.query('UPDATE users SET last_login_at = ? WHERE id = ?', [now, user.id]);
      const pair = await this.openSession(manager, user.id, now);
      await this.audit.record(manager, actorFor(user, origin), {
        action: 'login',
        entityType: 'user',
        entityId: user.id,
        unitId: user.unitId,
      });
      return pair;
    });
  }

  /** Rotates a refresh token. A token presented twice ends its whole session (it was copied). */
  async refresh(refreshToken: string, origin: RequestOrigin, now = new Date()): Promise<TokenPair> {
    const hash = TokenService.hashRefresh(refreshToken);
    // Two refreshes of one token can deadlock in InnoDB (locking read on a unique index, then an insert
    // into it): the victim is retried and then sees the token used — a race, not a 500.
    const outcome = await transactionWithRetry(this.dataSource, async (manager) => {
      const token = await manager
        .getRepository(RefreshTokenEntity)
        .createQueryBuilder('t')
        .where('t.tokenHash = :hash', { hash })
        .setLock('pessimistic_write')
        .getOne();
      if (!token) return { error: AuthErrors.refreshInvalid() };
      const session = await manager.findOneBy(SessionEntity, { id: token.sessionId });
      const user = session ? await manager.findOneBy(UserEntity, { id: session.userId }) : null;
      if (!session || !user) return { error: AuthErrors.refreshInvalid() };
      if (
        token.usedAt &&
        now.getTime() - token.usedAt.getTime() < REFRESH_RACE_GRACE_MS &&
        !session.revokedAt
      ) {
        // Two tabs (or a retry after a timeout) refreshed with the same token a moment apart: the first
        // won; this one gets nothing, and the session stays.
        return { error: AuthErrors.refreshRace() };
      }
      if (token.usedAt) {
        if (!session.revokedAt) {
          await this.revokeSessions(manager, { id: session.id }, 'reuse', now);
          await this.audit.record(manager, anonymousActor(origin), {
            action: 'session_revoked',
            entityType: 'user',
            entityId: user.id,
            unitId: user.unitId,
            changes: diffChanges(null, { reason: 'reuse' }),
          });
        }
        return { error: AuthErrors.refreshReused() };
      }
      if (session.revokedAt || session.expiresAt <= now || token.expiresAt <= now || !user.active) {
        return { error: AuthErrors.sessionEnded() };
      }
      await manager.update(RefreshTokenEntity, { id: token.id }, { usedAt: now });
      const next = this.tokens.newRefreshToken();
      await manager.insert(RefreshTokenEntity, {
        id: uuid7(),
        sessionId: session.id,
        tokenHash: next.hash,
        expiresAt: session.expiresAt,
        usedAt: null,
      });
      await this.audit.record(manager, actorFor(user, origin), {
        action: 'token_refresh',
        entityType: 'user',
        entityId: user.id,
        unitId: user.unitId,
      });
      return {
        pair: {
          accessToken: await this.tokens.signAccess({ sub: user.id, sid: session.id }),
          tokenType: 'Bearer' as const,
          expiresIn: this.tokens.accessTokenTtlSeconds,
          refreshToken: next.token,
          refreshTokenExpiresAt: session.expiresAt.toISOString(),
        },
      };
    });
    // The revocation above is committed before the caller hears "no".
    if ('error' in outcome) throw outcome.error;
    return outcome.pair;
  }

  async logout(actor: Actor, sessionId: string, now = new Date()): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await this.revokeSessions(manager, { id: sessionId, userId: actor.userId! }, 'logout', now);
      await this.audit.record(manager, actor, {
        action: 'logout',
        entityType: 'user',
        entityId: actor.userId!,
        unitId: actor.unitId ?? undefined,
      });
    });
  }

  /**
   * Changes one's own password; every other sign-in of the account ends. Wrong current passwords are
   * throttled like sign-ins, so a stolen access token cannot be used to guess the password.
   */
  async changePassword(
    actor: Actor,
    sessionId: string,
    currentPassword: string,
    newPassword: string,
    now = new Date(),
  ): Promise<void> {
    const user = await this.dataSource
      .getRepository(UserEntity)
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('u.id = :id', { id: actor.userId })
      .getOneOrFail();
    const problems = this.passwords.problems(newPassword, { email: user.email, fullName: user.fullName });
    if (problems.length) throw AuthErrors.weakPassword('newPassword', problems);
    const wait = await this.throttle.reserve(user.email, actor.clientIp, now);
    if (wait > 0) throw AuthErrors.tooManyAttempts(wait);
    if (!(await this.passwords.verify(user.passwordHash, currentPassword))) {
      await this.dataSource.transaction((manager) =>
        this.audit.record(manager, actor, {
          action: 'password_change_failed',
          entityType: 'user',
          entityId: user.id,
          unitId: user.unitId,
        }),
      );
      throw AuthErrors.currentPasswordWrong();
    }
    const hash = await this.passwords.hash(newPassword);
    await transactionWithRetry(this.dataSource, async (manager) => {
      await this.throttle.succeeded(manager, user.email, actor.clientIp, now);
      const [current] = await manager.query(
        'SELECT password_changed_at, version FROM users WHERE id = ? FOR UPDATE',
        [user.id],
      );
      await manager.query(
        'UPDATE users SET password_hash = ?, password_changed_at = ?, version = version + 1 WHERE id = ?',
        [hash, now, user.id],
      );
      await manager
        .createQueryBuilder()
        .update(SessionEntity)
        .set({ revokedAt: now, revokedReason: 'password_changed' })
        .where('user_id = :userId AND id <> :sessionId AND revoked_at IS NULL', {
          userId: user.id,
          sessionId,
        })
        .execute();
      this.distrustSessions();
      await this.audit.record(manager, actor, {
        action: 'password_change',
        entityType: 'user',
        entityId: user.id,
        unitId: user.unitId,
        changes: diffChanges({ passwordChangedAt: current.password_changed_at }, { passwordChangedAt: now }),
      });
    });
  }

  /** One's own account as the API shows it, with the permissions and scope in force. */
  async me(actor: Actor) {
    const rows: { id: string; email: string; full_name: string; title: string | null; unit_id: string }[] =
      await this.dataSource.query('SELECT id, email, full_name, title, unit_id FROM users WHERE id = ?', [
        actor.userId,
      ]);
    const user = rows[0];
    return {
      id: user.id,
      email: user.email,
      fullName: user.full_name,
      title: user.title,
      unitId: user.unit_id,
      roles: [...actor.roles].sort(),
      permissions: [...actor.permissions].sort(),
      scopeRootUnitIds: actor.scopeRootUnitIds,
    };
  }

  /** The actor behind an access token, or a 401 saying why not. */
  async authenticate(
    accessToken: string,
    origin: RequestOrigin,
    now = new Date(),
  ): Promise<Actor & { sessionId: string }> {
    const claims = await this.tokens.verifyAccess(accessToken);
    const known = this.sessions.get(claims.sid, claims.sub, now.getTime());
    if (known && known.user.sessionExpiresAt > now) {
      return { ...known.actor, ...origin, sessionId: claims.sid };
    }
    const user = await this.actors.loadSessionUser(claims.sub, claims.sid);
    if (!user) throw AuthErrors.tokenInvalid();
    if (!user.active || user.sessionRevoked || user.sessionExpiresAt <= now) {
      this.sessions.forgetSession(claims.sid);
      throw AuthErrors.sessionEnded();
    }
    const {
      requestId: _r,
      clientIp: _c,
      ...actor
    } = await this.actors.resolve(
      { userId: user.userId, unitId: user.unitId, roles: user.roles.filter(isRole) },
      origin,
    );
    this.sessions.keep(claims.sid, { user, actor }, now.getTime());
    return { ...actor, ...origin, sessionId: claims.sid };
  }

  /** A user's roles, unit or state changed: sessions are read again on their next request. */
  forgetUser(_userId: string): void {
    this.distrustSessions();
  }

  /** Ends sessions matching `where` (used by logout, reuse detection, password reset, deactivation). */
  async revokeSessions(
    manager: EntityManager,
    where: { id?: string; userId?: string },
    reason: string,
    now = new Date(),
  ): Promise<void> {
    this.distrustSessions();
    await manager.update(
      SessionEntity,
      { ...where, revokedAt: IsNull() },
      { revokedAt: now, revokedReason: reason },
    );
  }

  private async openSession(manager: EntityManager, userId: string, now: Date): Promise<TokenPair> {
    const sessionId = uuid7();
    const expiresAt = new Date(now.getTime() + this.config.auth.refreshTokenTtlDays * DAY_MS);
    await manager.insert(SessionEntity, {
      id: sessionId,
      userId,
      expiresAt,
      revokedAt: null,
      revokedReason: null,
    });
    const refresh = this.tokens.newRefreshToken();
    await manager.insert(RefreshTokenEntity, {
      id: uuid7(),
      sessionId,
      tokenHash: refresh.hash,
      expiresAt,
      usedAt: null,
    });
    return {
      accessToken: await this.tokens.signAccess({ sub: userId, sid: sessionId }),
      tokenType: 'Bearer',
      expiresIn: this.tokens.accessTokenTtlSeconds,
      refreshToken: refresh.token,
      refreshTokenExpiresAt: expiresAt.toISOString(),
    };
  }
}
