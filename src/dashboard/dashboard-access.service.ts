import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { ActorResolver, type RequestOrigin } from '../auth/actor.resolver.js';
import type { Actor } from '../auth/domain/actor.js';
import { permissionsOf, type Permission } from '../auth/domain/roles.js';
import { Clock } from '../common/clock.js';
import { SignedSessionCookie, type SessionCookieKind } from '../common/http/signed-session-cookie.js';
import { AppConfig } from '../config/app-config.js';

/** The permission the dashboard needs (inspectorate leaders and unit heads, auth/domain/roles.ts). */
export const DASHBOARD_PERMISSION: Permission = 'reports:read';

/** Where the server-rendered dashboard is served (outside /api/v1). */
export const DASHBOARD_PAGE_PATH = '/bang-dieu-khien';

/** The dashboard's page session: a cookie sent by the browser to the dashboard page only, for 15 minutes. */
export const DASHBOARD_SESSION: SessionCookieKind = {
  purpose: 'tiepdan dashboard session v1',
  cookieName: 'tiepdan_dashboard',
  path: DASHBOARD_PAGE_PATH,
  ttlSeconds: 15 * 60,
};

export type DashboardAccessResult =
  { outcome: 'ok'; actor: Actor } | { outcome: 'unauthenticated' } | { outcome: 'forbidden' };

/**
 * Who may open the dashboard page (docs/dashboard.md), after the queue board's pattern
 * (operations/queue-board-access.ts): a viewer signed in to the API asks for a page session; its cookie
 * names the user and the sign-in, and every page request checks that the sign-in is still live and the
 * account still holds reports:read — and resolves the viewer's unit scope afresh.
 */
@Injectable()
export class DashboardAccess {
  readonly cookie: SignedSessionCookie;

  constructor(
    config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly actors: ActorResolver,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {
    this.cookie = new SignedSessionCookie(config.auth.jwtSecret, DASHBOARD_SESSION);
  }

  /** A signed page-session token for this sign-in; the opening is audited. */
  async open(actor: Actor, sessionId: string): Promise<{ token: string; expiresAt: Date }> {
    await this.dataSource.transaction((manager) =>
      this.audit.record(manager, actor, {
        action: 'dashboard.open',
        entityType: 'user',
        entityId: actor.userId!,
        unitId: actor.unitId,
      }),
    );
    return this.cookie.issue(actor.userId!, sessionId, this.clock.now());
  }

  /** Checks the dashboard cookie of a request (its Cookie header) and resolves the viewer. */
  async check(cookieHeader: string | undefined, origin: RequestOrigin): Promise<DashboardAccessResult> {
    const now = this.clock.now();
    const claims = this.cookie.read(cookieHeader, now);
    if (!claims) return { outcome: 'unauthenticated' };
    const user = await this.actors.loadSessionUser(claims.userId, claims.sessionId);
    if (!user || !user.active || user.sessionRevoked || user.sessionExpiresAt.getTime() <= now.getTime()) {
      return { outcome: 'unauthenticated' };
    }
    if (!permissionsOf(user.roles).has(DASHBOARD_PERMISSION)) return { outcome: 'forbidden' };
    return { outcome: 'ok', actor: await this.actors.resolve(user, origin) };
  }
}
