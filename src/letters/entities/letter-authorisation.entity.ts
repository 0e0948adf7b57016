import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { CODE_COLUMN, ID_COLUMN, UPDATED_AT } from '../../database/columns.js';
import type { LocalDate } from '../../common/domain/local-date.js';
import { UserEntity } from '../../users/user.entity.js';
import type { AuthorisationRuleId, AuthorisedPersonKind } from '../domain/complaint-authorisation.js';
import { LetterAttachmentEntity } from './letter-attachment.entity.js';
import { LetterEntity } from './letter.entity.js';

/**
 * The person a complainant authorised to lodge and follow a complaint letter (relative, lawyer, legal
 * aid officer), with the authorisation document and the dated rule it was checked against
 * (`domain/complaint-authorisation.ts`). One per letter; a new authorisation replaces it. The person's
 * identity (name, address, căn cước number, phone, relationship, card number) is one sealed envelope,
 * like `letter_petitioners` (ADR 0006); the căn cước number also has a blind index (subject access).
 */
@Entity({ name: 'letter_authorisations' })
@Index('uq_letter_authorisations_letter_id', ['letterId'], { unique: true })
@Index('idx_letter_authorisations_id_number', ['idNumberIndex'])
export class LetterAuthorisationEntity {
  @PrimaryColumn({ ...ID_COLUMN, primaryKeyConstraintName: 'pk_letter_authorisations' })
  id: string;

  @Column(ID_COLUMN)
  letterId: string;

  @ManyToOne(() => LetterEntity, { onDelete: 'RESTRICT', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'letter_id', foreignKeyConstraintName: 'fk_letter_authorisations_letter_id' })
  letter?: LetterEntity;

  @Column(CODE_COLUMN(20))
  kind: AuthorisedPersonKind;

  /** The authorisation document's number or reference and its date. */
  @Column({ type: 'varchar', length: 100 })
  documentRef: string;

  @Column({ type: 'date' })
  documentDate: LocalDate;

  @Column({ type: 'boolean' })
  notarised: boolean;

  /** The notarisation / certification reference (số công chứng, chứng thực). */
  @Column({ type: 'varchar', length: 100, nullable: true })
  certificationRef: string | null;

  /** A legal aid officer's assignment decision (quyết định phân công). */
  @Column({ type: 'varchar', length: 100, nullable: true })
  assignmentDecisionRef: string | null;

  /** The scanned authorisation, a file of the same letter. */
  @Column({ ...ID_COLUMN, nullable: true })
  documentAttachmentId: string | null;

  @ManyToOne(() => LetterAttachmentEntity, { onDelete: 'RESTRICT', onUpdate: 'RESTRICT' })
  @JoinColumn({
    name: 'document_attachment_id',
    foreignKeyConstraintName: 'fk_letter_authorisations_document_attachment_id',
  })
  documentAttachment?: LetterAttachmentEntity | null;

  /** The dated rule the authorisation was checked against, by the letter's received date. */
  @Column(CODE_COLUMN(40))
  ruleId: AuthorisationRuleId;

  @Column({ type: 'varchar', length: 16, charset: 'ascii', collation: 'ascii_bin' })
  keyId: string;

  @Column({ type: 'varbinary', length: 64 })
  wrappedKey: Buffer;

  @Column({ type: 'varbinary', length: 4096 })
  ciphertext: Buffer;

  @Column({ type: 'char', length: 32, charset: 'ascii', collation: 'ascii_bin', nullable: true })
  idNumberIndex: string | null;

  @Column({ ...ID_COLUMN, nullable: true })
  recordedByUserId: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT', onUpdate: 'RESTRICT' })
  @JoinColumn({
    name: 'recorded_by_user_id',
    foreignKeyConstraintName: 'fk_letter_authorisations_recorded_by',
  })
  recordedBy?: UserEntity | null;

  @UpdateDateColumn(UPDATED_AT)
  updatedAt: Date;
}
