import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';
import { CREATED_AT, ID_COLUMN } from '../../database/columns.js';
import type { LadderLevel } from '../domain/ladder.js';

/** `agencyScope` of a ladder for every agency (a unique key cannot rely on NULLs in MySQL). */
export const EVERY_AGENCY = '*';

/**
 * One version of an escalation ladder kept as data (ADR 0017): for a rule id (`KN-3`) or a kind of
 * subject (`complaint_case`), for every agency or for one agency and the units under it. Never updated:
 * a change inserts the next version; the current ladder is the highest version; `levels` null removes it.
 */
@Entity({ name: 'escalation_ladders' })
@Index('uq_escalation_ladders_key_scope_version', ['ladderKey', 'agencyScope', 'version'], { unique: true })
export class EscalationLadderEntity {
  @PrimaryColumn({ ...ID_COLUMN, primaryKeyConstraintName: 'pk_escalation_ladders' })
  id: string;

  @Column({ type: 'varchar', length: 40, charset: 'ascii', collation: 'ascii_bin' })
  ladderKey: string;

  /** The agency's unit id, or `*` (EVERY_AGENCY). */
  @Column({ type: 'varchar', length: 36, charset: 'ascii', collation: 'ascii_bin' })
  agencyScope: string;

  @Column({ type: 'int' })
  version: number;

  @Column({ type: 'json', nullable: true })
  levels: LadderLevel[] | null;

  @Column({ type: 'varchar', length: 500 })
  reason: string;

  @Column(ID_COLUMN)
  changedByUserId: string;

  @CreateDateColumn(CREATED_AT)
  createdAt: Date;
}
