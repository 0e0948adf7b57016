import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { LocalDate } from '../../common/domain/local-date.js';
import { ID_COLUMN } from '../../database/columns.js';

/**
 * The dashboard's counts kept per unit (ADR 0023, docs/dashboard.md "Kept counts"): rebuilt from the
 * source tables by the refresh job (dashboard-counts.refresher.ts) for the units and months touched
 * since its last run, read by summing the viewer's units. No row with a zero count; no foreign keys (a
 * derived table the job rewrites; units are never deleted).
 */
const ASCII = { charset: 'ascii', collation: 'ascii_bin' } as const;
const COUNT = { type: 'int', unsigned: true } as const;

/** Cases by unit, kind, month of `received_on` (`YYYY-MM`) and current state. */
@Entity({ name: 'dashboard_case_counts' })
export class DashboardCaseCountEntity {
  @PrimaryColumn({ ...ID_COLUMN, primaryKeyConstraintName: 'pk_dashboard_case_counts' })
  unitId: string;

  @PrimaryColumn({
    type: 'varchar',
    length: 16,
    ...ASCII,
    primaryKeyConstraintName: 'pk_dashboard_case_counts',
  })
  kind: string;

  @PrimaryColumn({ type: 'char', length: 7, ...ASCII, primaryKeyConstraintName: 'pk_dashboard_case_counts' })
  month: string;

  @PrimaryColumn({
    type: 'varchar',
    length: 32,
    ...ASCII,
    primaryKeyConstraintName: 'pk_dashboard_case_counts',
  })
  state: string;

  @Column(COUNT)
  n: number;
}

/** Open deadlines (`status = 'open'`, any purpose) by unit and due date: overdue = the sum before today. */
@Entity({ name: 'dashboard_open_deadlines' })
export class DashboardOpenDeadlineEntity {
  @PrimaryColumn({ ...ID_COLUMN, primaryKeyConstraintName: 'pk_dashboard_open_deadlines' })
  unitId: string;

  @PrimaryColumn({ type: 'date', primaryKeyConstraintName: 'pk_dashboard_open_deadlines' })
  dueDate: LocalDate;

  @Column(COUNT)
  n: number;
}

/** Resolution deadlines settled `met` / `missed` by unit and month of `settled_on`. */
@Entity({ name: 'dashboard_settled_counts' })
export class DashboardSettledCountEntity {
  @PrimaryColumn({ ...ID_COLUMN, primaryKeyConstraintName: 'pk_dashboard_settled_counts' })
  unitId: string;

  @PrimaryColumn({
    type: 'char',
    length: 7,
    ...ASCII,
    primaryKeyConstraintName: 'pk_dashboard_settled_counts',
  })
  month: string;

  @PrimaryColumn({
    type: 'varchar',
    length: 16,
    ...ASCII,
    primaryKeyConstraintName: 'pk_dashboard_settled_counts',
  })
  status: string;

  @Column(COUNT)
  n: number;
}

/** Enforcement records not `done`, by unit and status. */
@Entity({ name: 'dashboard_backlog_counts' })
export class DashboardBacklogCountEntity {
  @PrimaryColumn({ ...ID_COLUMN, primaryKeyConstraintName: 'pk_dashboard_backlog_counts' })
  unitId: string;

  @PrimaryColumn({
    type: 'varchar',
    length: 40,
    ...ASCII,
    primaryKeyConstraintName: 'pk_dashboard_backlog_counts',
  })
  status: string;

  @Column(COUNT)
  n: number;
}

/**
 * The refresh job's one row (`id = 1`): `refreshedAt` is the database time at which the last run began
 * (the figures include every change committed before it: the dashboard's "số liệu tính đến"); `fullAt`
 * when every unit was last recounted.
 */
@Entity({ name: 'dashboard_refresh_state' })
export class DashboardRefreshStateEntity {
  @PrimaryColumn({ type: 'tinyint', unsigned: true, primaryKeyConstraintName: 'pk_dashboard_refresh_state' })
  id: number;

  @Column({ type: 'datetime', precision: 3, nullable: true })
  refreshedAt: Date | null;

  @Column({ type: 'datetime', precision: 3, nullable: true })
  fullAt: Date | null;
}
