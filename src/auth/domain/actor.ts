import type { Permission, Role } from './roles.js';

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
