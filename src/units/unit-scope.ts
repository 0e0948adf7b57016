import type { EntityManager, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import type { Actor } from '../auth/domain/actor.js';
import { UnitEntity } from './unit.entity.js';

/**
 * Limits a query to rows whose unit lies in the actor's scope (their unit's subtree; an inspectorate
 * leader's agency subtree; everything for admins). Scope is part of the query itself, so an id outside
 * it simply is not found (404), and existence never leaks.
 */
export function whereInScope<T extends ObjectLiteral>(
  query: SelectQueryBuilder<T>,
  unitColumn: string,
  actor: Actor,
  parameterName = 'scopeRoots',
): SelectQueryBuilder<T> {
  if (actor.scopeRootUnitIds === null) return query;
  if (actor.scopeRootUnitIds.length === 0) return query.andWhere('1 = 0');
  return query.andWhere(
    `${unitColumn} IN (SELECT scope_closure.descendant_id FROM unit_closure scope_closure WHERE scope_closure.ancestor_id IN (:...${parameterName}))`,
    { [parameterName]: actor.scopeRootUnitIds },
  );
}

/** The same rule as a raw SQL fragment with its parameters, for hand-written queries. */
export function scopeSql(unitColumn: string, actor: Actor): { sql: string; params: unknown[] } {
  if (actor.scopeRootUnitIds === null) return { sql: '1 = 1', params: [] };
  if (actor.scopeRootUnitIds.length === 0) return { sql: '1 = 0', params: [] };
  return {
    sql: `${unitColumn} IN (SELECT scope_closure.descendant_id FROM unit_closure scope_closure WHERE scope_closure.ancestor_id IN (${actor.scopeRootUnitIds.map(() => '?').join(', ')}))`,
    params: [...actor.scopeRootUnitIds],
  };
}

/** The unit, if the actor may see it (404 otherwise: existence never leaks). */
export async function unitInScope(
  manager: EntityManager,
  actor: Actor,
  unitId: string,
  notFound: () => Error,
): Promise<UnitEntity> {
  const qb = manager.getRepository(UnitEntity).createQueryBuilder('u').where('u.id = :id', { id: unitId });
  whereInScope(qb, 'u.id', actor);
  const unit = await qb.getOne();
  if (!unit) throw notFound();
  return unit;
}

/** One record of an entity with a `unitId`, in the actor's scope, optionally locked for update. */
export async function recordInScope<T extends ObjectLiteral>(
  manager: EntityManager,
  entity: new () => T,
  actor: Actor,
  id: string,
  notFound: () => Error,
  lock = false,
): Promise<T> {
  const qb: SelectQueryBuilder<T> = manager
    .getRepository(entity)
    .createQueryBuilder('r')
    .where('r.id = :id', { id });
  whereInScope(qb, 'r.unit_id', actor);
  if (lock) qb.setLock('pessimistic_write');
  const row = await qb.getOne();
  if (!row) throw notFound();
  return row;
}
