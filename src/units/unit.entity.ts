import { ID_COLUMN, CREATED_AT, UPDATED_AT } from '../database/columns.js';
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
import type { UnitKind } from './domain/unit-kind.js';

/** An organisation unit. Never deleted once it has history: deactivated instead. */
@Entity({ name: 'units' })
@Index('uq_units_code', ['code'], { unique: true })
@Index('uq_units_agency_code', ['agencyCode'], { unique: true })
@Index('idx_units_parent_id', ['parentId'])
export class UnitEntity {
  @PrimaryColumn({ ...ID_COLUMN, primaryKeyConstraintName: 'pk_units' })
  id: string;

  @Column({ type: 'varchar', length: 40, charset: 'ascii', collation: 'ascii_general_ci' })
  code: string;

  /** Vietnamese name, e.g. "Sở Giáo dục và Đào tạo". */
  @Column({ type: 'varchar', length: 255 })
  name: string;

  @Column({ type: 'varchar', length: 40, charset: 'ascii', collation: 'ascii_bin' })
  kind: UnitKind;

  @Column({ ...ID_COLUMN, nullable: true })
  parentId: string | null;

  @ManyToOne(() => UnitEntity, {
    onDelete: 'RESTRICT',
    onUpdate: 'RESTRICT',
    createForeignKeyConstraints: true,
  })
  @JoinColumn({ name: 'parent_id', foreignKeyConstraintName: 'fk_units_parent_id' })
  parent?: UnitEntity | null;

  /** Vùng sâu, vùng xa, đi lại khó khăn: longer statutory periods (LKN art. 28, 37). */
  @Column({ type: 'boolean', default: false })
  remote: boolean;

  @Column({ type: 'varchar', length: 500, nullable: true })
  remoteReason: string | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  receptionAddress: string | null;

  @Column({ type: 'varchar', length: 50, nullable: true })
  contactPhone: string | null;

  @Column({ type: 'varchar', length: 255, nullable: true })
  contactEmail: string | null;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  /**
   * The agency identification code (mã định danh) the unit's records carry in the national database
   * (NĐ 55/2022/NĐ-CP; docs/national-database.md). Null until set: its records wait unsynced.
   */
  @Column({ type: 'varchar', length: 40, charset: 'ascii', collation: 'ascii_bin', nullable: true })
  agencyCode: string | null;

  @CreateDateColumn(CREATED_AT)
  createdAt: Date;

  @UpdateDateColumn(UPDATED_AT)
  updatedAt: Date;

  @VersionColumn({ default: 1 })
  version: number;
}
