import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { CaseColumns } from '../../cases/entities/case-columns.js';
import type { LocalDate } from '../../common/domain/local-date.js';
import { CODE_COLUMN, ID_COLUMN } from '../../database/columns.js';
import { LetterEntity } from '../../letters/entities/letter.entity.js';
import { UnitEntity } from '../../units/unit.entity.js';
import { UserEntity } from '../../users/user.entity.js';
import type { ComplaintState, ComplaintTrack } from '../domain/complaint-lifecycle.js';

/**
 * A complaint case (vụ việc khiếu nại): made when a letter is accepted for processing, then driven through
 * the lifecycle of complaints/domain/complaint-lifecycle.ts by the case kernel. Every step is a row of complaint_case_events;
 * every deadline a row of case_deadlines (subject `complaint_case`). `version` is the optimistic lock: a
 * stale write gets 409 with the current version.
 */
@Entity({ name: 'complaint_cases' })
@Index('uq_complaint_cases_letter_id', ['letterId'], { unique: true })
@Index('uq_complaint_cases_number', ['caseNumber'], { unique: true })
@Index('idx_complaint_cases_unit_state', ['unitId', 'state'])
@Index('idx_complaint_cases_handler_state', ['handlerUserId', 'state'])
@Index('idx_complaint_cases_previous', ['previousCaseId'])
/** The dashboard's cases by month and state (dashboard.service.ts): a range per unit, covering. */
@Index('idx_complaint_cases_unit_received_state', ['unitId', 'receivedOn', 'state'])
/** The dashboard refresh's changes since its last run (dashboard-counts.refresher.ts, ADR 0023). */
@Index('idx_complaint_cases_updated', ['updatedAt', 'unitId', 'receivedOn'])
/** The periodic reports' covering index: every column 03/GQKN and 04/GQTC read (report-data.service.ts). */
@Index('idx_complaint_cases_report', [
  'unitId',
  'acceptedOn',
  'decidedOn',
  'terminatedOn',
  'decisionOutcome',
  'resolution.status',
  'resolution.due',
  'resolution.settledOn',
  'resolution.target',
  'withdrawnOn',
  'terminatedBy',
])
export class ComplaintCaseEntity extends CaseColumns<ComplaintState> {
  @PrimaryColumn({ ...ID_COLUMN, primaryKeyConstraintName: 'pk_complaint_cases' })
  id: string;

  @ManyToOne(() => LetterEntity, { onDelete: 'RESTRICT', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'letter_id', foreignKeyConstraintName: 'fk_complaint_cases_letter_id' })
  letter?: LetterEntity;

  @ManyToOne(() => UnitEntity, { onDelete: 'RESTRICT', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'unit_id', foreignKeyConstraintName: 'fk_complaint_cases_unit_id' })
  unit?: UnitEntity;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'handler_user_id', foreignKeyConstraintName: 'fk_complaint_cases_handler' })
  handler?: UserEntity | null;

  @Column(CODE_COLUMN())
  track: ComplaintTrack;

  @Column({ type: 'boolean', default: false })
  dialogueHeld: boolean;

  /** A second-time complaint: the first-time case it is about. */
  @Column({ ...ID_COLUMN, nullable: true })
  previousCaseId: string | null;

  @ManyToOne(() => ComplaintCaseEntity, { onDelete: 'RESTRICT', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'previous_case_id', foreignKeyConstraintName: 'fk_complaint_cases_previous' })
  previousCase?: ComplaintCaseEntity | null;

  @Column({ type: 'date', nullable: true })
  decidedOn: LocalDate | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  decisionRef: string | null;

  /** What the decision found: the complaint right, partly right or wrong (reports 03/GQKN). */
  @Column({ ...CODE_COLUMN(), nullable: true })
  decisionOutcome: 'right' | 'partly_right' | 'wrong' | null;

  /** First day the decision is legally effective (the day after KN-9 / KL-6), once decided. */
  @Column({ type: 'date', nullable: true })
  legalEffectFrom: LocalDate | null;

  /** vùng sâu, vùng xa (KN-3, KN-5, KN-6, KN-9): who decided and why (legal-reference §5.4). */
  @Column({ type: 'boolean', default: false })
  remote: boolean;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  remoteReason: string | null;

  @Column({ ...ID_COLUMN, nullable: true })
  remoteSetByUserId: string | null;

  /** vụ việc phức tạp (NĐ 124 art. 3a): a written determination is required. */
  @Column({ type: 'boolean', default: false })
  complicated: boolean;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  complicatedReason: string | null;

  @Column({ ...ID_COLUMN, nullable: true })
  complicatedSetByUserId: string | null;
}
