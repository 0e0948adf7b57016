import { Injectable } from '@nestjs/common';
import { ReplicaReads } from '../database/replica-reads.js';
import type { Actor } from '../auth/domain/actor.js';
import { Clock } from '../common/clock.js';
import { scopeSql } from '../units/unit-scope.js';
import {
  BACKLOG_STATUSES,
  buildDashboard,
  monthsEnding,
  type BacklogRow,
  type CaseKind,
  type CaseRow,
  type Dashboard,
  type OverdueRow,
  type SettledRow,
} from './dashboard.model.js';

const CASE_TABLES: Record<CaseKind, string> = {
  complaint: 'complaint_cases',
  denunciation: 'denunciation_cases',
};

/**
 * Reads the dashboard's grouped counts within the viewer's unit scope (units/unit-scope.ts): every
 * query filters on the row's own unit, so a unit outside the scope is never counted.
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
    const from = `${monthsEnding(today)[0]}-01`;
    const [complaints, denunciations, overdue, settled, backlog] = await Promise.all([
      this.cases('complaint', actor, from, today),
      this.cases('denunciation', actor, from, today),
      this.overdue(actor, today),
      this.settled(actor, from, today),
      this.backlog(actor),
    ]);
    return buildDashboard(today, { cases: [...complaints, ...denunciations], overdue, settled, backlog });
  }

  private async cases(kind: CaseKind, actor: Actor, from: string, today: string): Promise<CaseRow[]> {
    const scope = scopeSql('c.unit_id', actor);
    const rows: { month: string; state: string; n: number | string }[] = await this.reads.query(
      `SELECT DATE_FORMAT(c.received_on, '%Y-%m') AS month, c.state AS state, COUNT(*) AS n
       FROM ${CASE_TABLES[kind]} c
       WHERE c.received_on >= ? AND c.received_on <= ? AND ${scope.sql}
       GROUP BY month, c.state`,
      [from, today, ...scope.params],
    );
    return rows.map((r) => ({ kind, month: r.month, state: r.state, n: Number(r.n) }));
  }

  private async overdue(actor: Actor, today: string): Promise<OverdueRow[]> {
    const scope = scopeSql('d.unit_id', actor);
    const rows: { unitId: string; unitName: string; n: number | string }[] = await this.reads.query(
      `SELECT d.unit_id AS unitId, u.name AS unitName, COUNT(*) AS n
       FROM case_deadlines d JOIN units u ON u.id = d.unit_id
       WHERE d.status = 'open' AND d.due_date < ? AND ${scope.sql}
       GROUP BY d.unit_id, u.name`,
      [today, ...scope.params],
    );
    return rows.map((r) => ({ unitId: r.unitId, unitName: r.unitName, n: Number(r.n) }));
  }

  private async settled(actor: Actor, from: string, today: string): Promise<SettledRow[]> {
    const scope = scopeSql('d.unit_id', actor);
    const rows: { month: string; status: 'met' | 'missed'; n: number | string }[] = await this.reads.query(
      `SELECT DATE_FORMAT(d.settled_on, '%Y-%m') AS month, d.status AS status, COUNT(*) AS n
         FROM case_deadlines d
         WHERE d.purpose = 'resolution' AND d.status IN ('met', 'missed')
           AND d.settled_on >= ? AND d.settled_on <= ? AND ${scope.sql}
         GROUP BY month, d.status`,
      [from, today, ...scope.params],
    );
    return rows.map((r) => ({ month: r.month, status: r.status, n: Number(r.n) }));
  }

  private async backlog(actor: Actor): Promise<BacklogRow[]> {
    const scope = scopeSql('e.unit_id', actor);
    const rows: { unitId: string; unitName: string; status: BacklogRow['status']; n: number | string }[] =
      await this.reads.query(
        `SELECT e.unit_id AS unitId, u.name AS unitName, e.status AS status, COUNT(*) AS n
         FROM enforcement_records e JOIN units u ON u.id = e.unit_id
         WHERE e.status IN (${BACKLOG_STATUSES.map(() => '?').join(', ')}) AND ${scope.sql}
         GROUP BY e.unit_id, u.name, e.status`,
        [...BACKLOG_STATUSES, ...scope.params],
      );
    return rows.map((r) => ({ unitId: r.unitId, unitName: r.unitName, status: r.status, n: Number(r.n) }));
  }
}
