/**
 * When an e-mail may go out: inside office hours on a working day of the unit's calendar, in the
 * deployment's local time. Instants are epoch milliseconds (UTC); days are `'YYYY-MM-DD'` local dates.
 */
import {
  daysFromCivil,
  fromEpochDay,
  weekdayOfEpochDay,
  type LocalDate,
} from '../../common/domain/local-date.js';

/** The part of a working calendar these rules need (calendar/domain/working-calendar.ts). */
export interface WorkingDays {
  /** Whether the date is in the calendar's range (outside it, Monday–Friday is assumed). */
  contains(date: LocalDate): boolean;
  isWorkingDay(date: LocalDate): boolean;
}

/** Office hours, `'HH:MM'` local time, start before end (config WORKING_HOURS). */
export interface WorkingHours {
  start: string;
  end: string;
}

/**
 * Asia/Ho_Chi_Minh is UTC+7 all year: Viet Nam has kept one offset without daylight saving since 1975,
 * so a fixed offset is exact for every date the system handles.
 */
export const VIETNAM_UTC_OFFSET_MINUTES = 7 * 60;

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
/** How far ahead to look for a working day (the longest run of days off, Tết, is about 9 days). */
const HORIZON_DAYS = 60;

function minutesOf(hhmm: string, field: string): number {
  const match = /^(\d{2}):(\d{2})$/.exec(hhmm);
  const minutes = match ? Number(match[1]) * 60 + Number(match[2]) : NaN;
  if (!(minutes >= 0 && minutes < 24 * 60)) throw new RangeError(`working hours: bad ${field} "${hhmm}"`);
  return minutes;
}

function parseHours(hours: WorkingHours): { start: number; end: number } {
  const start = minutesOf(hours.start, 'start');
  const end = minutesOf(hours.end, 'end');
  if (start >= end) throw new RangeError(`working hours: ${hours.start} is not before ${hours.end}`);
  return { start, end };
}

/** Monday–Friday for a day outside the calendar's range (never a guess inside it). */
function isWorking(calendar: WorkingDays, epochDay: number): boolean {
  const date = fromEpochDay(epochDay);
  if (calendar.contains(date)) return calendar.isWorkingDay(date);
  return weekdayOfEpochDay(epochDay) <= 5;
}

function localParts(nowMs: number, offsetMinutes: number): { epochDay: number; minute: number } {
  const local = nowMs + offsetMinutes * MINUTE_MS;
  const epochDay = Math.floor(local / DAY_MS);
  return { epochDay, minute: Math.floor((local - epochDay * DAY_MS) / MINUTE_MS) };
}

const instantOf = (epochDay: number, minute: number, offsetMinutes: number) =>
  epochDay * DAY_MS + (minute - offsetMinutes) * MINUTE_MS;

function firstWorkingDayFrom(calendar: WorkingDays, epochDay: number): number {
  for (let day = epochDay; day < epochDay + HORIZON_DAYS; day++) if (isWorking(calendar, day)) return day;
  throw new RangeError(`no working day within ${HORIZON_DAYS} days of ${fromEpochDay(epochDay)}`);
}

/** Whether the instant falls inside office hours (start inclusive, end exclusive) on a working day. */
export function isWithinWorkingHours(
  nowMs: number,
  calendar: WorkingDays,
  hours: WorkingHours,
  offsetMinutes = VIETNAM_UTC_OFFSET_MINUTES,
): boolean {
  const { start, end } = parseHours(hours);
  const { epochDay, minute } = localParts(nowMs, offsetMinutes);
  return minute >= start && minute < end && isWorking(calendar, epochDay);
}

/**
 * The earliest instant at or after `nowMs` inside office hours on a working day: `nowMs` itself when it
 * already is; else the start of the hours that day (early morning) or on the next working day (evening,
 * weekend, holiday).
 */
export function nextSendMoment(
  nowMs: number,
  calendar: WorkingDays,
  hours: WorkingHours,
  offsetMinutes = VIETNAM_UTC_OFFSET_MINUTES,
): number {
  const { start, end } = parseHours(hours);
  const { epochDay, minute } = localParts(nowMs, offsetMinutes);
  if (isWorking(calendar, epochDay)) {
    if (minute >= start && minute < end) return nowMs;
    if (minute < start) return instantOf(epochDay, start, offsetMinutes);
  }
  return instantOf(firstWorkingDayFrom(calendar, epochDay + 1), start, offsetMinutes);
}

/**
 * The next start of office hours that is still ahead: today's when today is a working day and its hours
 * have not begun, else the next working day's. Digest items wait for it: every item of a day falls due at
 * the same morning, so a user gets at most one digest per working day.
 */
export function nextWorkdayStart(
  nowMs: number,
  calendar: WorkingDays,
  hours: WorkingHours,
  offsetMinutes = VIETNAM_UTC_OFFSET_MINUTES,
): number {
  const { start } = parseHours(hours);
  const { epochDay, minute } = localParts(nowMs, offsetMinutes);
  if (minute < start && isWorking(calendar, epochDay)) return instantOf(epochDay, start, offsetMinutes);
  return instantOf(firstWorkingDayFrom(calendar, epochDay + 1), start, offsetMinutes);
}

/** The local date of an instant (fixed offset), e.g. the day a digest is for. */
export function localDateAt(nowMs: number, offsetMinutes = VIETNAM_UTC_OFFSET_MINUTES): LocalDate {
  return fromEpochDay(localParts(nowMs, offsetMinutes).epochDay);
}

/** An instant from a local date and time, for tests and fixtures: `localInstant('2026-01-09', '18:00')`. */
export function localInstant(
  date: LocalDate,
  hhmm: string,
  offsetMinutes = VIETNAM_UTC_OFFSET_MINUTES,
): number {
  const [y, m, d] = date.split('-').map(Number);
  return instantOf(daysFromCivil(y, m, d), minutesOf(hhmm, 'time'), offsetMinutes);
}
