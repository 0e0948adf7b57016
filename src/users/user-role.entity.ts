import { Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { Role } from '../auth/domain/roles.js';
import { UserEntity } from './user.entity.js';

@Entity({ name: 'user_roles' })
export class UserRoleEntity {
  @PrimaryColumn({
    type: 'char',
    length: 36,
    charset: 'ascii',
    collation: 'ascii_bin',
    primaryKeyConstraintName: 'pk_user_roles',
  })
  userId: string;

  @PrimaryColumn({
    type: 'varchar',
    length: 40,
    charset: 'ascii',
    collation: 'ascii_bin',
    primaryKeyConstraintName: 'pk_user_roles',
  })
  role: Role;

  @ManyToOne(() => UserEntity, (user) => user.roles, { onDelete: 'CASCADE', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'fk_user_roles_user_id' })
  user?: UserEntity;
}
