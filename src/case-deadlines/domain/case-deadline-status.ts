import { compareLocalDates, type LocalDate } from '../../common/domain/local-date.js';

/**
 * open — running; paused — the case is suspended, the period stands still; met — the step was done on
 * or before the due date; missed — done after it; cancelled — the step will not happen (withdrawal,
 * termination). An open deadline past its due date is *overdue* (deadline-policy.md rule 12: from the
 * day after the due date, in Asia/Ho_Chi_Minh) — a property of the day, not a stored status.
 */
export const CASE_DEADLINE_STATUSES = ['open', 'paused', 'met', 'missed', 'cancelled'] as const;
export type CaseDeadlineStatus = (typeof CASE_DEADLINE_STATUSES)[number];

/** How a settled step counts: on time when done on the due date or before it. */
export function settledStatus(dueDate: LocalDate, settledOn: LocalDate): 'met' | 'missed' {
  return compareLocalDates(settledOn, dueDate) <= 0 ? 'met' : 'missed';
}

/** Due today is not overdue (deadline-policy.md rule 12). */
export function isOverdue(status: CaseDeadlineStatus, dueDate: LocalDate, today: LocalDate): boolean {
  return status === 'open' && compareLocalDates(today, dueDate) > 0;
}
