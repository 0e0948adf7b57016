import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { NATIONAL_SCOPE, type CalendarLayer } from './domain/calendar-layers.js';
import type { CalendarEntryKind } from './domain/working-calendar.js';

/** One scope of a calendar chain and where it stands. */
export interface ChainLink {
  scopeKey: string;
  /** null for the national scope. */
  unitId: string | null;
  /** Changes so far (0: never changed). */
  revision: number;
  /** The scope's latest change (null: never changed, nothing to read): the cache key. */
  lastChangeId: string | null;
}

/** The scope's own data: entries and year statements (what the layer is built from), with who/when. */
export interface ScopeEntryRow {
  id: string;
  date: string;
  kind: CalendarEntryKind;
  name: string;
  changedByUserId: string | null;
  changedAt: Date;
}

export interface ScopeYearRow {
  year: number;
  confirmed: boolean;
  decidedByUserId: string | null;
  decidedAt: Date;
}

/** Reads calendar scopes, entries and year statements (plain SQL: these are the hot queries). */
@Injectable()
export class CalendarStore {
  /**
   * The scopes a calendar is made of, farthest first: the nation, then the unit's ancestors from the
   * root down to the unit itself. One indexed query; `null` when the unit does not exist.
   */
  async chainOf(manager: EntityManager, scopeKey: string): Promise<ChainLink[] | null> {
    type Row = {
      k: string;
      unit_id: string | null;
      depth: number | string;
      revision: number | string | null;
      last_change_id: string | null;
    };
    const link = (key: string, unitId: string | null, row: Row | undefined): ChainLink => ({
      scopeKey: key,
      unitId,
      revision: Number(row?.revision ?? 0),
      lastChangeId: row?.last_change_id ?? null,
    });
    if (scopeKey === NATIONAL_SCOPE) {
      const rows: Row[] = await manager.query(
        'SELECT revision, last_change_id FROM calendar_scopes WHERE scope_key = ?',
        [NATIONAL_SCOPE],
      );
      return [link(NATIONAL_SCOPE, null, rows[0])];
    }
    const rows: Row[] = await manager.query(
      `SELECT ? AS k, NULL AS unit_id, 65535 AS depth, s.revision AS revision, s.last_change_id AS last_change_id
         FROM calendar_scopes s WHERE s.scope_key = ?
       UNION ALL
       SELECT c.ancestor_id, c.ancestor_id, c.depth, s.revision, s.last_change_id
         FROM unit_closure c LEFT JOIN calendar_scopes s ON s.scope_key = c.ancestor_id
         WHERE c.descendant_id = ?`,
      [NATIONAL_SCOPE, NATIONAL_SCOPE, scopeKey],
    );
    const units = rows.filter((r) => r.unit_id !== null);
    if (units.length === 0) return null;
    units.sort((a, b) => Number(b.depth) - Number(a.depth));
    return [
      link(
        NATIONAL_SCOPE,
        null,
        rows.find((r) => r.unit_id === null),
      ),
      ...units.map((r) => link(r.k, r.k, r)),
    ];
  }

  /** The layers of some scopes (their entries and year statements), in the order given. */
  async layersOf(manager: EntityManager, scopeKeys: readonly string[]): Promise<CalendarLayer[]> {
    if (scopeKeys.length === 0) return [];
    const marks = scopeKeys.map(() => '?').join(', ');
    const entries: { scope_key: string; date: string; kind: CalendarEntryKind; name: string }[] =
      await manager.query(
        `SELECT scope_key, \`date\`, kind, name FROM calendar_entries WHERE scope_key IN (${marks}) ORDER BY \`date\``,
        [...scopeKeys],
      );
    const years: { scope_key: string; year: number | string; confirmed: number | string }[] =
      await manager.query(
        `SELECT scope_key, year, confirmed FROM calendar_years WHERE scope_key IN (${marks}) ORDER BY year`,
        [...scopeKeys],
      );
    // The owner's name and edition title the calendar in explanations (not part of its version).
    const scopes: { scope_key: string; revision: number | string; name: string | null }[] =
      await manager.query(
        `SELECT s.scope_key, s.revision, u.name FROM calendar_scopes s LEFT JOIN units u ON u.id = s.unit_id
        WHERE s.scope_key IN (${marks})`,
        [...scopeKeys],
      );
    return scopeKeys.map((scope) => ({
      scope,
      ...titleOf(scopes.find((s) => s.scope_key === scope)),
      entries: entries
        .filter((e) => e.scope_key === scope)
        .map((e) => ({ date: e.date, kind: e.kind, name: e.name })),
      years: years
        .filter((y) => y.scope_key === scope)
        .map((y) => ({ year: Number(y.year), confirmed: Number(y.confirmed) === 1 })),
    }));
  }

  /** A scope's own entries, optionally of one year, in date order. */
  async entriesOf(manager: EntityManager, scopeKey: string, year?: number): Promise<ScopeEntryRow[]> {
    const rows: {
      id: string;
      date: string;
      kind: CalendarEntryKind;
      name: string;
      changed_by_user_id: string | null;
      changed_at: Date;
    }[] = await manager.query(
      `SELECT id, \`date\`, kind, name, changed_by_user_id, changed_at FROM calendar_entries
       WHERE scope_key = ? ${year === undefined ? '' : 'AND `date` BETWEEN ? AND ?'} ORDER BY \`date\``,
      year === undefined ? [scopeKey] : [scopeKey, `${year}-01-01`, `${year}-12-31`],
    );
    return rows.map((r) => ({
      id: r.id,
      date: r.date,
      kind: r.kind,
      name: r.name,
      changedByUserId: r.changed_by_user_id,
      changedAt: r.changed_at,
    }));
  }

  /** A scope's own year statements, in year order. */
  async yearsOf(manager: EntityManager, scopeKey: string): Promise<ScopeYearRow[]> {
    const rows: {
      year: number | string;
      confirmed: number | string;
      decided_by_user_id: string | null;
      decided_at: Date;
    }[] = await manager.query(
      'SELECT year, confirmed, decided_by_user_id, decided_at FROM calendar_years WHERE scope_key = ? ORDER BY year',
      [scopeKey],
    );
    return rows.map((r) => ({
      year: Number(r.year),
      confirmed: Number(r.confirmed) === 1,
      decidedByUserId: r.decided_by_user_id,
      decidedAt: r.decided_at,
    }));
  }
}

function titleOf(row: { revision: number | string; name: string | null } | undefined): {
  name?: string;
  revision?: number;
} {
  if (!row) return {};
  return { revision: Number(row.revision), ...(row.name ? { name: row.name } : {}) };
}
