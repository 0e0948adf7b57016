import { ROLE_PERMISSIONS, type Permission, type Role } from './roles.js';

/**
 * Who is acting, passed explicitly (first after the transaction manager) to every service method that
 * reads or changes data — from HTTP handlers and from jobs alike.
 */
export interface Actor {
  /** null for the system itself (jobs, migrations, the demo loader). */
  userId: string | null;
  unitId: string | null;
  roles: readonly Role[];
  permissions: ReadonlySet<Permission>;
  /**
   * Units whose subtrees this actor may see: null = every unit (admins, the system). Queries filter on
   * it themselves (see units/unit-scope.ts); an out-of-scope id answers 404.
   */
  scopeRootUnitIds: readonly string[] | null;
  requestId: string | null;
  clientIp: string | null;
}

export const SYSTEM_ACTOR: Actor = Object.freeze({
  userId: null,
  unitId: null,
  roles: [],
  permissions: new Set<Permission>(),
  scopeRootUnitIds: null,
  requestId: null,
  clientIp: null,
});

/**
 * The actor as seen through the roles that grant `permission` only: the units over which they hold it.
 * Scope is the union over all roles (an inspectorate leader who is also a unit head sees the agency but
 * decides only for their unit), so a check of authority narrows it first. Admins keep every unit; an
 * inspectorate leader's role keeps the resolved agency scope; every other role gives its own unit's
 * subtree. The system (no roles) is unchanged.
 */
export function actorWithPermission(actor: Actor, permission: Permission): Actor {
  if (actor.roles.length === 0) return actor;
  const roles = actor.roles.filter((r) => ROLE_PERMISSIONS[r].includes(permission));
  let scopeRootUnitIds: readonly string[] | null;
  if (roles.includes('admin')) scopeRootUnitIds = null;
  else if (roles.includes('inspectorate_leader')) scopeRootUnitIds = actor.scopeRootUnitIds;
  else scopeRootUnitIds = roles.length > 0 && actor.unitId ? [actor.unitId] : [];
  return {
    ...actor,
    roles,
    permissions: new Set(roles.flatMap((r) => ROLE_PERMISSIONS[r])),
    scopeRootUnitIds,
  };
}
