/** Calendar months as `'YYYY-MM'` strings (the period of the heads' reception duties and of the public page). */
import { daysFromCivil, daysInMonth, fromEpochDay, type LocalDate } from '../../common/domain/local-date.js';

export type YearMonth = string;

const YEAR_MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function isYearMonth(value: unknown): value is YearMonth {
  return typeof value === 'string' && YEAR_MONTH.test(value) && value >= '0001-01';
}

export interface MonthRange {
  month: YearMonth;
  first: LocalDate;
  last: LocalDate;
}

/** First and last day of a month. The caller has validated the month (`isYearMonth`). */
export function monthRange(month: YearMonth): MonthRange {
  const year = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  const start = daysFromCivil(year, m, 1);
  return { month, first: fromEpochDay(start), last: fromEpochDay(start + daysInMonth(year, m) - 1) };
}

/** The month a date lies in. */
export function monthOf(date: LocalDate): YearMonth {
  return date.slice(0, 7);
}

/** The month after (delta 1) or before (delta −1) a month. */
export function addMonths(month: YearMonth, delta: number): YearMonth {
  const index = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + delta;
  const year = Math.floor(index / 12);
  const m = index - year * 12 + 1;
  return `${String(year).padStart(4, '0')}-${m < 10 ? '0' : ''}${m}`;
}

/** Every month touched by the dates `[from, to]`, in order. */
export function monthsBetween(from: LocalDate, to: LocalDate): YearMonth[] {
  const out: YearMonth[] = [];
  for (let m = monthOf(from); m <= monthOf(to); m = addMonths(m, 1)) out.push(m);
  return out;
}
