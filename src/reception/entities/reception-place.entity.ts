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
import { UnitEntity } from '../../units/unit.entity.js';
import { CREATED_AT, ID_COLUMN, UPDATED_AT } from '../../database/columns.js';

/** A place where a unit receives citizens (trụ sở / phòng tiếp công dân), posted publicly (LTCD art. 24(2)). */
@Entity({ name: 'reception_places' })
@Index('idx_reception_places_unit_id', ['unitId'])
export class ReceptionPlaceEntity {
  @PrimaryColumn({ ...ID_COLUMN, primaryKeyConstraintName: 'pk_reception_places' })
  id: string;

  @Column(ID_COLUMN)
  unitId: string;

  @ManyToOne(() => UnitEntity, { onDelete: 'RESTRICT', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'unit_id', foreignKeyConstraintName: 'fk_reception_places_unit_id' })
  unit?: UnitEntity;

  /** e.g. "Trụ sở tiếp công dân Sở Giáo dục và Đào tạo". */
  @Column({ type: 'varchar', length: 255 })
  name: string;

  @Column({ type: 'varchar', length: 500 })
  address: string;

  @Column({ type: 'varchar', length: 255, nullable: true })
  room: string | null;

  /** Opening hours as posted, e.g. "Sáng 7:30–11:30, chiều 13:30–17:00 các ngày làm việc". */
  @Column({ type: 'varchar', length: 500, nullable: true })
  hours: string | null;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  @CreateDateColumn(CREATED_AT)
  createdAt: Date;

  @UpdateDateColumn(UPDATED_AT)
  updatedAt: Date;

  @VersionColumn({ default: 1 })
  version: number;
}
