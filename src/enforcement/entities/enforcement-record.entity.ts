import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';
import type { LocalDate } from '../../common/domain/local-date.js';
import { CODE_COLUMN, CREATED_AT, ID_COLUMN, UPDATED_AT } from '../../database/columns.js';
import { UnitEntity } from '../../units/unit.entity.js';

export const ENFORCEMENT_STATUSES = ['not_started', 'in_progress', 'done', 'overdue', 'blocked'] as const;
export type EnforcementStatus = (typeof ENFORCEMENT_STATUSES)[number];

/**
 * The follow-up of a final decision (KN-11: a legally effective complaint decision; TC-6 / TC-9: a
 * denunciation conclusion): opened automatically, with its obligations, reviewed monthly until done.
 */
@Entity({ name: 'enforcement_records' })
@Index('uq_enforcement_records_subject', ['subjectType', 'subjectId'], { unique: true })
@Index('idx_enforcement_records_unit_status', ['unitId', 'status'])
@Index('idx_enforcement_records_review', ['status', 'nextReviewOn'])
/** The dashboard refresh's changes since its last run (dashboard-counts.refresher.ts, ADR 0023). */
@Index('idx_enforcement_records_updated', ['updatedAt', 'unitId'])
export class EnforcementRecordEntity {
  @PrimaryColumn({ ...ID_COLUMN, primaryKeyConstraintName: 'pk_enforcement_records' })
  id: string;

  /** `complaint_case` or `denunciation_case`. */
  @Column(CODE_COLUMN(40))
  subjectType: string;

  @Column(ID_COLUMN)
  subjectId: string;

  /** The resolver's unit: it directs the enforcement and answers for it. */
  @Column(ID_COLUMN)
  unitId: string;

  @ManyToOne(() => UnitEntity, { onDelete: 'RESTRICT', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'unit_id', foreignKeyConstraintName: 'fk_enforcement_records_unit_id' })
  unit?: UnitEntity;

  /** The case number and its (redacted) subject. */
  @Column({ type: 'varchar', length: 600 })
  title: string;

  @Column({ type: 'varchar', length: 100, nullable: true })
  decisionRef: string | null;

  @Column({ type: 'date' })
  openedOn: LocalDate;

  @Column(CODE_COLUMN())
  status: EnforcementStatus;

  @Column({ type: 'date', nullable: true })
  closedOn: LocalDate | null;

  /** The next monthly review reminder. */
  @Column({ type: 'date', nullable: true })
  nextReviewOn: LocalDate | null;

  @VersionColumn({ default: 1 })
  version: number;

  @CreateDateColumn(CREATED_AT)
  createdAt: Date;

  @UpdateDateColumn(UPDATED_AT)
  updatedAt: Date;
}
