import type { EntityManager } from 'typeorm';
import type { Actor } from '../auth/domain/actor.js';
import type { LocalDate } from '../common/domain/local-date.js';
import { scopeSql } from '../units/unit-scope.js';

/** The subject type of an obligation's deadline row (case_deadlines), and its purpose. */
export const OBLIGATION_SUBJECT = 'enforcement_obligation';
export const OBLIGATION_PURPOSE = 'obligation';

export interface Sql {
  sql: string;
  params: unknown[];
}

/**
 * Who sees a record: the resolving unit's side (its unit in the actor's scope) and the units that carry
 * out one of its obligations (an obligation's owning unit in scope). Out of both, a record is not found.
 */
export function visibleSql(actor: Actor, alias = 'r'): Sql {
  if (actor.scopeRootUnitIds === null) return { sql: '1 = 1', params: [] };
  const own = scopeSql(`${alias}.unit_id`, actor);
  const owned = scopeSql('vo.owning_unit_id', actor);
  return {
    sql: `(${own.sql} OR EXISTS (SELECT 1 FROM enforcement_obligations vo
           WHERE vo.record_id = ${alias}.id AND ${owned.sql}))`,
    params: [...own.params, ...owned.params],
  };
}

/** Obligations of the record `alias` that are not done and whose deadline is open past its due date. */
function overdueCount(alias: string, today: LocalDate): Sql {
  return {
    sql: `(SELECT COUNT(*) FROM enforcement_obligations oo JOIN case_deadlines od ON od.id = oo.deadline_id
           WHERE oo.record_id = ${alias}.id AND oo.status <> 'done' AND od.status = 'open' AND od.due_date < ?)`,
    params: [today],
  };
}

/**
 * The record's status as of `today`: the stored one (what the reports say), with `overdue` overlaid on
 * not_started / in_progress (enforcement-status.ts, liveStatus — the same rule in SQL).
 */
export function liveStatusSql(alias: string, today: LocalDate): Sql {
  const overdue = overdueCount(alias, today);
  return {
    sql: `CASE WHEN ${alias}.status IN ('done', 'blocked') THEN ${alias}.status
               WHEN ${overdue.sql} > 0 THEN 'overdue' ELSE ${alias}.status END`,
    params: overdue.params,
  };
}

export interface SummaryRow {
  id: string;
  live_status: string;
  obligation_count: string | number;
  overdue_obligations: string | number;
  next_due: string | null;
}

/**
 * One row per record matching `where` (on alias `r`), with its live status, obligation counts and the
 * nearest open obligation deadline: the list's and the detail's common numbers.
 */
export function summarySelect(today: LocalDate, where: Sql): Sql {
  const live = liveStatusSql('r', today);
  const overdue = overdueCount('r', today);
  return {
    sql: `SELECT r.id, r.opened_on, ${live.sql} AS live_status, ${overdue.sql} AS overdue_obligations,
            (SELECT COUNT(*) FROM enforcement_obligations co WHERE co.record_id = r.id) AS obligation_count,
            (SELECT MIN(nd.due_date) FROM enforcement_obligations nx
               JOIN case_deadlines nd ON nd.id = nx.deadline_id
             WHERE nx.record_id = r.id AND nd.status = 'open') AS next_due
          FROM enforcement_records r WHERE ${where.sql}`,
    params: [...live.params, ...overdue.params, ...where.params],
  };
}

/** Whether the actor may see the record, and whether they are on the resolving unit's side. */
export async function recordAccess(
  manager: EntityManager,
  actor: Actor,
  recordId: string,
): Promise<{ visible: boolean; resolver: boolean }> {
  const own = scopeSql('r.unit_id', actor);
  const visible = visibleSql(actor);
  const rows: { resolver: string | number }[] = await manager.query(
    `SELECT (${own.sql}) AS resolver FROM enforcement_records r WHERE r.id = ? AND ${visible.sql}`,
    [...own.params, recordId, ...visible.params],
  );
  if (rows.length === 0) return { visible: false, resolver: false };
  return { visible: true, resolver: Number(rows[0].resolver) === 1 };
}

/**
 * Whether the actor may report on one obligation: the record's resolving side, or the unit that carries
 * the obligation out. Null when the obligation does not exist or is not theirs to see.
 */
export async function obligationAccess(
  manager: EntityManager,
  actor: Actor,
  obligationId: string,
): Promise<{ recordId: string } | null> {
  const own = scopeSql('r.unit_id', actor);
  const owner = scopeSql('o.owning_unit_id', actor);
  const rows: { record_id: string }[] = await manager.query(
    `SELECT o.record_id FROM enforcement_obligations o JOIN enforcement_records r ON r.id = o.record_id
     WHERE o.id = ? AND (${own.sql} OR ${owner.sql})`,
    [obligationId, ...own.params, ...owner.params],
  );
  return rows.length === 0 ? null : { recordId: rows[0].record_id };
}
