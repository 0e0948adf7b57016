import { ID_COLUMN } from '../database/columns.js';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { JsonValue } from './domain/json.js';

/**
 * One line of the audit trail (docs/audit.md). Append-only: triggers refuse DELETE and every UPDATE but
 * the one-time chaining of an unchained row, and each row's `hash` chains it to the row before, so a
 * rewrite that gets past the triggers is still detected by `npm run audit:verify`. Inserted by
 * AuditService in the command's transaction without chain fields; the sequencer (audit-sequencer.ts)
 * chains committed rows afterwards, giving each its gap-free `chainSeq`, `prevHash` and `hash`.
 *
 * No foreign keys: the trail must outlive the users, units and records it mentions. Ids, names and
 * hashes are ASCII (the service validates them), stored like the ids of units and users.
 */
@Entity({ name: 'audit_log' })
@Index('idx_audit_log_entity', ['entityType', 'entityId', 'occurredAt'])
@Index('idx_audit_log_actor_user', ['actorUserId', 'occurredAt'])
@Index('idx_audit_log_unit_time', ['unitId', 'occurredAt'])
@Index('idx_audit_log_actor_unit_time', ['actorUnitId', 'occurredAt'])
@Index('idx_audit_log_occurred_at', ['occurredAt'])
@Index('uq_audit_log_chain_seq', ['chainSeq'], { unique: true })
export class AuditEntryEntity {
  /**
   * AUTO_INCREMENT, part of the hashed content; may have gaps (rolled-back appends) and commit out of
   * order. The chain order is `chainSeq`. BIGINT comes back from the driver as a decimal string.
   */
  @PrimaryGeneratedColumn({ type: 'bigint', unsigned: true, primaryKeyConstraintName: 'pk_audit_log' })
  id: string;

  @Column({ type: 'datetime', precision: 3 })
  occurredAt: Date;

  /** null: the system itself (jobs, the demo loader). */
  @Column({ ...ID_COLUMN, nullable: true })
  actorUserId: string | null;

  @Column({ ...ID_COLUMN, nullable: true })
  actorUnitId: string | null;

  /** The unit the changed record belongs to; scoped queries filter on it. */
  @Column({ ...ID_COLUMN, nullable: true })
  unitId: string | null;

  @Column({ type: 'varchar', length: 64, charset: 'ascii', collation: 'ascii_bin' })
  action: string;

  @Column({ type: 'varchar', length: 64, charset: 'ascii', collation: 'ascii_bin' })
  entityType: string;

  @Column({ type: 'varchar', length: 64, charset: 'ascii', collation: 'ascii_bin' })
  entityId: string;

  /** `{ field: { before, after } }` with secrets masked; for `read` entries `{ fields: [...] }`. */
  @Column({ type: 'json', nullable: true })
  changes: JsonValue | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  requestId: string | null;

  @Column({ type: 'varchar', length: 45, nullable: true })
  clientIp: string | null;

  /** The position in the chain, 1, 2, 3… without gaps; null until the sequencer chains the entry. */
  @Column({ type: 'bigint', unsigned: true, nullable: true })
  chainSeq: string | null;

  /** The previous entry's hash (the genesis hash for the first); null until chained. */
  @Column({ type: 'char', length: 64, charset: 'ascii', collation: 'ascii_bin', nullable: true })
  prevHash: string | null;

  /** null until chained. */
  @Column({ type: 'char', length: 64, charset: 'ascii', collation: 'ascii_bin', nullable: true })
  hash: string | null;
}
