import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { ID_COLUMN } from '../../database/columns.js';
import { ReceptionVisitEntity } from './reception-visit.entity.js';

/**
 * A citizen who came on a visit: personal data (NĐ 154/2026 art. 12(2): kept confidential). Read only by
 * roles with `reception:personal_data`, every read audited; never logged, never in audit values.
 */
@Entity({ name: 'reception_visit_citizens' })
@Index('uq_reception_visit_citizens_position', ['visitId', 'position'], { unique: true })
@Index('idx_reception_visit_citizens_id_number', ['idNumber'])
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

  @Column({ type: 'varchar', length: 255 })
  fullName: string;

  @Column({ type: 'varchar', length: 500 })
  address: string;

  /** Căn cước number: 12 digits. */
  @Column({ type: 'char', length: 12, charset: 'ascii', collation: 'ascii_bin' })
  idNumber: string;

  @Column({ type: 'varchar', length: 20, charset: 'ascii', collation: 'ascii_bin', nullable: true })
  phone: string | null;

  /** A representative of a group (LTCD art. 29). */
  @Column({ type: 'boolean', default: false })
  representative: boolean;
}
