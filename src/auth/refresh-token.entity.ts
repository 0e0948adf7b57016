import { ID_COLUMN, CREATED_AT } from '../database/columns.js';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { SessionEntity } from './session.entity.js';

/**
 * A refresh token, stored only as its SHA-256. Each use replaces it with a new one (rotation); presenting
 * a used one again means it was stolen, and the whole session is revoked.
 */
@Entity({ name: 'refresh_tokens' })
@Index('uq_refresh_tokens_token_hash', ['tokenHash'], { unique: true })
@Index('idx_refresh_tokens_session_id', ['sessionId'])
export class RefreshTokenEntity {
  @PrimaryColumn({ ...ID_COLUMN, primaryKeyConstraintName: 'pk_refresh_tokens' })
  id: string;

  @Column(ID_COLUMN)
  sessionId: string;

  @ManyToOne(() => SessionEntity, { onDelete: 'CASCADE', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'session_id', foreignKeyConstraintName: 'fk_refresh_tokens_session_id' })
  session?: SessionEntity;

  @Column({ type: 'char', length: 64, charset: 'ascii', collation: 'ascii_bin' })
  tokenHash: string;

  @CreateDateColumn(CREATED_AT)
  createdAt: Date;

  @Column({ type: 'datetime', precision: 3 })
  expiresAt: Date;

  /** Set when rotated (or revoked with its session). */
  @Column({ type: 'datetime', precision: 3, nullable: true })
  usedAt: Date | null;
}
