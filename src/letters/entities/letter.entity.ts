import type { CompetentBodyCategory } from '../../national-sync/domain/national-events.js';
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
import { ReceptionVisitEntity } from '../../reception/entities/reception-visit.entity.js';
import { UnitEntity } from '../../units/unit.entity.js';
import { UserEntity } from '../../users/user.entity.js';
import type {
  ArchiveReason,
  EligibilityAnswer,
  LetterChannel,
  LetterClassification,
  LetterStatus,
  ProcessingDecision,
} from '../domain/letter-rules.js';

/** Flags set when a letter is logged or decided; shown to officers, never to the public. */
export type LetterFlag =
  | 'already_transferred' // the same petitioner's letter on the same content was transferred before
  | 'resolved_second_level' // LKN art. 11(7): a second-time decision exists — not acceptable
  | 'possible_duplicate'; // a similar letter of the same petitioner exists

/**
 * A letter (đơn): one piece of content from one petitioner or group, on its way to a processing decision
 * (XLD-1/XLD-2 deadline). Who wrote it is in letter_petitioners, encrypted; this row holds no personal data
 * except the content the citizen wrote, which only roles with `letters:read` in the unit's scope see.
 */
@Entity({ name: 'letters' })
@Index('uq_letters_receipt_code', ['receiptCode'], { unique: true })
@Index('idx_letters_unit_status_received', ['unitId', 'status', 'receivedOn'])
@Index('idx_letters_parent', ['parentLetterId'])
@Index('idx_letters_transferred_from', ['transferredFromLetterId'])
@Index('uq_letters_visit', ['visitId', 'partNumber'], { unique: true })
@Index('idx_letters_unit_eligibility_checked', ['unitId', 'eligibilityChecked'])
@Index('idx_letters_anonymised_decided', ['anonymisedAt', 'decidedOn'])
export class LetterEntity {
  @PrimaryColumn({ ...ID_COLUMN, primaryKeyConstraintName: 'pk_letters' })
  id: string;

  /** The unit that received the letter and must decide what to do with it. */
  @Column(ID_COLUMN)
  unitId: string;

  @ManyToOne(() => UnitEntity, { onDelete: 'RESTRICT', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'unit_id', foreignKeyConstraintName: 'fk_letters_unit_id' })
  unit?: UnitEntity;

  @Column({ type: 'date' })
  receivedOn: LocalDate;

  @Column(CODE_COLUMN())
  channel: LetterChannel;

  /** The forwarding body (deputy, Front, newspaper, agency) and its reference, for forwarded channels. */
  @Column({ type: 'varchar', length: 500, nullable: true })
  forwardedBy: string | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  forwardedRef: string | null;

  /** The reception-book visit the letter was handed in at. */
  @Column({ ...ID_COLUMN, nullable: true })
  visitId: string | null;

  @ManyToOne(() => ReceptionVisitEntity, { onDelete: 'RESTRICT', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'visit_id', foreignKeyConstraintName: 'fk_letters_visit_id' })
  visit?: ReceptionVisitEntity | null;

  /** 0 for a letter; 1, 2… for the parts of a split mixed letter (keeps one letter per visit and part). */
  @Column({ type: 'smallint', unsigned: true, default: 0 })
  partNumber: number;

  /** The letter of another unit that transferred this one here (a chain; loops are refused). */
  @Column({ ...ID_COLUMN, nullable: true })
  transferredFromLetterId: string | null;

  @ManyToOne(() => LetterEntity, { onDelete: 'RESTRICT', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'transferred_from_letter_id', foreignKeyConstraintName: 'fk_letters_transferred_from' })
  transferredFrom?: LetterEntity | null;

  /** The mixed letter this one was split from. */
  @Column({ ...ID_COLUMN, nullable: true })
  parentLetterId: string | null;

  @ManyToOne(() => LetterEntity, { onDelete: 'RESTRICT', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'parent_letter_id', foreignKeyConstraintName: 'fk_letters_parent' })
  parent?: LetterEntity | null;

  @Column(CODE_COLUMN())
  classification: LetterClassification;

  /** Complaints only: first or second time, administrative or disciplinary. */
  @Column({ ...CODE_COLUMN(), nullable: true })
  complaintTrack: string | null;

  /** Denunciations only: a denunciation, or a re-denunciation (LTC arts. 37, 38). */
  @Column({ ...CODE_COLUMN(40), nullable: true })
  denunciationTrack: string | null;

  /**
   * The earlier case this letter is about: the first-time complaint case of a second-time complaint, or
   * the denunciation case of a re-denunciation.
   */
  @Column({ ...ID_COLUMN, nullable: true })
  previousCaseId: string | null;

  /**
   * The writer's identity is protected (denunciations, and mixed letters that may hold one): the subject
   * and content here are the redacted copy; the original is sealed in protected_letter_texts.
   */
  @Column({ type: 'boolean', default: false })
  identityProtected: boolean;

  /** The denouncer disclosed their identity themselves, or waived protection; who recorded it, when. */
  @Column({ ...CODE_COLUMN(), nullable: true })
  identityDisclosure: 'self_disclosed' | 'waived' | null;

  @Column({ ...ID_COLUMN, nullable: true })
  identityDisclosureByUserId: string | null;

  @Column({ type: 'datetime', precision: 3, nullable: true })
  identityDisclosureAt: Date | null;

  /**
   * When the retention job anonymised the letter (ADR 0015, docs/personal-data.md): its persons and
   * free texts are gone, its facts and dates stay. Null: not anonymised.
   */
  @Column({ type: 'datetime', precision: 3, nullable: true })
  anonymisedAt: Date | null;

  /** A short title for lists ("Khiếu nại quyết định thu hồi đất…"). */
  @Column({ type: 'varchar', length: 500 })
  subject: string;

  /** Up to 20 000 characters, any of them 4 bytes in utf8mb4: a MEDIUMTEXT. */
  @Column({ type: 'mediumtext' })
  content: string;

  /** Subject and content without diacritics, lower case: what the diacritic-insensitive search reads. */
  @Column({ type: 'mediumtext', charset: 'ascii', collation: 'ascii_general_ci' })
  searchText: string;

  @Column({ type: 'smallint', unsigned: true })
  petitionerCount: number;

  @Column({ type: 'boolean' })
  eligible: boolean;

  @Column({ type: 'json' })
  eligibility: EligibilityAnswer[];

  /**
   * False for a letter a citizen filed on the public form ("chưa kiểm tra"): nobody has answered its
   * eligibility checks yet, so `eligible` is false and means nothing until an officer does.
   */
  @Column({ type: 'boolean', default: true })
  eligibilityChecked: boolean;

  @Column({ type: 'json' })
  flags: LetterFlag[];

  @Column(CODE_COLUMN())
  status: LetterStatus;

  /** The statutory processing deadline (XLD-1 / XLD-2), copied from case_deadlines for lists. */
  @Column({ type: 'date' })
  processingDue: LocalDate;

  @Column({ ...CODE_COLUMN(), nullable: true })
  decision: ProcessingDecision | null;

  @Column({ type: 'date', nullable: true })
  decidedOn: LocalDate | null;

  @Column({ ...ID_COLUMN, nullable: true })
  decidedByUserId: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'decided_by_user_id', foreignKeyConstraintName: 'fk_letters_decided_by' })
  decidedBy?: UserEntity | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  decisionLegalBasis: string | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  guidanceBody: string | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  guidanceRef: string | null;

  @Column({ ...ID_COLUMN, nullable: true })
  transferToUnitId: string | null;

  @ManyToOne(() => UnitEntity, { onDelete: 'RESTRICT', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'transfer_to_unit_id', foreignKeyConstraintName: 'fk_letters_transfer_to_unit' })
  transferToUnit?: UnitEntity | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  transferToBody: string | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  transferRef: string | null;

  /** The category of the body a letter was transferred to (NĐ 55/2022 art. 6; national-sync/domain). */
  @Column({ type: 'varchar', length: 20, charset: 'ascii', collation: 'ascii_bin', nullable: true })
  transferBodyCategory: CompetentBodyCategory | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  returnRef: string | null;

  @Column({ ...CODE_COLUMN(32), nullable: true })
  archiveReason: ArchiveReason | null;

  @Column({ ...ID_COLUMN, nullable: true })
  duplicateOfLetterId: string | null;

  @ManyToOne(() => LetterEntity, { onDelete: 'RESTRICT', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'duplicate_of_letter_id', foreignKeyConstraintName: 'fk_letters_duplicate_of' })
  duplicateOf?: LetterEntity | null;

  /** The case an accepted letter became. */
  @Column({ ...ID_COLUMN, nullable: true })
  caseId: string | null;

  /** The petitioner's receipt code (TD-2026-XXXX-XXXX) and the hash of its secret. */
  @Column({ type: 'varchar', length: 20, charset: 'ascii', collation: 'ascii_bin' })
  receiptCode: string;

  @Column({ type: 'char', length: 64, charset: 'ascii', collation: 'ascii_bin' })
  receiptSecretHash: string;

  @Column({ ...ID_COLUMN, nullable: true })
  registeredByUserId: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'registered_by_user_id', foreignKeyConstraintName: 'fk_letters_registered_by' })
  registeredBy?: UserEntity | null;

  @VersionColumn({ default: 1 })
  version: number;

  @CreateDateColumn(CREATED_AT)
  createdAt: Date;

  @UpdateDateColumn(UPDATED_AT)
  updatedAt: Date;
}
