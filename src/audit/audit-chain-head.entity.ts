import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * The single row (id = 1) that records the end of the audit chain. Only the sequencer touches it: it
 * locks it with `SELECT … FOR UPDATE` in each batch's transaction, so two sequencers can never chain at
 * once and the chain cannot fork; commands never read or lock it. The verifier checks that it matches
 * the last chained entry, which detects entries cut off the end. Seeded with last_seq 0 and the genesis
 * hash.
 */
@Entity({ name: 'audit_chain_head' })
export class AuditChainHeadEntity {
  @PrimaryColumn({ type: 'tinyint', unsigned: true, primaryKeyConstraintName: 'pk_audit_chain_head' })
  id: number;

  /** The `chain_seq` of the last chained entry; 0 before the first. */
  @Column({ type: 'bigint', unsigned: true, default: 0 })
  lastSeq: string;

  @Column({ type: 'char', length: 64, charset: 'ascii', collation: 'ascii_bin' })
  lastHash: string;
}
