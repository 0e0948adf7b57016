import type { EntityManager, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import type { Actor } from '../auth/domain/actor.js';
import { UnitEntity } from '../units/unit.entity.js';
import { whereInScope } from '../units/unit-scope.js';
import { ReceptionErrors } from './reception.errors.js';

/** The unit, if the actor may see it (404 otherwise: existence never leaks). */
export async function unitInScope(
  manager: EntityManager,
  actor: Actor,
  unitId: string,
  notFound: () => Error = ReceptionErrors.unitNotFound,
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

/** Rows beyond this are not returned in one list (the caller narrows the filter). */
export const LIST_LIMIT = 2000;
