import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { CODE_COLUMN, CREATED_AT, ID_COLUMN } from '../../database/columns.js';
import { UserEntity } from '../../users/user.entity.js';
import { NotificationEntity } from './notification.entity.js';

export type EmailDeliveryStatus = 'pending' | 'sent' | 'failed' | 'in_digest';

/**
 * The e-mail of a notification (outbox): written with the notification, sent by the worker not before
 * `sendAfter` (working hours of the recipient's calendar), once: the row is the record of it.
 */
@Entity({ name: 'email_deliveries' })
@Index('uq_email_deliveries_notification', ['notificationId'], { unique: true })
@Index('idx_email_deliveries_status_send_after', ['status', 'sendAfter'])
export class EmailDeliveryEntity {
  @PrimaryColumn({ ...ID_COLUMN, primaryKeyConstraintName: 'pk_email_deliveries' })
  id: string;

  @Column(ID_COLUMN)
  notificationId: string;

  @ManyToOne(() => NotificationEntity, { onDelete: 'RESTRICT', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'notification_id', foreignKeyConstraintName: 'fk_email_deliveries_notification_id' })
  notification?: NotificationEntity;

  @Column(ID_COLUMN)
  userId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'fk_email_deliveries_user_id' })
  user?: UserEntity;

  @Column(CODE_COLUMN())
  status: EmailDeliveryStatus;

  @Column({ type: 'datetime', precision: 3 })
  sendAfter: Date;

  @Column({ type: 'smallint', unsigned: true, default: 0 })
  attempts: number;

  /** A short code of the last failure (never the message text, which may quote an address). */
  @Column({ ...CODE_COLUMN(40), nullable: true })
  lastError: string | null;

  @Column({ type: 'datetime', precision: 3, nullable: true })
  sentAt: Date | null;

  @CreateDateColumn(CREATED_AT)
  createdAt: Date;
}
