import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { Actor } from '../auth/domain/actor.js';
import { scopeSql } from '../units/unit-scope.js';
import { UnitErrors } from '../units/units.errors.js';
import { CalendarErrors } from './calendar.errors.js';
import { NATIONAL_SCOPE } from './domain/calendar-layers.js';

/** A calendar scope the actor may use: the nation or a unit in the actor's scope. */
export interface ResolvedScope {
  scopeKey: string;
  unitId: string | null;
  unitCode: string | null;
  unitName: string | null;
}

export const NATIONAL: ResolvedScope = Object.freeze({
  scopeKey: NATIONAL_SCOPE,
  unitId: null,
  unitCode: null,
  unitName: null,
});

/**
 * Who may use which calendar: the national one is readable by everyone with `calendars:read` and
 * writable only by an administrator of every unit; a unit's is visible inside the actor's unit scope
 * and answers 404 outside it (existence never leaks).
 */
@Injectable()
export class CalendarAccess {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** @throws `UNIT_NOT_FOUND` (404), `CALENDAR_NATIONAL_FORBIDDEN` (403) */
  async resolve(
    actor: Actor,
    scope: string,
    mode: 'read' | 'write',
    manager: EntityManager = this.dataSource.manager,
  ): Promise<ResolvedScope> {
    if (scope === NATIONAL_SCOPE) {
      if (mode === 'write' && actor.scopeRootUnitIds !== null) throw CalendarErrors.nationalNotAllowed();
      return NATIONAL;
    }
    return this.unit(actor, scope, manager);
  }

  /** A unit in the actor's scope. @throws `UNIT_NOT_FOUND` */
  async unit(
    actor: Actor,
    unitId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<ResolvedScope> {
    const scope = scopeSql('u.id', actor);
    const rows: { id: string; code: string; name: string }[] = await manager.query(
      `SELECT u.id, u.code, u.name FROM units u WHERE u.id = ? AND ${scope.sql}`,
      [unitId, ...scope.params],
    );
    const unit = rows[0];
    if (!unit) throw UnitErrors.notFound();
    return { scopeKey: unit.id, unitId: unit.id, unitCode: unit.code, unitName: unit.name };
  }
}
