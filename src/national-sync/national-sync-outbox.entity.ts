import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';
import { CODE_COLUMN, CREATED_AT, ID_COLUMN } from '../database/columns.js';
import type { LocalDate } from '../common/domain/local-date.js';
import type { NationalEvent, NationalRecordType, SyncStatus } from './domain/national-events.js';

/**
 * The national database outbox (docs/national-database.md): one row per event of a record, written in
 * the transaction of the command that made the event, delivered in `sequence` order per record by the
 * worker. `payload` holds the record's facts of schema `schema_version` and never a person: identities
 * are added at delivery, and a denouncer's only under NATIONAL_SYNC_DENOUNCER_IDENTITY_BASIS.
 */
@Entity({ name: 'national_sync_outbox' })
@Index('uq_national_sync_outbox_record_sequence', ['recordType', 'recordId', 'sequence'], { unique: true })
@Index('uq_national_sync_outbox_idempotency_key', ['idempotencyKey'], { unique: true })
@Index('idx_national_sync_outbox_status_due', ['status', 'nextAttemptAt'])
export class NationalSyncOutboxEntity {
  @PrimaryColumn({ ...ID_COLUMN, primaryKeyConstraintName: 'pk_national_sync_outbox' })
  id: string;

  @Column(CODE_COLUMN(30))
  recordType: NationalRecordType;

  @Column(ID_COLUMN)
  recordId: string;

  @Column({ type: 'int', unsigned: true })
  sequence: number;

  @Column(CODE_COLUMN(40))
  event: NationalEvent;

  @Column(ID_COLUMN)
  unitId: string;

  @Column({ type: 'date' })
  occurredOn: LocalDate;

  @Column({ type: 'smallint', unsigned: true })
  schemaVersion: number;

  @Column({ type: 'json' })
  payload: Record<string, unknown>;

  @Column({ type: 'varchar', length: 120, charset: 'ascii', collation: 'ascii_bin' })
  idempotencyKey: string;

  @Column({ ...CODE_COLUMN(20), default: 'pending' })
  status: SyncStatus;

  @Column({ type: 'int', unsigned: true, default: 0 })
  attempts: number;

  /** When the next attempt is due; null: now (a new row). */
  @Column({ type: 'datetime', precision: 3, nullable: true })
  nextAttemptAt: Date | null;

  /** Why the last attempt failed: a short code and the national side's reason, never personal data. */
  @Column({ type: 'varchar', length: 300, nullable: true })
  lastError: string | null;

  @Column({ type: 'datetime', precision: 3, nullable: true })
  sentAt: Date | null;

  @Column({ type: 'datetime', precision: 3, nullable: true })
  acknowledgedAt: Date | null;

  /** The national side's reference for the record, when it gave one. */
  @Column({ type: 'varchar', length: 100, nullable: true })
  nationalRef: string | null;

  @CreateDateColumn(CREATED_AT)
  createdAt: Date;
}
