/**
 * Local calendar dates as `'YYYY-MM-DD'` strings, with arithmetic on integer epoch days.
 *
 * Statutory deadlines are calendar dates in the deployment's time zone, never instants: a JS `Date`
 * (and the host's time zone) must not shift them. An epoch day is the number of days since
 * 1970-01-01 (day 0); conversion uses Howard Hinnant's `days_from_civil` / `civil_from_days`
 * (proleptic Gregorian calendar), so every operation is exact integer arithmetic.
 *
 * Parsing is on the hot path of the deadline engine: it reads char codes, no regex, no allocation.
 */
import { DomainError } from './domain-error.js';

/** A calendar date `'YYYY-MM-DD'` (years 0001–9999). */
export type LocalDate = string;

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

export const DATE_INVALID = 'DATE_INVALID';

const CHAR_0 = 48;
const CHAR_DASH = 45;

function digit(s: string, i: number): number {
  const d = s.charCodeAt(i) - CHAR_0;
  // An invalid digit drives any sum it is part of far below zero (the valid parts add at most 9999).
  return d >= 0 && d <= 9 ? d : -1e9;
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Days since 1970-01-01 of a proleptic Gregorian date (Hinnant, `days_from_civil`). No validation. */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400; // [0, 399]
  const mp = month > 2 ? month - 3 : month + 9; // March = 0
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1; // [0, 365]
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy; // [0, 146096]
  return era * 146097 + doe - 719468;
}

export interface CivilDate {
  year: number;
  month: number;
  day: number;
}

/** Inverse of {@link daysFromCivil} (Hinnant, `civil_from_days`). */
export function civilFromDays(epochDay: number): CivilDate {
  const z = epochDay + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097; // [0, 146096]
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100)); // [0, 365]
  const mp = Math.floor((5 * doy + 2) / 153); // [0, 11]
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/**
 * Epoch day of a valid `'YYYY-MM-DD'`, or `NaN` when the value is not one (wrong shape, month 13,
 * 30 February…). The non-throwing form for hot paths and validators.
 */
export function epochDayOrNaN(value: unknown): number {
  if (typeof value !== 'string' || value.length !== 10) return NaN;
  if (value.charCodeAt(4) !== CHAR_DASH || value.charCodeAt(7) !== CHAR_DASH) return NaN;
  const year = digit(value, 0) * 1000 + digit(value, 1) * 100 + digit(value, 2) * 10 + digit(value, 3);
  const month = digit(value, 5) * 10 + digit(value, 6);
  const day = digit(value, 8) * 10 + digit(value, 9);
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return NaN;
  return daysFromCivil(year, month, day);
}

export function isLocalDate(value: unknown): value is LocalDate {
  return !Number.isNaN(epochDayOrNaN(value));
}

/**
 * Epoch day of a `'YYYY-MM-DD'` date.
 * @param field name reported in the error details (e.g. `trigger`, `suspensions[0].resumed`)
 * @throws DomainError `DATE_INVALID` (kind `invalid`) for a malformed or impossible date
 */
export function toEpochDay(value: unknown, field = 'date'): number {
  const epochDay = epochDayOrNaN(value);
  if (Number.isNaN(epochDay)) throw invalidDate(value, field);
  return epochDay;
}

export function invalidDate(value: unknown, field = 'date'): DomainError {
  const shown =
    typeof value === 'string' ? `'${value.length > 40 ? value.slice(0, 40) + '…' : value}'` : typeof value;
  const message = `${field}: ${shown} is not a valid date (expected YYYY-MM-DD)`;
  return new DomainError(DATE_INVALID, message, 'invalid', [{ field, message }]);
}

function pad2(n: number): string {
  return n < 10 ? '0' + n : String(n);
}

/** `'YYYY-MM-DD'` of an epoch day. */
export function fromEpochDay(epochDay: number): LocalDate {
  const { year, month, day } = civilFromDays(epochDay);
  const y = year < 10 ? '000' + year : year < 100 ? '00' + year : year < 1000 ? '0' + year : String(year);
  return y + '-' + pad2(month) + '-' + pad2(day);
}

/** ISO weekday (1 = Monday … 7 = Sunday) of an epoch day; 1970-01-01 was a Thursday. */
export function weekdayOfEpochDay(epochDay: number): IsoWeekday {
  return (((((epochDay + 3) % 7) + 7) % 7) + 1) as IsoWeekday;
}

/** ISO weekday of a `'YYYY-MM-DD'` date. @throws `DATE_INVALID` */
export function weekday(date: LocalDate): IsoWeekday {
  return weekdayOfEpochDay(toEpochDay(date));
}

/** `date` + `days` (negative to go back). @throws `DATE_INVALID` */
export function addDays(date: LocalDate, days: number): LocalDate {
  return fromEpochDay(toEpochDay(date) + days);
}

/** Calendar days from `from` to `to` (`to − from`; negative when `to` is earlier). @throws `DATE_INVALID` */
export function daysBetween(from: LocalDate, to: LocalDate): number {
  return toEpochDay(to, 'to') - toEpochDay(from, 'from');
}

/** −1, 0 or 1. Valid dates compare like their strings; this also validates both. @throws `DATE_INVALID` */
export function compareLocalDates(a: LocalDate, b: LocalDate): -1 | 0 | 1 {
  const x = toEpochDay(a, 'a');
  const y = toEpochDay(b, 'b');
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Year of a valid `'YYYY-MM-DD'` string, read from its first four digits. */
export function yearOf(date: LocalDate): number {
  toEpochDay(date);
  return Number(date.slice(0, 4));
}
