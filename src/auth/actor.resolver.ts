import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AGENCY_KINDS } from '../units/domain/unit-kind.js';
import type { Actor } from './domain/actor.js';
import { isRole, permissionsOf, type Role } from './domain/roles.js';

export interface RequestOrigin {
  requestId: string | null;
  clientIp: string | null;
}

export interface SessionUser {
  userId: string;
  unitId: string;
  active: boolean;
  roles: Role[];
  sessionRevoked: boolean;
  sessionExpiresAt: Date;
}

/** Turns a signed-in user into an Actor: roles, permissions and the units they may see. */
@Injectable()
export class ActorResolver {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** One query: the user, their roles and the state of the session the token names. */
  async loadSessionUser(userId: string, sessionId: string): Promise<SessionUser | null> {
    const rows: {
      id: string;
      unit_id: string;
      active: number;
      revoked_at: Date | null;
      expires_at: Date;
      roles: string | null;
    }[] = await this.dataSource.query(
      `SELECT u.id, u.unit_id, u.active, s.revoked_at, s.expires_at, GROUP_CONCAT(r.role ORDER BY r.role) AS roles
       FROM users u
       JOIN auth_sessions s ON s.id = ? AND s.user_id = u.id
       LEFT JOIN user_roles r ON r.user_id = u.id
       WHERE u.id = ?
       GROUP BY u.id, u.unit_id, u.active, s.revoked_at, s.expires_at`,
      [sessionId, userId],
    );
    const row = rows[0];
    if (!row) return null;
    return {
      userId: row.id,
      unitId: row.unit_id,
      active: Boolean(row.active),
      roles: (row.roles ? row.roles.split(',') : []).filter(isRole),
      sessionRevoked: row.revoked_at !== null,
      sessionExpiresAt: row.expires_at,
    };
  }

  /**
   * Scope: admins see every unit; an inspectorate leader the tree of the agency their unit belongs to
   * (the nearest enclosing province, commune or agency); everyone else their own unit's subtree.
   */
  async resolve(
    user: { userId: string; unitId: string; roles: Role[] },
    origin: RequestOrigin,
  ): Promise<Actor> {
    let scopeRootUnitIds: string[] | null;
    if (user.roles.includes('admin')) {
      scopeRootUnitIds = null;
    } else {
      const roots = new Set<string>([user.unitId]);
      if (user.roles.includes('inspectorate_leader')) roots.add(await this.agencyOf(user.unitId));
      scopeRootUnitIds = [...roots];
    }
    return {
      userId: user.userId,
      unitId: user.unitId,
      roles: user.roles,
      permissions: permissionsOf(user.roles),
      scopeRootUnitIds,
      requestId: origin.requestId,
      clientIp: origin.clientIp,
    };
  }

  private async agencyOf(unitId: string): Promise<string> {
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT c.ancestor_id AS id FROM unit_closure c JOIN units a ON a.id = c.ancestor_id
       WHERE c.descendant_id = ? AND a.kind IN (${AGENCY_KINDS.map(() => '?').join(', ')})
       ORDER BY c.depth ASC LIMIT 1`,
      [unitId, ...AGENCY_KINDS],
    );
    return rows[0]?.id ?? unitId;
  }
}
