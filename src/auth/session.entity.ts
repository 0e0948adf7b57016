import { ID_COLUMN, CREATED_AT } from '../database/columns.js';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { UserEntity } from '../users/user.entity.js';

/**
 * One login: the family of rotating refresh tokens it issues. Access tokens name their session (`sid`),
 * so logging out, a detected refresh-token reuse, a password change or a deactivation ends them at once.
 */
@Entity({ name: 'auth_sessions' })
@Index('idx_auth_sessions_user_id', ['userId'])
export class SessionEntity {
  @PrimaryColumn({ ...ID_COLUMN, primaryKeyConstraintName: 'pk_auth_sessions' })
  id: string;

  @Column(ID_COLUMN)
  userId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'fk_auth_sessions_user_id' })
  user?: UserEntity;

  @CreateDateColumn(CREATED_AT)
  createdAt: Date;

  @Column({ type: 'datetime', precision: 3 })
  expiresAt: Date;

  @Column({ type: 'datetime', precision: 3, nullable: true })
  revokedAt: Date | null;

  /** logout | reuse | password_changed | deactivated | admin */
  @Column({ type: 'varchar', length: 40, nullable: true })
  revokedReason: string | null;
}
