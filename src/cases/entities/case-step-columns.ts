import { Column, CreateDateColumn } from 'typeorm';
import type { LocalDate } from '../../common/domain/local-date.js';
import { CODE_COLUMN, CREATED_AT, ID_COLUMN } from '../../database/columns.js';

/**
 * The columns of a case's step log, the same for every track (`complaint_case_events`,
 * `denunciation_case_events`): who, when, under which document and legal basis, from which state to
 * which. Each track's entity extends it with its table, primary key and foreign keys (each named for its
 * table); `appendCaseEvent` (case-records.ts) is the one writer.
 */
export abstract class CaseStepColumns<S extends string = string> {
  @Column(ID_COLUMN)
  caseId: string;

  @Column({ type: 'smallint', unsigned: true })
  sequence: number;

  @Column(CODE_COLUMN(32))
  event: string;

  @Column({ ...CODE_COLUMN(32), nullable: true })
  fromState: S | null;

  @Column(CODE_COLUMN(32))
  toState: S;

  /** The date of the act (decision, receipt…), a local date. */
  @Column({ type: 'date' })
  eventDate: LocalDate;

  @Column({ type: 'varchar', length: 100, nullable: true })
  documentRef: string | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  legalBasis: string | null;

  /** Reasons (suspension, termination, extension…). Written by officers; never a denouncer's identity. */
  @Column({ type: 'varchar', length: 2000, nullable: true })
  note: string | null;

  @Column({ ...ID_COLUMN, nullable: true })
  actorUserId: string | null;

  @CreateDateColumn(CREATED_AT)
  createdAt: Date;
}
