import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import { CREATED_AT, ID_COLUMN } from '../../database/columns.js';

/** Another system that receives signed event calls (HMAC-SHA256 of timestamp and body with its secret). */
@Entity({ name: 'webhook_endpoints' })
export class WebhookEndpointEntity {
  @PrimaryColumn({ ...ID_COLUMN, primaryKeyConstraintName: 'pk_webhook_endpoints' })
  id: string;

  @Column({ type: 'varchar', length: 500 })
  url: string;

  /** The signing secret, sealed (src/identity) like personal data. */
  @Column({ type: 'varchar', length: 16, charset: 'ascii', collation: 'ascii_bin' })
  keyId: string;

  @Column({ type: 'varbinary', length: 64 })
  wrappedKey: Buffer;

  @Column({ type: 'varbinary', length: 512 })
  secretCiphertext: Buffer;

  /** Event kinds it receives (`escalation`, `enforcement_overdue`…). */
  @Column({ type: 'json' })
  events: string[];

  @Column({ type: 'boolean', default: true })
  active: boolean;

  @CreateDateColumn(CREATED_AT)
  createdAt: Date;
}
