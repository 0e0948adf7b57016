import {
  compareLocalDates,
  daysInMonth,
  fromEpochDay,
  toEpochDay,
  type LocalDate,
} from '../../common/domain/local-date.js';

/**
 * How an enforcement record stands, from its obligations. Pure: "today" is an argument.
 *
 * What is stored is what the reports say (`not_started`, `in_progress`, `blocked`, `done`); `overdue`
 * is a property of the day, like an overdue deadline (case-deadline-status.ts): an obligation whose
 * deadline is still open after its due date. Reads overlay it, so a record turns overdue at midnight
 * without anyone writing to it.
 */

/** What a progress report may say an obligation is now. */
export const REPORTED_STATUSES = ['in_progress', 'done', 'blocked'] as const;
export type ReportedStatus = (typeof REPORTED_STATUSES)[number];

export type StoredStatus = 'not_started' | ReportedStatus;
export type LiveStatus = StoredStatus | 'overdue';

/** The rules that may set an obligation's due date (legal-reference §2.4, §2.5). */
export const OBLIGATION_RULES = {
  /** NĐ 124/2020 art. 31: direct the enforcement within 05 working days of legal effect. */
  complaint_case: 'KN-11',
  /** LTC 2018 art. 36(1)–(2): handle the conclusion within 07 working days of it. */
  denunciation_case: 'TC-6',
} as const;
export type EnforcementSubjectType = keyof typeof OBLIGATION_RULES;
export type ObligationRule = (typeof OBLIGATION_RULES)[EnforcementSubjectType];

/**
 * The record's stored status from its obligations' reported statuses: none yet → not_started; all
 * done → done; any blocked → blocked; any started → in_progress.
 */
export function recordStatus(obligations: readonly { status: string }[]): StoredStatus {
  if (obligations.length === 0) return 'not_started';
  if (obligations.every((o) => o.status === 'done')) return 'done';
  if (obligations.some((o) => o.status === 'blocked')) return 'blocked';
  if (obligations.some((o) => o.status === 'in_progress' || o.status === 'done')) return 'in_progress';
  return 'not_started';
}

/** Blocked and done outrank overdue; otherwise one open deadline past its due date makes it overdue. */
export function liveStatus(stored: string, anyOverdue: boolean): LiveStatus {
  if (stored === 'done' || stored === 'blocked') return stored;
  if (anyOverdue) return 'overdue';
  return stored === 'in_progress' ? 'in_progress' : 'not_started';
}

/** An obligation's deadline is overdue from the day after its due date while it is open (rule 12). */
export function deadlineOverdue(deadline: { status: string; dueDate: LocalDate } | null, today: LocalDate) {
  return deadline !== null && deadline.status === 'open' && compareLocalDates(today, deadline.dueDate) > 0;
}

/** The date the record was closed: the last obligation's done date (null while one is not done). */
export function closedOn(obligations: readonly { status: string; doneOn: LocalDate | null }[]) {
  if (obligations.length === 0 || obligations.some((o) => o.status !== 'done' || !o.doneOn)) return null;
  return obligations.map((o) => o.doneOn!).sort()[obligations.length - 1];
}

/** `date` + `months` calendar months, the day clamped to the month's end (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(date: LocalDate, months: number): LocalDate {
  toEpochDay(date);
  const [y, m, d] = date.split('-').map(Number);
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const day = Math.min(d, daysInMonth(year, month));
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * The first monthly review after `today`: reviews fall on the monthly anniversaries of the opening
 * (TC-9: the inspectorate reported monthly, NĐ 31/2019 art. 18(2)), so a missed run catches up once and
 * the next reminder stays on its day instead of drifting.
 */
export function nextReviewAfter(openedOn: LocalDate, today: LocalDate): LocalDate {
  const [oy, om] = openedOn.split('-').map(Number);
  const [ty, tm] = today.split('-').map(Number);
  let k = Math.max(1, (ty - oy) * 12 + (tm - om));
  while (compareLocalDates(addMonths(openedOn, k), today) <= 0) k++;
  // One month back may still be after today (the anniversary later this month).
  while (k > 1 && compareLocalDates(addMonths(openedOn, k - 1), today) > 0) k--;
  return addMonths(openedOn, k);
}

/** `YYYY-MM` of a date: one review reminder per record and month (the notification's source key). */
export function reviewMonth(date: LocalDate): string {
  return fromEpochDay(toEpochDay(date)).slice(0, 7);
}
