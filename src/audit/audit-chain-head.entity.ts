import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * The single row (id = 1) that records the end of the audit chain. Appenders lock it with
 * `SELECT … FOR UPDATE` inside their transaction, so appends are serialised and the chain cannot fork;
 * the verifier also checks that it matches the last entry, which detects entries cut off the end.
 * Seeded by the migration with last_id 0 and the genesis hash.
 */
@Entity({ name: 'audit_chain_head' })
export class AuditChainHeadEntity {
  @PrimaryColumn({ type: 'tinyint', unsigned: true, primaryKeyConstraintName: 'pk_audit_chain_head' })
  id: number;

  /** 0 before the first entry. */
  @Column({ type: 'bigint', unsigned: true, default: 0 })
  lastId: string;

  @Column({ type: 'char', length: 64, charset: 'ascii', collation: 'ascii_bin' })
  lastHash: string;
}
