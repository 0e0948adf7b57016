import { Column } from 'typeorm';
import type { CaseDeadlineStatus } from '../../case-deadlines/domain/case-deadline-status.js';
import type { LocalDate } from '../../common/domain/local-date.js';
import { CODE_COLUMN } from '../../database/columns.js';

/**
 * A copy, on the case row, of its resolution deadline (`case_deadlines`: subject = the case,
 * `purpose = 'resolution'`, `sequence = 1`), kept in step by CaseDeadlinesService whenever that row
 * changes. It exists for the periodic reports (03/GQKN, 04/GQTC): with it, and the case's own dates, under
 * one covering index, a year's report over a million cases reads one narrow index and no other row
 * (docs/reports.md, "Speed"). The deadline row stays the record; this copy is never written elsewhere.
 */
export class ResolutionFacts {
  @Column({ type: 'date', nullable: true })
  due: LocalDate | null;

  @Column({ ...CODE_COLUMN(), nullable: true })
  status: CaseDeadlineStatus | null;

  @Column({ type: 'date', nullable: true })
  settledOn: LocalDate | null;

  /** The internal target set beside the statutory date, if any. */
  @Column({ type: 'date', nullable: true })
  target: LocalDate | null;
}
