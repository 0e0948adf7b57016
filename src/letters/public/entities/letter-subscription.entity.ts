import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { CREATED_AT, ID_COLUMN } from '../../../database/columns.js';
import { LetterEntity } from '../../entities/letter.entity.js';

/**
 * A citizen's opt-in to e-mails about their letter (the online form, issue 21): the address sealed
 * (src/identity, the row id as associated data) — it may be a denouncer's —, the unsubscribe token as its
 * SHA-256 only. Messages are in letter_subscription_messages.
 */
@Entity({ name: 'letter_subscriptions' })
@Index('uq_letter_subscriptions_letter', ['letterId'], { unique: true })
@Index('uq_letter_subscriptions_unsubscribe', ['unsubscribeHash'], { unique: true })
export class LetterSubscriptionEntity {
  @PrimaryColumn({ ...ID_COLUMN, primaryKeyConstraintName: 'pk_letter_subscriptions' })
  id: string;

  @Column(ID_COLUMN)
  letterId: string;

  @ManyToOne(() => LetterEntity, { onDelete: 'RESTRICT', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'letter_id', foreignKeyConstraintName: 'fk_letter_subscriptions_letter_id' })
  letter?: LetterEntity;

  @Column({ type: 'varchar', length: 16, charset: 'ascii', collation: 'ascii_bin' })
  keyId: string;

  @Column({ type: 'varbinary', length: 64 })
  wrappedKey: Buffer;

  @Column({ type: 'blob' })
  ciphertext: Buffer;

  @Column({ type: 'char', length: 64, charset: 'ascii', collation: 'ascii_bin' })
  unsubscribeHash: string;

  @Column({ type: 'datetime', precision: 3, nullable: true })
  unsubscribedAt: Date | null;

  @CreateDateColumn(CREATED_AT)
  createdAt: Date;
}
