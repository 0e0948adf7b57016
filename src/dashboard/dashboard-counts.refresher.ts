import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { transactionWithRetry } from '../common/database/transactions.js';
import { BACKLOG_STATUSES, monthRange, type CaseKind } from './dashboard.model.js';

const CASE_TABLES: Record<CaseKind, string> = {
  complaint: 'complaint_cases',
  denunciation: 'denunciation_cases',
};

/**
 * How far before the last run's start the next run looks for changed rows: a transaction that wrote a row
 * (its `updated_at`, the database's clock) before the last run began but committed after that run read is
 * still seen, as long as it took less than this. Commands are short (one transaction each, lock waits
 * bounded); the daily full recount (FULL_RECOUNT_HOURS) covers anything longer.
 */
export const REFRESH_OVERLAP_SECONDS = 300;
/** Every unit is recounted from scratch when the last full recount is older than this. */
export const FULL_RECOUNT_HOURS = 24;
/** Keys per DELETE / SELECT and rows per INSERT, to keep statements and their parameters small. */
const CHUNK = 500;

/** What a run recounted: (unit, month) buckets of cases, units of deadlines and enforcement (0 when full). */
export interface RefreshSummary {
  outcome: 'full' | 'incremental';
  caseMonths: number;
  deadlineUnits: number;
  backlogUnits: number;
}

const chunks = <T>(xs: T[], size = CHUNK): T[][] =>
  Array.from({ length: Math.ceil(xs.length / size) }, (_, i) => xs.slice(i * size, (i + 1) * size));

/**
 * Keeps the dashboard's per-unit counts (entities/dashboard-counts.entity.ts, ADR 0023): each run finds
 * the rows changed since the last run began (less REFRESH_OVERLAP_SECONDS) through the `updated_at`
 * indexes, and recounts from the source tables only what they touch — the (unit, kind, month) of changed
 * cases (`received_on` and `unit_id` never change), and every count of a unit whose deadlines or
 * enforcement records changed (a deadline's due date can move). Recounting is idempotent, so a run
 * repeated or overlapping another's window changes nothing. Runs are serialised by the state row, locked
 * by the transaction's first statement: a second worker waits, and its snapshot (taken at its first plain
 * read, after the lock) includes the first one's commit, so it never writes older counts over newer.
 * Reads are plain consistent reads (never `INSERT … SELECT`, which would lock the case rows it reads).
 */
@Injectable()
export class DashboardCountsRefresher {
  private readonly logger = new Logger(DashboardCountsRefresher.name);

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async refresh(): Promise<RefreshSummary> {
    const started = performance.now();
    const summary = await transactionWithRetry(this.dataSource, (manager) => this.run(manager));
    this.logger.log(
      { ...summary, ms: Math.round(performance.now() - started) },
      'dashboard counts refreshed',
    );
    return summary;
  }

  private async run(manager: EntityManager): Promise<RefreshSummary> {
    // The lock first: nothing may be read before it (the snapshot would predate a concurrent run's commit).
    const lockState = async () =>
      (await manager.query(
        `SELECT DATE_FORMAT(NOW(3), '%Y-%m-%d %H:%i:%s.%f') AS now,
                DATE_FORMAT(refreshed_at - INTERVAL ${REFRESH_OVERLAP_SECONDS} SECOND, '%Y-%m-%d %H:%i:%s.%f') AS since,
                (refreshed_at IS NULL OR full_at IS NULL OR full_at < NOW(3) - INTERVAL ${FULL_RECOUNT_HOURS} HOUR) AS full
           FROM dashboard_refresh_state WHERE id = 1 FOR UPDATE`,
      )) as { now: string; since: string | null; full: number | string }[];
    let [state] = await lockState();
    if (!state) {
      // The first run (or after the tables were emptied): two first runs may deadlock here, and retry.
      await manager.query('INSERT IGNORE INTO dashboard_refresh_state (id) VALUES (1)');
      [state] = await lockState();
    }

    const full = Number(state.full) === 1 || state.since === null;
    const summary: RefreshSummary = {
      outcome: full ? 'full' : 'incremental',
      caseMonths: 0,
      deadlineUnits: 0,
      backlogUnits: 0,
    };
    for (const kind of ['complaint', 'denunciation'] as const) {
      summary.caseMonths += await this.cases(manager, kind, full ? null : state.since);
    }
    summary.deadlineUnits = await this.deadlines(manager, full ? null : state.since);
    summary.backlogUnits = await this.backlog(manager, full ? null : state.since);
    await manager.query(
      `UPDATE dashboard_refresh_state SET refreshed_at = ?${full ? ', full_at = ?' : ''} WHERE id = 1`,
      full ? [state.now, state.now] : [state.now],
    );
    return summary;
  }

  /** The (unit, month) buckets of `kind` touched since `since` (all when null), recounted. */
  private async cases(manager: EntityManager, kind: CaseKind, since: string | null): Promise<number> {
    const table = CASE_TABLES[kind];
    const select = `SELECT unit_id AS unitId, DATE_FORMAT(received_on, '%Y-%m') AS month, state, COUNT(*) AS n FROM ${table}`;
    const group = 'GROUP BY unit_id, month, state';
    if (since === null) {
      await manager.query('DELETE FROM dashboard_case_counts WHERE kind = ?', [kind]);
      const rows = (await manager.query(`${select} ${group}`)) as CountRow[];
      await this.insert(
        manager,
        'dashboard_case_counts',
        ['unit_id', 'kind', 'month', 'state', 'n'],
        rows,
        (r) => [r.unitId, kind, r.month, r.state, Number(r.n)],
      );
      return rows.length;
    }
    const keys = (await manager.query(
      `SELECT DISTINCT unit_id AS unitId, DATE_FORMAT(received_on, '%Y-%m') AS month FROM ${table} WHERE updated_at >= ?`,
      [since],
    )) as { unitId: string; month: string }[];
    for (const part of chunks(keys)) {
      await manager.query(
        `DELETE FROM dashboard_case_counts WHERE kind = ? AND (unit_id, month) IN (${part.map(() => '(?, ?)').join(', ')})`,
        [kind, ...part.flatMap((k) => [k.unitId, k.month])],
      );
      const ranges = part.map((k) => ({ unitId: k.unitId, ...monthRange(k.month) }));
      const rows = (await manager.query(
        `${select} WHERE ${ranges.map(() => '(unit_id = ? AND received_on >= ? AND received_on < ?)').join(' OR ')} ${group}`,
        ranges.flatMap((r) => [r.unitId, r.from, r.until]),
      )) as CountRow[];
      await this.insert(
        manager,
        'dashboard_case_counts',
        ['unit_id', 'kind', 'month', 'state', 'n'],
        rows,
        (r) => [r.unitId, kind, r.month, r.state, Number(r.n)],
      );
    }
    return keys.length;
  }

  /** Open deadlines by due date and resolution deadlines settled by month, for the units touched. */
  private async deadlines(manager: EntityManager, since: string | null): Promise<number> {
    const units = await this.touchedUnits(manager, 'case_deadlines', since);
    for (const part of units ? chunks(units) : [null]) {
      const scope = part ? `unit_id IN (${part.map(() => '?').join(', ')})` : '1 = 1';
      const params = part ?? [];
      await manager.query(`DELETE FROM dashboard_open_deadlines WHERE ${scope}`, params);
      await manager.query(`DELETE FROM dashboard_settled_counts WHERE ${scope}`, params);
      const open = (await manager.query(
        `SELECT unit_id AS unitId, due_date AS dueDate, COUNT(*) AS n FROM case_deadlines
          WHERE ${scope} AND status = 'open' GROUP BY unit_id, due_date`,
        params,
      )) as { unitId: string; dueDate: string; n: number | string }[];
      await this.insert(manager, 'dashboard_open_deadlines', ['unit_id', 'due_date', 'n'], open, (r) => [
        r.unitId,
        r.dueDate,
        Number(r.n),
      ]);
      const settled = (await manager.query(
        `SELECT unit_id AS unitId, DATE_FORMAT(settled_on, '%Y-%m') AS month, status, COUNT(*) AS n FROM case_deadlines
          WHERE ${scope} AND purpose = 'resolution' AND settled_on IS NOT NULL AND status IN ('met', 'missed')
          GROUP BY unit_id, month, status`,
        params,
      )) as { unitId: string; month: string; status: string; n: number | string }[];
      await this.insert(
        manager,
        'dashboard_settled_counts',
        ['unit_id', 'month', 'status', 'n'],
        settled,
        (r) => [r.unitId, r.month, r.status, Number(r.n)],
      );
    }
    return units?.length ?? 0;
  }

  /** Enforcement records not done, by status, for the units touched. */
  private async backlog(manager: EntityManager, since: string | null): Promise<number> {
    const units = await this.touchedUnits(manager, 'enforcement_records', since);
    for (const part of units ? chunks(units) : [null]) {
      const scope = part ? `unit_id IN (${part.map(() => '?').join(', ')})` : '1 = 1';
      const params = part ?? [];
      await manager.query(`DELETE FROM dashboard_backlog_counts WHERE ${scope}`, params);
      const rows = (await manager.query(
        `SELECT unit_id AS unitId, status, COUNT(*) AS n FROM enforcement_records
          WHERE ${scope} AND status IN (${BACKLOG_STATUSES.map(() => '?').join(', ')}) GROUP BY unit_id, status`,
        [...params, ...BACKLOG_STATUSES],
      )) as { unitId: string; status: string; n: number | string }[];
      await this.insert(manager, 'dashboard_backlog_counts', ['unit_id', 'status', 'n'], rows, (r) => [
        r.unitId,
        r.status,
        Number(r.n),
      ]);
    }
    return units?.length ?? 0;
  }

  /** The units with a row of `table` changed since `since`; null (every unit) for a full recount. */
  private async touchedUnits(
    manager: EntityManager,
    table: string,
    since: string | null,
  ): Promise<string[] | null> {
    if (since === null) return null;
    const rows = (await manager.query(
      `SELECT DISTINCT unit_id AS unitId FROM ${table} WHERE updated_at >= ?`,
      [since],
    )) as { unitId: string }[];
    return rows.map((r) => r.unitId);
  }

  private async insert<R>(
    manager: EntityManager,
    table: string,
    columns: string[],
    rows: R[],
    values: (row: R) => unknown[],
  ): Promise<void> {
    const row = `(${columns.map(() => '?').join(', ')})`;
    for (const part of chunks(rows, 1000)) {
      await manager.query(
        `INSERT INTO ${table} (${columns.join(', ')}) VALUES ${part.map(() => row).join(', ')}`,
        part.flatMap(values),
      );
    }
  }
}

interface CountRow {
  unitId: string;
  month: string;
  state: string;
  n: number | string;
}
