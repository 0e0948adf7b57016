import { Injectable } from '@nestjs/common';
import { ReplicaReads } from '../database/replica-reads.js';
import type { Actor } from '../auth/domain/actor.js';
import { Clock } from '../common/clock.js';
import { scopeSql } from '../units/unit-scope.js';
import {
  buildDashboard,
  monthsEnding,
  type BacklogRow,
  type CaseKind,
  type CaseRow,
  type Dashboard,
  type OverdueRow,
  type SettledRow,
} from './dashboard.model.js';

/**
 * Reads the dashboard's counts within the viewer's unit scope (units/unit-scope.ts) from the counts kept
 * per unit (dashboard-counts.refresher.ts, ADR 0023): each query sums the rows of the units in scope,
 * so a unit outside it is never counted. A few thousand small rows per call instead of ~466 k index
 * entries over 1,000,000 cases.
 */
@Injectable()
export class DashboardService {
  constructor(
    // Counts a leader reads at a glance may be a few seconds old: a replica's when configured (ADR 0013).
    private readonly reads: ReplicaReads,
    private readonly clock: Clock,
  ) {}

  async dashboard(actor: Actor): Promise<Dashboard> {
    const today = this.clock.today();
    const months = monthsEnding(today);
    const window = [months[0], months[months.length - 1]] as const;
    const [cases, overdue, settled, backlog, asOf] = await Promise.all([
      this.cases(actor, window),
      this.overdue(actor, today),
      this.settled(actor, window),
      this.backlog(actor),
      this.asOf(),
    ]);
    return buildDashboard(today, { cases, overdue, settled, backlog }, asOf);
  }

  private async asOf(): Promise<string | null> {
    const rows: { refreshedAt: Date | null }[] = await this.reads.query(
      'SELECT refreshed_at AS refreshedAt FROM dashboard_refresh_state WHERE id = 1',
    );
    return rows[0]?.refreshedAt ? new Date(rows[0].refreshedAt).toISOString() : null;
  }

  private async cases(actor: Actor, [from, to]: readonly [string, string]): Promise<CaseRow[]> {
    const scope = scopeSql('c.unit_id', actor);
    const rows: { kind: CaseKind; month: string; state: string; n: number | string }[] =
      await this.reads.query(
        `SELECT c.kind AS kind, c.month AS month, c.state AS state, SUM(c.n) AS n
       FROM dashboard_case_counts c
       WHERE c.month >= ? AND c.month <= ? AND ${scope.sql}
       GROUP BY c.kind, c.month, c.state`,
        [from, to, ...scope.params],
      );
    return rows.map((r) => ({ kind: r.kind, month: r.month, state: r.state, n: Number(r.n) }));
  }

  private async overdue(actor: Actor, today: string): Promise<OverdueRow[]> {
    const scope = scopeSql('d.unit_id', actor);
    const rows: { unitId: string; unitName: string; n: number | string }[] = await this.reads.query(
      `SELECT d.unit_id AS unitId, u.name AS unitName, SUM(d.n) AS n
       FROM dashboard_open_deadlines d JOIN units u ON u.id = d.unit_id
       WHERE d.due_date < ? AND ${scope.sql}
       GROUP BY d.unit_id, u.name`,
      [today, ...scope.params],
    );
    return rows.map((r) => ({ unitId: r.unitId, unitName: r.unitName, n: Number(r.n) }));
  }

  private async settled(actor: Actor, [from, to]: readonly [string, string]): Promise<SettledRow[]> {
    const scope = scopeSql('d.unit_id', actor);
    const rows: { month: string; status: 'met' | 'missed'; n: number | string }[] = await this.reads.query(
      `SELECT d.month AS month, d.status AS status, SUM(d.n) AS n
         FROM dashboard_settled_counts d
         WHERE d.month >= ? AND d.month <= ? AND ${scope.sql}
         GROUP BY d.month, d.status`,
      [from, to, ...scope.params],
    );
    return rows.map((r) => ({ month: r.month, status: r.status, n: Number(r.n) }));
  }

  private async backlog(actor: Actor): Promise<BacklogRow[]> {
    const scope = scopeSql('e.unit_id', actor);
    const rows: { unitId: string; unitName: string; status: BacklogRow['status']; n: number | string }[] =
      await this.reads.query(
        `SELECT e.unit_id AS unitId, u.name AS unitName, e.status AS status, SUM(e.n) AS n
         FROM dashboard_backlog_counts e JOIN units u ON u.id = e.unit_id
         WHERE ${scope.sql}
         GROUP BY e.unit_id, u.name, e.status`,
        scope.params,
      );
    return rows.map((r) => ({ unitId: r.unitId, unitName: r.unitName, status: r.status, n: Number(r.n) }));
  }
}
