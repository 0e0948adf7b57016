import { ID_COLUMN, CREATED_AT, UPDATED_AT } from '../database/columns.js';
import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  OneToMany,
  PrimaryColumn,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';
import { UnitEntity } from '../units/unit.entity.js';
import { UserRoleEntity } from './user-role.entity.js';

/** An official's account. Deactivated, never deleted: the audit trail points at it. */
@Entity({ name: 'users' })
@Index('uq_users_email', ['email'], { unique: true })
@Index('idx_users_unit_id', ['unitId'])
export class UserEntity {
  @PrimaryColumn({ ...ID_COLUMN, primaryKeyConstraintName: 'pk_users' })
  id: string;

  /** Stored lower-cased; the login name. */
  @Column({ type: 'varchar', length: 254 })
  email: string;

  @Column({ type: 'varchar', length: 255 })
  fullName: string;

  /** e.g. "Chánh Thanh tra", "Trưởng phòng". */
  @Column({ type: 'varchar', length: 255, nullable: true })
  title: string | null;

  @Column(ID_COLUMN)
  unitId: string;

  @ManyToOne(() => UnitEntity, { onDelete: 'RESTRICT', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'unit_id', foreignKeyConstraintName: 'fk_users_unit_id' })
  unit?: UnitEntity;

  @OneToMany(() => UserRoleEntity, (role) => role.user)
  roles?: UserRoleEntity[];

  /** argon2id; never leaves the auth service. */
  @Column({ type: 'varchar', length: 255, select: false })
  passwordHash: string;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  /** E-mails of escalations come once a day in a digest instead of one by one. */
  @Column({ type: 'boolean', default: false })
  emailDigest: boolean;

  @Column({ type: 'smallint', unsigned: true, default: 0 })
  failedLoginCount: number;

  @Column({ type: 'datetime', precision: 3, nullable: true })
  lockedUntil: Date | null;

  @Column({ type: 'datetime', precision: 3, nullable: true })
  passwordChangedAt: Date | null;

  @Column({ type: 'datetime', precision: 3, nullable: true })
  lastLoginAt: Date | null;

  @CreateDateColumn(CREATED_AT)
  createdAt: Date;

  @UpdateDateColumn(UPDATED_AT)
  updatedAt: Date;

  @VersionColumn({ default: 1 })
  version: number;
}
