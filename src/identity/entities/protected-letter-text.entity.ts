import { Column, Entity, JoinColumn, OneToOne, PrimaryColumn } from 'typeorm';
import { ID_COLUMN } from '../../database/columns.js';
import { LetterEntity } from '../../letters/entities/letter.entity.js';

/**
 * The original subject and content of a denunciation letter, sealed (src/identity): they may name or
 * describe the denouncer. The letters row holds the redacted copy that handlers and verifiers work on
 * (LTC art. 56(2)).
 */
@Entity({ name: 'protected_letter_texts' })
export class ProtectedLetterTextEntity {
  @PrimaryColumn({ ...ID_COLUMN, primaryKeyConstraintName: 'pk_protected_letter_texts' })
  letterId: string;

  @OneToOne(() => LetterEntity, { onDelete: 'RESTRICT', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'letter_id', foreignKeyConstraintName: 'fk_protected_letter_texts_letter_id' })
  letter?: LetterEntity;

  @Column({ type: 'varchar', length: 16, charset: 'ascii', collation: 'ascii_bin' })
  keyId: string;

  @Column({ type: 'varbinary', length: 64 })
  wrappedKey: Buffer;

  @Column({ type: 'mediumblob' })
  ciphertext: Buffer;
}
