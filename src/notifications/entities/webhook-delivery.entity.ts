import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { CODE_COLUMN, CREATED_AT, ID_COLUMN } from '../../database/columns.js';
import { WebhookEndpointEntity } from './webhook-endpoint.entity.js';

/**
 * One event for one endpoint (outbox), unique per (endpoint, event key): retried with backoff until it
 * is acknowledged (2xx) or gives up. The payload holds ids, numbers and dates — never personal data.
 */
@Entity({ name: 'webhook_deliveries' })
@Index('uq_webhook_deliveries_endpoint_event', ['endpointId', 'eventKey'], { unique: true })
@Index('idx_webhook_deliveries_status_next', ['status', 'nextAttemptAt'])
export class WebhookDeliveryEntity {
  @PrimaryColumn({ ...ID_COLUMN, primaryKeyConstraintName: 'pk_webhook_deliveries' })
  id: string;

  @Column(ID_COLUMN)
  endpointId: string;

  @ManyToOne(() => WebhookEndpointEntity, { onDelete: 'RESTRICT', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'endpoint_id', foreignKeyConstraintName: 'fk_webhook_deliveries_endpoint_id' })
  endpoint?: WebhookEndpointEntity;

  @Column({ type: 'varchar', length: 100, charset: 'ascii', collation: 'ascii_bin' })
  eventKey: string;

  @Column(CODE_COLUMN(32))
  event: string;

  @Column({ type: 'json' })
  payload: Record<string, unknown>;

  @Column(CODE_COLUMN())
  status: 'pending' | 'delivered' | 'failed';

  @Column({ type: 'smallint', unsigned: true, default: 0 })
  attempts: number;

  @Column({ type: 'datetime', precision: 3 })
  nextAttemptAt: Date;

  @Column({ type: 'smallint', unsigned: true, nullable: true })
  responseStatus: number | null;

  @Column({ type: 'datetime', precision: 3, nullable: true })
  deliveredAt: Date | null;

  @CreateDateColumn(CREATED_AT)
  createdAt: Date;
}
