import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { ActorResolver } from '../auth/actor.resolver.js';
import type { Actor } from '../auth/domain/actor.js';
import { permissionsOf, type Permission } from '../auth/domain/roles.js';
import { Clock } from '../common/clock.js';
import { SignedSessionCookie, type SessionCookieKind } from '../common/http/signed-session-cookie.js';
import { AppConfig } from '../config/app-config.js';

/** The permission the queue board needs: only administrators hold it (auth/domain/roles.ts). */
export const QUEUE_BOARD_PERMISSION: Permission = 'users:write';

/** Where Bull Board is served (outside /api/v1). */
export const QUEUE_BOARD_PATH = '/admin/queues';

/** The board's session: a cookie sent by the browser to the board's paths only, for 15 minutes. */
export const QUEUE_BOARD_SESSION: SessionCookieKind = {
  purpose: 'tiepdan queue-board session v1',
  cookieName: 'tiepdan_queue_board',
  path: QUEUE_BOARD_PATH,
  ttlSeconds: 15 * 60,
};

export type BoardAccess = 'ok' | 'unauthenticated' | 'forbidden';

/**
 * Who may open the queue board (Bull Board, docs/operations-queues.md). An administrator signed in to
 * the API asks for a board session; its cookie names the user and the sign-in, and every request to the
 * board checks that the sign-in is still live and the account still an active administrator — so
 * signing out, being deactivated or losing the role ends board access at once, not in 15 minutes.
 */
@Injectable()
export class QueueBoardAccess {
  readonly cookie: SignedSessionCookie;

  constructor(
    config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly actors: ActorResolver,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {
    this.cookie = new SignedSessionCookie(config.auth.jwtSecret, QUEUE_BOARD_SESSION);
  }

  /** A signed board-session token for this sign-in; the opening is audited. */
  async open(actor: Actor, sessionId: string): Promise<{ token: string; expiresAt: Date }> {
    await this.dataSource.transaction((manager) =>
      this.audit.record(manager, actor, {
        action: 'queue_board.open',
        entityType: 'user',
        entityId: actor.userId!,
        unitId: actor.unitId,
      }),
    );
    return this.cookie.issue(actor.userId!, sessionId, this.clock.now());
  }

  /** Checks the board cookie of a request (its Cookie header). */
  async check(cookieHeader: string | undefined): Promise<BoardAccess> {
    const now = this.clock.now();
    const claims = this.cookie.read(cookieHeader, now);
    if (!claims) return 'unauthenticated';
    const user = await this.actors.loadSessionUser(claims.userId, claims.sessionId);
    if (!user || !user.active || user.sessionRevoked || user.sessionExpiresAt.getTime() <= now.getTime()) {
      return 'unauthenticated';
    }
    return permissionsOf(user.roles).has(QUEUE_BOARD_PERMISSION) ? 'ok' : 'forbidden';
  }
}
