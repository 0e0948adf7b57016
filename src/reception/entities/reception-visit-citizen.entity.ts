import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { ID_COLUMN } from '../../database/columns.js';
import { ReceptionVisitEntity } from './reception-visit.entity.js';

/**
 * A citizen who came on a visit: personal data (NĐ 154/2026 art. 12(2): kept confidential). Read only by
 * roles with `reception:personal_data`, every read audited; never logged, never in audit values.
 *
 * The visitors of a visit whose `identityProtected` is set (a denouncer: LTC art. 47) are not in the plain
 * columns: their name, address, căn cước number and phone are one AES-256-GCM envelope (`keyId`,
 * `wrappedKey`, `ciphertext`, ADR 0006) like letter_petitioners, and `idNumberIndex` is the keyed blind
 * index of the number. The plain columns are NULL then.
 */
@Entity({ name: 'reception_visit_citizens' })
@Index('uq_reception_visit_citizens_position', ['visitId', 'position'], { unique: true })
@Index('idx_reception_visit_citizens_id_number', ['idNumber'])
@Index('idx_reception_visit_citizens_id_number_index', ['idNumberIndex'])
export class ReceptionVisitCitizenEntity {
  @PrimaryColumn({ ...ID_COLUMN, primaryKeyConstraintName: 'pk_reception_visit_citizens' })
  id: string;

  @Column(ID_COLUMN)
  visitId: string;

  @ManyToOne(() => ReceptionVisitEntity, (v) => v.citizens, { onDelete: 'RESTRICT', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'visit_id', foreignKeyConstraintName: 'fk_reception_visit_citizens_visit_id' })
  visit?: ReceptionVisitEntity;

  @Column({ type: 'smallint', unsigned: true })
  position: number;

  @Column({ type: 'varchar', length: 255, nullable: true })
  fullName: string | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  address: string | null;

  /** Căn cước number: 12 digits. */
  @Column({ type: 'char', length: 12, charset: 'ascii', collation: 'ascii_bin', nullable: true })
  idNumber: string | null;

  @Column({ type: 'varchar', length: 20, charset: 'ascii', collation: 'ascii_bin', nullable: true })
  phone: string | null;

  /** A representative of a group (LTCD art. 29). */
  @Column({ type: 'boolean', default: false })
  representative: boolean;

  @Column({ type: 'varchar', length: 16, charset: 'ascii', collation: 'ascii_bin', nullable: true })
  keyId: string | null;

  @Column({ type: 'varbinary', length: 64, nullable: true })
  wrappedKey: Buffer | null;

  @Column({ type: 'varbinary', length: 4096, nullable: true })
  ciphertext: Buffer | null;

  @Column({ type: 'char', length: 32, charset: 'ascii', collation: 'ascii_bin', nullable: true })
  idNumberIndex: string | null;
}
