import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { ID_COLUMN } from '../../database/columns.js';
import { LetterEntity } from './letter.entity.js';

/**
 * A person who wrote or signed a letter. Everything that identifies them (name, address, căn cước number,
 * phone, e-mail) is one AES-256-GCM envelope (src/identity): a data key per row, wrapped by the master key
 * `keyId`. The database never holds it in plain text. Duplicate search uses keyed blind indexes of the
 * ID number and of the folded name and address — equality only, nothing readable.
 */
@Entity({ name: 'letter_petitioners' })
@Index('uq_letter_petitioners_position', ['letterId', 'position'], { unique: true })
@Index('idx_letter_petitioners_id_number', ['idNumberIndex'])
@Index('idx_letter_petitioners_name_address', ['nameAddressIndex'])
export class LetterPetitionerEntity {
  @PrimaryColumn({ ...ID_COLUMN, primaryKeyConstraintName: 'pk_letter_petitioners' })
  id: string;

  @Column(ID_COLUMN)
  letterId: string;

  @ManyToOne(() => LetterEntity, { onDelete: 'RESTRICT', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'letter_id', foreignKeyConstraintName: 'fk_letter_petitioners_letter_id' })
  letter?: LetterEntity;

  @Column({ type: 'smallint', unsigned: true })
  position: number;

  /** A representative of a group (LTCD art. 29). */
  @Column({ type: 'boolean', default: false })
  representative: boolean;

  @Column({ type: 'varchar', length: 16, charset: 'ascii', collation: 'ascii_bin' })
  keyId: string;

  @Column({ type: 'varbinary', length: 64 })
  wrappedKey: Buffer;

  @Column({ type: 'varbinary', length: 4096 })
  ciphertext: Buffer;

  @Column({ type: 'char', length: 32, charset: 'ascii', collation: 'ascii_bin', nullable: true })
  idNumberIndex: string | null;

  @Column({ type: 'char', length: 32, charset: 'ascii', collation: 'ascii_bin', nullable: true })
  nameAddressIndex: string | null;
}
