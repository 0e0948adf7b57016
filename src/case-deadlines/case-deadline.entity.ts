import { ID_COLUMN, CREATED_AT, UPDATED_AT } from '../database/columns.js';
import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  UpdateDateColumn,
} from 'typeorm';
import { UnitEntity } from '../units/unit.entity.js';
import type { DeadlineOptions } from '../deadlines/domain/deadline-engine.js';
import type { CaseDeadlineStatus } from './domain/case-deadline-status.js';

/**
 * One statutory deadline of one step of a case (or letter, visit, enforcement record): the engine's
 * answer stored with everything that produced it, recomputed — never edited by hand — when the case is
 * suspended or continued, its flags change, or its unit's calendar changes (history in
 * case_deadline_changes). `version` rises with every recomputation: escalations are unique per
 * (deadline, version, level), so a moved deadline re-arms them.
 */
@Entity({ name: 'case_deadlines' })
@Index('uq_case_deadlines_subject_purpose', ['subjectType', 'subjectId', 'purpose', 'sequence'], {
  unique: true,
})
@Index('idx_case_deadlines_status_due', ['status', 'dueDate'])
@Index('idx_case_deadlines_unit_status_due', ['unitId', 'status', 'dueDate'])
/** The dashboard's on-time rate by month settled (dashboard.service.ts): a range per unit, covering. */
@Index('idx_case_deadlines_unit_purpose_settled', ['unitId', 'purpose', 'settledOn', 'status'])
/** The dashboard refresh's changes since its last run (dashboard-counts.refresher.ts, ADR 0023). */
@Index('idx_case_deadlines_updated', ['updatedAt', 'unitId'])
@Index('idx_case_deadlines_status_next_escalation', ['status', 'nextEscalationOn'])
export class CaseDeadlineEntity {
  @PrimaryColumn({ ...ID_COLUMN, primaryKeyConstraintName: 'pk_case_deadlines' })
  id: string;

  /** What the deadline belongs to: `complaint_case`, `denunciation_case`, `letter`, … */
  @Column({ type: 'varchar', length: 40, charset: 'ascii', collation: 'ascii_bin' })
  subjectType: string;

  @Column(ID_COLUMN)
  subjectId: string;

  /** The resolving unit: its calendar counts the days, its scope decides who sees the deadline. */
  @Column(ID_COLUMN)
  unitId: string;

  @ManyToOne(() => UnitEntity, { onDelete: 'RESTRICT', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'unit_id', foreignKeyConstraintName: 'fk_case_deadlines_unit_id' })
  unit?: UnitEntity;

  /** The step: `acceptance`, `resolution`, `send_decision`, … */
  @Column({ type: 'varchar', length: 40, charset: 'ascii', collation: 'ascii_bin' })
  purpose: string;

  /** 1 for the first deadline of a purpose; a purpose that recurs (a second suspension notice) counts up. */
  @Column({ type: 'smallint', unsigned: true, default: 1 })
  sequence: number;

  @Column({ type: 'varchar', length: 16, charset: 'ascii', collation: 'ascii_bin' })
  ruleId: string;

  @Column({ type: 'varchar', length: 32, charset: 'ascii', collation: 'ascii_bin' })
  ruleVersion: string;

  @Column({ type: 'date' })
  triggerDate: string;

  /** The engine options in force: flags, extensions, suspensions (the ongoing one in `pausedSince`). */
  @Column({ type: 'json' })
  options: DeadlineOptions;

  @Column({ type: 'date' })
  rawEnd: string;

  @Column({ type: 'date' })
  dueDate: string;

  /** An earlier date the unit aims for (never replaces the statutory one). */
  @Column({ type: 'date', nullable: true })
  internalTarget: string | null;

  @Column({ type: 'varchar', length: 16, charset: 'ascii', collation: 'ascii_bin' })
  status: CaseDeadlineStatus;

  /** While paused (suspension): the date of the suspension decision. */
  @Column({ type: 'date', nullable: true })
  pausedSince: string | null;

  /** When the step was done (met or missed) or the deadline cancelled. */
  @Column({ type: 'date', nullable: true })
  settledOn: string | null;

  @Column({ type: 'varchar', length: 64, charset: 'ascii', collation: 'ascii_bin' })
  calendarVersion: string;

  @Column({ type: 'varchar', length: 120, charset: 'ascii', collation: 'ascii_bin' })
  policyVersion: string;

  /** Some day of the period lies in a year whose calendar is not yet confirmed. */
  @Column({ type: 'boolean', default: false })
  provisional: boolean;

  /** The engine's step-by-step explanation, `{ vi: string[], en: string[] }`. */
  @Column({ type: 'json' })
  explanation: { vi: string[]; en: string[] };

  @Column({ type: 'int', unsigned: true, default: 1 })
  version: number;

  /**
   * The next level of the escalation ladder and the day it is due (null: nothing left to escalate, or
   * the deadline is not running). The sweep reads `status = 'open' AND next_escalation_on <= today` on
   * an index, so its cost follows the deadlines due, not all of them.
   */
  @Column({ type: 'date', nullable: true })
  nextEscalationOn: string | null;

  @Column({ type: 'tinyint', unsigned: true, nullable: true })
  nextEscalationLevel: number | null;

  @CreateDateColumn(CREATED_AT)
  createdAt: Date;

  @UpdateDateColumn(UPDATED_AT)
  updatedAt: Date;
}
