import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { LocalDate } from '../../common/domain/local-date.js';
import { UnitEntity } from '../../units/unit.entity.js';
import type { ContentKind } from '../domain/reception-book.js';
import { CODE_COLUMN, CREATED_AT, ID_COLUMN } from '../../database/columns.js';
import { ReceptionVisitEntity } from './reception-visit.entity.js';

export type PendingIntakeStatus = 'pending' | 'taken';

/**
 * The hook between reception and the letters feature: a visit that ended with `letter_received` leaves one
 * row here, in the same transaction. The letters feature takes it (`status = 'taken'`, `letter_id`) when it
 * logs the letter; the unique visit id makes a repeat harmless (docs/reception.md).
 */
@Entity({ name: 'reception_pending_intakes' })
@Index('uq_reception_pending_intakes_visit_id', ['visitId'], { unique: true })
@Index('idx_reception_pending_intakes_unit_status', ['unitId', 'status', 'receivedOn'])
export class ReceptionPendingIntakeEntity {
  @PrimaryColumn({ ...ID_COLUMN, primaryKeyConstraintName: 'pk_reception_pending_intakes' })
  id: string;

  @Column(ID_COLUMN)
  visitId: string;

  @ManyToOne(() => ReceptionVisitEntity, { onDelete: 'RESTRICT', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'visit_id', foreignKeyConstraintName: 'fk_reception_pending_intakes_visit_id' })
  visit?: ReceptionVisitEntity;

  @Column(ID_COLUMN)
  unitId: string;

  @ManyToOne(() => UnitEntity, { onDelete: 'RESTRICT', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'unit_id', foreignKeyConstraintName: 'fk_reception_pending_intakes_unit_id' })
  unit?: UnitEntity;

  @Column({ type: 'date' })
  receivedOn: LocalDate;

  @Column(CODE_COLUMN())
  contentKind: ContentKind;

  @Column(CODE_COLUMN())
  status: PendingIntakeStatus;

  @Column({ ...ID_COLUMN, nullable: true })
  letterId: string | null;

  @Column({ type: 'datetime', precision: 3, nullable: true })
  takenAt: Date | null;

  @CreateDateColumn(CREATED_AT)
  createdAt: Date;
}
