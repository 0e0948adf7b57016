import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { CREATED_AT, ID_COLUMN } from '../../database/columns.js';
import { UserEntity } from '../../users/user.entity.js';
import { LetterEntity } from './letter.entity.js';

/**
 * A file handed in with a letter. The bytes live in the file store (src/attachments) under
 * `storageKey` (content-addressed by SHA-256); this row is written after the file is stored, in the same
 * transaction as its audit entry, so a row never points at a missing file.
 */
@Entity({ name: 'letter_attachments' })
@Index('idx_letter_attachments_letter_id', ['letterId'])
export class LetterAttachmentEntity {
  @PrimaryColumn({ ...ID_COLUMN, primaryKeyConstraintName: 'pk_letter_attachments' })
  id: string;

  @Column(ID_COLUMN)
  letterId: string;

  @ManyToOne(() => LetterEntity, { onDelete: 'RESTRICT', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'letter_id', foreignKeyConstraintName: 'fk_letter_attachments_letter_id' })
  letter?: LetterEntity;

  @Column({ type: 'varchar', length: 120, charset: 'ascii', collation: 'ascii_bin' })
  storageKey: string;

  /** The name the file was handed in under (may name a person: shown only with the letter). */
  @Column({ type: 'varchar', length: 255 })
  fileName: string;

  /** Detected from the file's first bytes, never taken from the client. */
  @Column({ type: 'varchar', length: 100, charset: 'ascii', collation: 'ascii_bin' })
  mediaType: string;

  @Column({ type: 'int', unsigned: true })
  sizeBytes: number;

  @Column({ type: 'char', length: 64, charset: 'ascii', collation: 'ascii_bin' })
  sha256: string;

  /** The file identifies its author (signature, handwriting): protected like a denouncer's identity. */
  @Column({ type: 'boolean', default: false })
  identifying: boolean;

  /**
   * An identifying file is stored sealed (src/identity): the file store holds the ciphertext, this row the
   * wrapped data key. `sha256` and `sizeBytes` are those of the original file.
   */
  @Column({ type: 'varchar', length: 16, charset: 'ascii', collation: 'ascii_bin', nullable: true })
  keyId: string | null;

  @Column({ type: 'varbinary', length: 64, nullable: true })
  wrappedKey: Buffer | null;

  @Column({ ...ID_COLUMN, nullable: true })
  uploadedByUserId: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'uploaded_by_user_id', foreignKeyConstraintName: 'fk_letter_attachments_uploaded_by' })
  uploadedBy?: UserEntity | null;

  @CreateDateColumn(CREATED_AT)
  createdAt: Date;
}
