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
import { ResolutionFacts } from '../../cases/entities/resolution-facts.js';
import type { LocalDate } from '../../common/domain/local-date.js';
import { CODE_COLUMN, CREATED_AT, ID_COLUMN, UPDATED_AT } from '../../database/columns.js';
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
export class DenunciationCaseEntity {
  @PrimaryColumn({ ...ID_COLUMN, primaryKeyConstraintName: 'pk_denunciation_cases' })
  id: string;

  /** TC-2026-000123. */
  @Column({ type: 'varchar', length: 20, charset: 'ascii', collation: 'ascii_bin' })
  caseNumber: string;

  @Column(ID_COLUMN)
  letterId: string;

  @ManyToOne(() => LetterEntity, { onDelete: 'RESTRICT', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'letter_id', foreignKeyConstraintName: 'fk_denunciation_cases_letter_id' })
  letter?: LetterEntity;

  @Column(ID_COLUMN)
  unitId: string;

  @ManyToOne(() => UnitEntity, { onDelete: 'RESTRICT', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'unit_id', foreignKeyConstraintName: 'fk_denunciation_cases_unit_id' })
  unit?: UnitEntity;

  @Column({ ...ID_COLUMN, nullable: true })
  handlerUserId: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'handler_user_id', foreignKeyConstraintName: 'fk_denunciation_cases_handler' })
  handler?: UserEntity | null;

  @Column(CODE_COLUMN(40))
  track: DenunciationTrack;

  @Column(CODE_COLUMN(32))
  state: DenunciationState;

  @Column({ ...CODE_COLUMN(32), nullable: true })
  suspendedFrom: DenunciationState | null;

  /** The case a re-denunciation is about (LTC arts. 37, 38). */
  @Column({ ...ID_COLUMN, nullable: true })
  originalCaseId: string | null;

  @ManyToOne(() => DenunciationCaseEntity, { onDelete: 'RESTRICT', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'original_case_id', foreignKeyConstraintName: 'fk_denunciation_cases_original' })
  originalCase?: DenunciationCaseEntity | null;

  /** The redacted subject. */
  @Column({ type: 'varchar', length: 500 })
  subject: string;

  /** The case number and the folded subject (at most 600 ASCII characters: see searchFold). */
  @Column({ type: 'varchar', length: 600, charset: 'ascii', collation: 'ascii_general_ci' })
  searchText: string;

  @Column({ type: 'date' })
  receivedOn: LocalDate;

  @Column({ type: 'date', nullable: true })
  acceptedOn: LocalDate | null;

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

  /** The day the case ended without a decision (its first step into `terminated`); null otherwise. */
  @Column({ type: 'date', nullable: true })
  terminatedOn: LocalDate | null;

  /** The step that ended it: `withdraw` (withdrawn in whole) or `terminate` (đình chỉ). */
  @Column({ ...CODE_COLUMN(32), nullable: true })
  terminatedBy: string | null;

  /** The day of its first `withdraw` step (a denunciation may go on after it, LTC art. 33). */
  @Column({ type: 'date', nullable: true })
  withdrawnOn: LocalDate | null;

  /** Its resolution deadline's facts, copied for the reports (resolution-facts.ts). */
  @Column(() => ResolutionFacts, { prefix: 'resolution' })
  resolution: ResolutionFacts;

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

  @VersionColumn({ default: 1 })
  version: number;

  @CreateDateColumn(CREATED_AT)
  createdAt: Date;

  @UpdateDateColumn(UPDATED_AT)
  updatedAt: Date;
}
