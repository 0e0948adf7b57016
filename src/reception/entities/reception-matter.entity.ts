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
import { UnitEntity } from '../../units/unit.entity.js';
import type { ContentKind } from '../domain/reception-book.js';
import { CODE_COLUMN, CREATED_AT, ID_COLUMN, UPDATED_AT } from '../../database/columns.js';

/**
 * One matter (vụ việc) brought to a unit's reception: the first visit opens it, repeat visits about the
 * same content join it, so first and repeat visits can be counted.
 */
@Entity({ name: 'reception_matters' })
@Index('idx_reception_matters_unit_opened', ['unitId', 'openedOn'])
export class ReceptionMatterEntity {
  @PrimaryColumn({ ...ID_COLUMN, primaryKeyConstraintName: 'pk_reception_matters' })
  id: string;

  @Column(ID_COLUMN)
  unitId: string;

  @ManyToOne(() => UnitEntity, { onDelete: 'RESTRICT', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'unit_id', foreignKeyConstraintName: 'fk_reception_matters_unit_id' })
  unit?: UnitEntity;

  @Column({ type: 'date' })
  openedOn: LocalDate;

  @Column(CODE_COLUMN())
  contentKind: ContentKind;

  /** The first visit's summary. */
  @Column({ type: 'varchar', length: 4000 })
  summary: string;

  @Column({ type: 'int', unsigned: true, default: 0 })
  visitCount: number;

  @Column({ type: 'date' })
  lastVisitOn: LocalDate;

  @CreateDateColumn(CREATED_AT)
  createdAt: Date;

  @UpdateDateColumn(UPDATED_AT)
  updatedAt: Date;

  @VersionColumn({ default: 1 })
  version: number;
}
