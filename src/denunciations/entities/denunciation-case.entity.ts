import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { CaseColumns } from '../../cases/entities/case-columns.js';
import type { LocalDate } from '../../common/domain/local-date.js';
import { CODE_COLUMN, ID_COLUMN } from '../../database/columns.js';
import { LetterEntity } from '../../letters/entities/letter.entity.js';
import { UnitEntity } from '../../units/unit.entity.js';
import { UserEntity } from '../../users/user.entity.js';
import type { Complexity, DenunciationState, DenunciationTrack } from '../domain/denunciation-lifecycle.js';

/**
 * A denunciation case (vụ việc tố cáo), made when a denunciation letter (or anonymous information) is
 * accepted for processing. It holds no word of who denounced: the identity stays in the letter's encrypted
 * store, and `subject` is the redacted subject. Every step is a denunciation_case_events row; every
 * deadline a case_deadlines row (subject `denunciation_case`).
 */
@Entity({ name: 'denunciation_cases' })
@Index('uq_denunciation_cases_letter_id', ['letterId'], { unique: true })
@Index('uq_denunciation_cases_number', ['caseNumber'], { unique: true })
@Index('idx_denunciation_cases_unit_state', ['unitId', 'state'])
/** The dashboard's cases by month and state (dashboard.service.ts): a range per unit, covering. */
@Index('idx_denunciation_cases_unit_received_state', ['unitId', 'receivedOn', 'state'])
/** The dashboard refresh's changes since its last run (dashboard-counts.refresher.ts, ADR 0023). */
@Index('idx_denunciation_cases_updated', ['updatedAt', 'unitId', 'receivedOn'])
@Index('idx_denunciation_cases_handler_state', ['handlerUserId', 'state'])
@Index('idx_denunciation_cases_original', ['originalCaseId'])
/** The periodic reports' covering index: every column 03/GQKN and 04/GQTC read (report-data.service.ts). */
@Index('idx_denunciation_cases_report', [
  'unitId',
  'acceptedOn',
  'concludedOn',
  'terminatedOn',
  'conclusionOutcome',
  'resolution.status',
  'resolution.due',
  'resolution.settledOn',
  'resolution.target',
  'withdrawnOn',
  'terminatedBy',
])
export class DenunciationCaseEntity extends CaseColumns<DenunciationState> {
  @PrimaryColumn({ ...ID_COLUMN, primaryKeyConstraintName: 'pk_denunciation_cases' })
  id: string;

  @ManyToOne(() => LetterEntity, { onDelete: 'RESTRICT', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'letter_id', foreignKeyConstraintName: 'fk_denunciation_cases_letter_id' })
  letter?: LetterEntity;

  @ManyToOne(() => UnitEntity, { onDelete: 'RESTRICT', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'unit_id', foreignKeyConstraintName: 'fk_denunciation_cases_unit_id' })
  unit?: UnitEntity;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'handler_user_id', foreignKeyConstraintName: 'fk_denunciation_cases_handler' })
  handler?: UserEntity | null;

  @Column(CODE_COLUMN(40))
  track: DenunciationTrack;

  /** The case a re-denunciation is about (LTC arts. 37, 38). */
  @Column({ ...ID_COLUMN, nullable: true })
  originalCaseId: string | null;

  @ManyToOne(() => DenunciationCaseEntity, { onDelete: 'RESTRICT', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'original_case_id', foreignKeyConstraintName: 'fk_denunciation_cases_original' })
  originalCase?: DenunciationCaseEntity | null;

  /** The head who accepted the case: one of those who may see the denouncer (LTC art. 47). */
  @Column({ ...ID_COLUMN, nullable: true })
  acceptedByUserId: string | null;

  @Column({ type: 'date', nullable: true })
  concludedOn: LocalDate | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  conclusionRef: string | null;

  /** What the conclusion found: the denunciation right, partly right or wrong (reports 04/GQTC). */
  @Column({ ...CODE_COLUMN(), nullable: true })
  conclusionOutcome: 'right' | 'partly_right' | 'wrong' | null;

  /** NĐ 31 art. 3: the written determination of complexity, with who made it and why. */
  @Column(CODE_COLUMN(32))
  complexity: Complexity;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  complexityReason: string | null;

  @Column({ ...ID_COLUMN, nullable: true })
  complexitySetByUserId: string | null;

  @Column({ type: 'tinyint', unsigned: true, default: 0 })
  extensions: number;

  @Column({ type: 'boolean', default: false })
  conclusionSent: boolean;

  @Column({ type: 'boolean', default: false })
  conclusionHandled: boolean;

  /** The denouncer withdrew; resolution continued because of signs of violation (LTC art. 33(1)). */
  @Column({ type: 'boolean', default: false })
  withdrawn: boolean;
}
