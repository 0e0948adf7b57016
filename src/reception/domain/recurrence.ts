/**
 * Recurrences of reception sessions ("thứ Ba hằng tuần", "ngày 15 hằng tháng", "thứ Năm tuần thứ hai",
 * "mọi ngày làm việc") expanded against a unit's working calendar.
 *
 * A nominal date that is not a working day (a weekend, a holiday, Tết, a swapped day) is either moved to
 * the next working day — local practice, not law (legal-reference §3.2: tayson.gialai.gov.vn,
 * binhdinh.gov.vn) — or skipped, as the schedule says. A make-up Saturday (làm bù) is a working day, so a
 * nominal date on one stays where it is.
 */
import type { DomainErrorDetail } from '../../common/domain/domain-error.js';
import {
  daysFromCivil,
  daysInMonth,
  fromEpochDay,
  toEpochDay,
  weekdayOfEpochDay,
  type IsoWeekday,
  type LocalDate,
} from '../../common/domain/local-date.js';
import type { WorkingCalendar } from '../../calendar/domain/working-calendar.js';

export type Recurrence =
  /** Every week on these ISO weekdays (1 = Monday … 7 = Sunday): "thứ Ba hằng tuần". */
  | { type: 'weekly'; weekdays: IsoWeekday[] }
  /** The n-th day of every month: "ngày 15 hằng tháng". A month without that day uses its last day. */
  | { type: 'monthly_day'; day: number }
  /** The n-th (1–4) or last (−1) given weekday of every month: "thứ Năm của tuần thứ hai". */
  | { type: 'monthly_weekday'; week: 1 | 2 | 3 | 4 | -1; weekday: IsoWeekday }
  /** Every working day of the unit's calendar: regular reception (thường xuyên, NĐ 154/2026 art. 29(1)). */
  | { type: 'every_working_day' };

export const RECURRENCE_TYPES = ['weekly', 'monthly_day', 'monthly_weekday', 'every_working_day'] as const;

/** What to do when a nominal date is not a working day. */
export const NON_WORKING_DAY_POLICIES = ['next_working_day', 'skip'] as const;
export type NonWorkingDayPolicy = (typeof NON_WORKING_DAY_POLICIES)[number];

export interface Occurrence {
  /** The day the session takes place. */
  date: LocalDate;
  /** The day the recurrence names; differs from `date` when moved. */
  nominalDate: LocalDate;
  moved: boolean;
  /** Why the nominal day was not a working day: the holiday's name, or `weekend`. */
  reason?: string;
}

export interface SkippedOccurrence {
  nominalDate: LocalDate;
  /** The holiday's name, `weekend`, or `duplicate` (moved onto a day the series already uses). */
  reason: string;
}

export interface Expansion {
  occurrences: Occurrence[];
  skipped: SkippedOccurrence[];
}

const WEEKDAY_VI = ['', 'thứ Hai', 'thứ Ba', 'thứ Tư', 'thứ Năm', 'thứ Sáu', 'thứ Bảy', 'Chủ nhật'];
const WEEK_VI: Record<number, string> = {
  1: 'thứ nhất',
  2: 'thứ hai',
  3: 'thứ ba',
  4: 'thứ tư',
  [-1]: 'cuối',
};

/** Shape problems of a recurrence (field paths under `prefix`); empty when it is valid. */
export function recurrenceProblems(value: unknown, prefix = 'recurrence'): DomainErrorDetail[] {
  const problem = (field: string, message: string) => [{ field: `${prefix}${field}`, message }];
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return problem('', 'must be an object with a type');
  }
  const r = value as Record<string, unknown>;
  const keys = Object.keys(r);
  const allowed: Record<string, string[]> = {
    weekly: ['type', 'weekdays'],
    monthly_day: ['type', 'day'],
    monthly_weekday: ['type', 'week', 'weekday'],
    every_working_day: ['type'],
  };
  if (typeof r.type !== 'string' || !(r.type in allowed)) {
    return problem('.type', `must be one of: ${RECURRENCE_TYPES.join(', ')}`);
  }
  const extra = keys.filter((k) => !allowed[r.type as string].includes(k));
  if (extra.length > 0) return problem(`.${extra[0]}`, `is not a field of a ${r.type} recurrence`);
  const isWeekday = (d: unknown) => Number.isInteger(d) && (d as number) >= 1 && (d as number) <= 7;
  switch (r.type) {
    case 'weekly':
      if (!Array.isArray(r.weekdays) || r.weekdays.length === 0 || r.weekdays.length > 7) {
        return problem('.weekdays', 'must list 1 to 7 ISO weekdays (1 = Monday … 7 = Sunday)');
      }
      if (!r.weekdays.every(isWeekday)) return problem('.weekdays', 'must hold ISO weekdays from 1 to 7');
      if (new Set(r.weekdays).size !== r.weekdays.length) return problem('.weekdays', 'has a repeated day');
      return [];
    case 'monthly_day':
      if (!Number.isInteger(r.day) || (r.day as number) < 1 || (r.day as number) > 31) {
        return problem('.day', 'must be a day of the month from 1 to 31');
      }
      return [];
    case 'monthly_weekday': {
      const out: DomainErrorDetail[] = [];
      if (![1, 2, 3, 4, -1].includes(r.week as number)) {
        out.push(...problem('.week', 'must be 1, 2, 3, 4 or -1 (the last)'));
      }
      if (!isWeekday(r.weekday)) out.push(...problem('.weekday', 'must be an ISO weekday from 1 to 7'));
      return out;
    }
    default:
      return [];
  }
}

/** The recurrence in Vietnamese words, for the public page and the schedule list. */
export function describeRecurrence(r: Recurrence): string {
  switch (r.type) {
    case 'weekly':
      return `${[...r.weekdays]
        .sort((a, b) => a - b)
        .map((d) => WEEKDAY_VI[d])
        .join(', ')} hằng tuần`;
    case 'monthly_day':
      return `ngày ${r.day} hằng tháng`;
    case 'monthly_weekday':
      return `${WEEKDAY_VI[r.weekday]} ${r.week === -1 ? 'cuối cùng' : `tuần ${WEEK_VI[r.week]}`} hằng tháng`;
    case 'every_working_day':
      return 'các ngày làm việc';
  }
}

/** Nominal epoch days of a recurrence within `[from, to]` (epoch days), ascending. */
function nominalDays(r: Recurrence, from: number, to: number): number[] {
  const out: number[] = [];
  if (r.type === 'weekly' || r.type === 'every_working_day') {
    const days = r.type === 'weekly' ? new Set<number>(r.weekdays) : null;
    for (let d = from; d <= to; d++) if (!days || days.has(weekdayOfEpochDay(d))) out.push(d);
    return out;
  }
  let { year, month } = civil(from);
  for (;;) {
    const first = daysFromCivil(year, month, 1);
    if (first > to) break;
    const length = daysInMonth(year, month);
    let day: number;
    if (r.type === 'monthly_day') {
      day = first + Math.min(r.day, length) - 1;
    } else if (r.week === -1) {
      const last = first + length - 1;
      day = last - ((weekdayOfEpochDay(last) - r.weekday + 7) % 7);
    } else {
      day = first + ((r.weekday - weekdayOfEpochDay(first) + 7) % 7) + (r.week - 1) * 7;
    }
    if (day >= from && day <= to) out.push(day);
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
  return out;
}

function civil(epochDay: number): { year: number; month: number } {
  const text = fromEpochDay(epochDay);
  return { year: Number(text.slice(0, 4)), month: Number(text.slice(5, 7)) };
}

/**
 * Expands a recurrence over the nominal dates `[from, to]` (inclusive) against a working calendar.
 *
 * - `every_working_day` yields the working days only (the policy does not apply: a regular reception day
 *   that is not a working day simply does not exist).
 * - Otherwise a nominal date that is not a working day is moved to the next working day
 *   (`next_working_day`) or skipped (`skip`). A moved date may fall after `to`: it belongs to its nominal
 *   date. A moved date that the series already uses (two nominal days both moved, or moved onto the next
 *   nominal day) is dropped as `duplicate`.
 *
 * @throws `DATE_INVALID` for a bad bound, `CALENDAR_OUT_OF_RANGE` outside the calendar's years
 */
export function expandRecurrence(
  recurrence: Recurrence,
  range: { from: LocalDate; to: LocalDate },
  calendar: WorkingCalendar,
  policy: NonWorkingDayPolicy,
): Expansion {
  const from = toEpochDay(range.from, 'from');
  const to = toEpochDay(range.to, 'to');
  const occurrences: Occurrence[] = [];
  const skipped: SkippedOccurrence[] = [];
  if (to < from) return { occurrences, skipped };
  const index = calendar.index();
  const used = new Set<number>();
  for (const day of nominalDays(recurrence, from, to)) {
    const offset = calendar.offsetOf(day, 'date');
    const nominalDate = calendar.dateAt(offset);
    if (index.flags[offset] === 1) {
      if (used.has(day)) skipped.push({ nominalDate, reason: 'duplicate' });
      else occurrences.push({ date: nominalDate, nominalDate, moved: false });
      used.add(day);
      continue;
    }
    if (recurrence.type === 'every_working_day') continue;
    const reason = calendar.nameAt(offset) ?? 'weekend';
    if (policy === 'skip') {
      skipped.push({ nominalDate, reason });
      continue;
    }
    const next = index.nextOnOrAfter(offset);
    if (next < 0) throw calendar.outOfRange(day + 1, 'date');
    const movedDay = calendar.startDay + next;
    if (used.has(movedDay) || nominalDays(recurrence, movedDay, movedDay).length > 0) {
      // The day it would move to is (or will be) a session of the series already.
      skipped.push({ nominalDate, reason: 'duplicate' });
      continue;
    }
    used.add(movedDay);
    occurrences.push({ date: calendar.dateAt(next), nominalDate, moved: true, reason });
  }
  occurrences.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return { occurrences, skipped };
}
