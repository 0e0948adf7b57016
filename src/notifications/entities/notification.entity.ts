import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { CODE_COLUMN, CREATED_AT, ID_COLUMN } from '../../database/columns.js';
import { UserEntity } from '../../users/user.entity.js';

/**
 * An in-app notification to one account. Written in the transaction of what causes it (an escalation, an
 * enforcement review); `sourceKey` + `userId` is unique, so a repeat of the cause adds nothing. Texts name
 * cases by number and (redacted) subject only — never a citizen or a denouncer.
 */
@Entity({ name: 'notifications' })
@Index('uq_notifications_user_source', ['userId', 'sourceKey'], { unique: true })
@Index('idx_notifications_user_read_created', ['userId', 'readAt', 'createdAt'])
// Who an escalation (or any source) notified: GET /api/v1/escalations (docs/escalations.md).
@Index('idx_notifications_source', ['sourceKey'])
export class NotificationEntity {
  @PrimaryColumn({ ...ID_COLUMN, primaryKeyConstraintName: 'pk_notifications' })
  id: string;

  @Column(ID_COLUMN)
  userId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'fk_notifications_user_id' })
  user?: UserEntity;

  /** `escalation`, `enforcement_review`, `report_due`… */
  @Column(CODE_COLUMN(32))
  kind: string;

  /** What caused it, e.g. `escalation-<id>`: unique per account. */
  @Column({ type: 'varchar', length: 100, charset: 'ascii', collation: 'ascii_bin' })
  sourceKey: string;

  @Column({ type: 'varchar', length: 300 })
  title: string;

  @Column({ type: 'varchar', length: 2000 })
  body: string;

  /** Where it leads in the API (`/api/v1/complaint-cases/<id>`). */
  @Column({ type: 'varchar', length: 300, charset: 'ascii', collation: 'ascii_bin', nullable: true })
  link: string | null;

  @Column({ ...CODE_COLUMN(40), nullable: true })
  subjectType: string | null;

  @Column({ ...ID_COLUMN, nullable: true })
  subjectId: string | null;

  /** The unit of the case: the recipient's calendar decides when an e-mail may go out. */
  @Column({ ...ID_COLUMN, nullable: true })
  unitId: string | null;

  @Column({ type: 'datetime', precision: 3, nullable: true })
  readAt: Date | null;

  @CreateDateColumn(CREATED_AT)
  createdAt: Date;
}
