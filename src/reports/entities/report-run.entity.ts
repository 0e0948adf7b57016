import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { CODE_COLUMN, CREATED_AT, ID_COLUMN } from '../../database/columns.js';
import { UnitEntity } from '../../units/unit.entity.js';
import { UserEntity } from '../../users/user.entity.js';

export const REPORT_RUN_STATUSES = ['queued', 'running', 'done', 'failed'] as const;
export type ReportRunStatus = (typeof REPORT_RUN_STATUSES)[number];

/**
 * A report built in the background (docs/reports.md, "Background runs"): what was asked, whose scope it
 * covers, how far the worker got and where the file is. Aggregates only — the row and its file hold
 * counts and unit names, never personal data. The query is kept as asked (period or from–to) so the
 * worker builds exactly what `GET /api/v1/reports/{form}` would.
 */
@Entity({ name: 'report_runs' })
@Index('idx_report_runs_requested_by_created', ['requestedBy', 'createdAt'])
@Index('idx_report_runs_status_created', ['status', 'createdAt'])
@Index('idx_report_runs_expires_at', ['expiresAt'])
export class ReportRunEntity {
  @PrimaryColumn({ ...ID_COLUMN, primaryKeyConstraintName: 'pk_report_runs' })
  id: string;

  @Column(ID_COLUMN)
  requestedBy: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'requested_by', foreignKeyConstraintName: 'fk_report_runs_requested_by' })
  requester?: UserEntity;

  /** `01/TCD` … `05/KQTH`. */
  @Column(CODE_COLUMN(20))
  formCode: string;

  /** `month` … `year` when asked by period; null for a from–to window. */
  @Column({ ...CODE_COLUMN(20), nullable: true })
  periodKind: string | null;

  @Column({ type: 'smallint', unsigned: true, nullable: true })
  periodYear: number | null;

  @Column({ type: 'tinyint', unsigned: true, nullable: true })
  periodIndex: number | null;

  /** `nd09` | `calendar` | `national_assembly` for a period; null for a from–to window. */
  @Column({ ...CODE_COLUMN(20), nullable: true })
  cutoff: string | null;

  @Column({ type: 'date' })
  windowFrom: string;

  @Column({ type: 'date' })
  windowTo: string;

  /** The requested subtree; null: the requester's scope roots (below). */
  @Column({ ...ID_COLUMN, nullable: true })
  unitId: string | null;

  @ManyToOne(() => UnitEntity, { onDelete: 'RESTRICT', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'unit_id', foreignKeyConstraintName: 'fk_report_runs_unit_id' })
  unit?: UnitEntity;

  /** The units whose subtrees the report covers, fixed at request time; null = every unit. */
  @Column({ type: 'json', nullable: true })
  scopeRootUnitIds: string[] | null;

  /** `csv` | `xlsx` | `json`. */
  @Column(CODE_COLUMN(10))
  format: string;

  @Column(CODE_COLUMN(10))
  status: ReportRunStatus;

  /** 0–100. */
  @Column({ type: 'tinyint', unsigned: true, default: 0 })
  progress: number;

  @Column({ type: 'int', unsigned: true, default: 0 })
  unitsTotal: number;

  @Column({ type: 'int', unsigned: true, default: 0 })
  unitsDone: number;

  /** Deliveries that claimed the run (a stalled run is claimed again). */
  @Column({ type: 'smallint', unsigned: true, default: 0 })
  attempts: number;

  /** Relative to REPORTS_DIR. */
  @Column({ type: 'varchar', length: 200, charset: 'ascii', collation: 'ascii_bin', nullable: true })
  filePath: string | null;

  @Column({ type: 'int', unsigned: true, nullable: true })
  fileSize: number | null;

  @Column({ type: 'char', length: 64, charset: 'ascii', collation: 'ascii_bin', nullable: true })
  fileSha256: string | null;

  /** A short code of the failure (never a message or a stack). */
  @Column({ ...CODE_COLUMN(60), nullable: true })
  errorCode: string | null;

  @CreateDateColumn(CREATED_AT)
  createdAt: Date;

  @Column({ type: 'datetime', precision: 3, nullable: true })
  startedAt: Date | null;

  /** Set while running and at each progress step: a run whose heartbeat stops is stalled. */
  @Column({ type: 'datetime', precision: 3, nullable: true })
  heartbeatAt: Date | null;

  @Column({ type: 'datetime', precision: 3, nullable: true })
  finishedAt: Date | null;

  /** When the row and its file are deleted. */
  @Column({ type: 'datetime', precision: 3 })
  expiresAt: Date;
}
