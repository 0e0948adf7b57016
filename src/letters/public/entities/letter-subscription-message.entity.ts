import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { CODE_COLUMN, CREATED_AT, ID_COLUMN } from '../../../database/columns.js';
import { LetterSubscriptionEntity } from './letter-subscription.entity.js';

export type SubscriptionMessageStatus = 'pending' | 'sent' | 'failed' | 'skipped';

/**
 * One e-mail per event of a subscribed letter (outbox): the event is a milestone of the citizen's status
 * page, so a message never says more than that page. `(subscription_id, event_key)` is unique: a repeated
 * sweep adds nothing. Milestones already there when the citizen subscribed are `skipped`.
 */
@Entity({ name: 'letter_subscription_messages' })
@Index('uq_letter_subscription_messages_event', ['subscriptionId', 'eventKey'], { unique: true })
@Index('idx_letter_subscription_messages_status', ['status'])
export class LetterSubscriptionMessageEntity {
  @PrimaryColumn({ ...ID_COLUMN, primaryKeyConstraintName: 'pk_letter_subscription_messages' })
  id: string;

  @Column(ID_COLUMN)
  subscriptionId: string;

  @ManyToOne(() => LetterSubscriptionEntity, { onDelete: 'RESTRICT', onUpdate: 'RESTRICT' })
  @JoinColumn({
    name: 'subscription_id',
    foreignKeyConstraintName: 'fk_letter_subscription_messages_subscription_id',
  })
  subscription?: LetterSubscriptionEntity;

  /** SHA-256 (hex) of the milestone's date and text. */
  @Column({ type: 'char', length: 64, charset: 'ascii', collation: 'ascii_bin' })
  eventKey: string;

  @Column({ type: 'date' })
  eventDate: string;

  @Column({ type: 'varchar', length: 500 })
  text: string;

  @Column(CODE_COLUMN())
  status: SubscriptionMessageStatus;

  @Column({ type: 'smallint', unsigned: true, default: 0 })
  attempts: number;

  @Column({ ...CODE_COLUMN(40), nullable: true })
  lastError: string | null;

  @Column({ type: 'datetime', precision: 3, nullable: true })
  sentAt: Date | null;

  @CreateDateColumn(CREATED_AT)
  createdAt: Date;
}
