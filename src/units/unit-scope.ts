import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import type { Actor } from '../auth/domain/actor.js';

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
