import { Column, CreateDateColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import type { LocalDate } from '../../common/domain/local-date.js';
import { CODE_COLUMN, CREATED_AT, ID_COLUMN, UPDATED_AT } from '../../database/columns.js';
import { ResolutionFacts } from './resolution-facts.js';

/**
 * The columns every case has, whichever its track (`complaint_cases`, `denunciation_cases`): what the
 * case kernel (case-kernel.ts), the work lists and the reports read alike. Each track's entity extends it
 * with its table, primary key, indexes, foreign keys (each named for its table), its track and its own
 * columns. `version` is the optimistic lock: a stale write gets 409 with the current version.
 */
export abstract class CaseColumns<S extends string = string> {
  /**
   * KN-2026-000123 / TC-2026-000045: readable, unique, never reused. NULL only inside the transaction
   * that opens the case, which numbers it as its last statements before the commit (ADR 0019): a
   * committed case always has its number, hence the type.
   */
  @Column({ type: 'varchar', length: 20, charset: 'ascii', collation: 'ascii_bin', nullable: true })
  caseNumber: string;

  @Column(ID_COLUMN)
  letterId: string;

  /** The resolving unit: its calendar counts the days, its head answers for them. */
  @Column(ID_COLUMN)
  unitId: string;

  @Column({ ...ID_COLUMN, nullable: true })
  handlerUserId: string | null;

  @Column(CODE_COLUMN(32))
  state: S;

  @Column({ ...CODE_COLUMN(32), nullable: true })
  suspendedFrom: S | null;

  /** The letter's redacted subject, redacted once more when the case was opened. */
  @Column({ type: 'varchar', length: 500 })
  subject: string;

  /** The case number and the folded subject (at most 600 ASCII characters: see searchFold). */
  @Column({ type: 'varchar', length: 600, charset: 'ascii', collation: 'ascii_general_ci' })
  searchText: string;

  @Column({ type: 'date' })
  receivedOn: LocalDate;

  @Column({ type: 'date', nullable: true })
  acceptedOn: LocalDate | null;

  /** The day the case ended without a decision (its first step into `terminated`); null otherwise. */
  @Column({ type: 'date', nullable: true })
  terminatedOn: LocalDate | null;

  /** The step that ended it: `withdraw` (withdrawn in whole) or `terminate` (đình chỉ). */
  @Column({ ...CODE_COLUMN(32), nullable: true })
  terminatedBy: string | null;

  /** The day of its first `withdraw` step (a denunciation may go on after it, LTC art. 33). */
  @Column({ type: 'date', nullable: true })
  withdrawnOn: LocalDate | null;

  /** Its resolution deadline's facts, copied for the reports (resolution-facts.ts). */
  @Column(() => ResolutionFacts, { prefix: 'resolution' })
  resolution: ResolutionFacts;

  @VersionColumn({ default: 1 })
  version: number;

  @CreateDateColumn(CREATED_AT)
  createdAt: Date;

  @UpdateDateColumn(UPDATED_AT)
  updatedAt: Date;
}
