/**
 * A working-day calendar over a fixed range of years: a weekly pattern (Mon–Fri by default), days off,
 * make-up working days (làm bù), and a confirmed/provisional flag per year.
 *
 * Everything is precomputed at construction into flat arrays indexed by the day's offset from the
 * first day of the range, so that the deadline engine's questions ("the N-th working day after T",
 * "the next working day on or after D") are a couple of array reads. A date outside the range is an
 * error (`CALENDAR_OUT_OF_RANGE`), never a guess.
 */
import {
  fromEpochDay,
  daysFromCivil,
  epochDayOrNaN,
  invalidDate,
  toEpochDay,
  weekdayOfEpochDay,
  type IsoWeekday,
  type LocalDate,
} from '../../common/domain/local-date.js';
import { CalendarError } from './calendar-error.js';

export type CalendarEntryKind = 'day_off' | 'make_up_working_day';

/** One day that differs from the weekly pattern (or names a holiday that falls on a rest day). */
export interface CalendarEntry {
  date: LocalDate;
  kind: CalendarEntryKind;
  /** Human-readable reason, e.g. `Tết Âm lịch`, `Nghỉ bù Giỗ Tổ Hùng Vương`. Not part of the version. */
  name: string;
}

/** Plain data a calendar is built from (what a database row set or a JSON file holds). */
export interface WorkingCalendarData {
  /** Stable identifier, e.g. `vn-public-sector` or a unit's calendar id. Prefixes the version. */
  id: string;
  firstYear: number;
  lastYear: number;
  /** ISO weekdays that are working days by default; default Monday–Friday. */
  weeklyWorkingDays?: readonly IsoWeekday[];
  entries: readonly CalendarEntry[];
  /** Years whose layout is confirmed (officially published). All other years are provisional. */
  confirmedYears: readonly number[];
  /** How officers know the calendar (explanations name it so); not part of the version. */
  title?: CalendarTitle;
}

/** Whose calendar it is and which edition, as shown to officers. */
export interface CalendarTitle {
  /** The Vietnamese name of the unit whose own days decide it; absent: the national calendar. */
  owner?: string;
  /** That scope's revision (each administrative change adds one); 0: as published. */
  edition: number;
}

/** How one day counts. */
export type CalendarDayStatus =
  | 'working' // a working day of the weekly pattern
  | 'rest' // a weekly rest day (weekend)
  | 'day_off' // a day off (holiday, compensatory, swapped) on a pattern working day
  | 'holiday_on_rest_day' // a named day off that falls on a weekly rest day anyway
  | 'make_up_working_day'; // a rest day that is worked (làm bù)

export interface CalendarDayInfo {
  date: LocalDate;
  weekday: IsoWeekday;
  status: CalendarDayStatus;
  /** Whether the day counts as a working day (make-up days count unless the caller says otherwise). */
  working: boolean;
  name?: string;
  provisional: boolean;
}

export const MONDAY_TO_FRIDAY: readonly IsoWeekday[] = [1, 2, 3, 4, 5];

/** Largest range accepted, to keep the precomputed arrays small (≈ 73 k days). */
const MAX_YEARS = 200;

const ENTRY_NONE = 0;
const ENTRY_DAY_OFF = 1;
const ENTRY_MAKE_UP = 2;

/**
 * Working days of one counting convention (make-up days counted or not), as ranks:
 * `rankBefore[i]` = number of working days at offsets `< i`; `list[k]` = offset of the (k+1)-th one.
 * Methods return an offset, or −1 when the answer falls outside the range.
 */
export class WorkingDayIndex {
  private readonly rankBefore: Int32Array;
  private readonly list: Int32Array;

  constructor(readonly flags: Uint8Array) {
    const n = flags.length;
    this.rankBefore = new Int32Array(n + 1);
    let count = 0;
    for (let i = 0; i < n; i++) {
      this.rankBefore[i] = count;
      count += flags[i];
    }
    this.rankBefore[n] = count;
    this.list = new Int32Array(count);
    for (let i = 0, k = 0; i < n; i++) if (flags[i]) this.list[k++] = i;
  }

  /** Offset of the n-th (n ≥ 1) working day strictly after `offset`. */
  nthAfter(offset: number, n: number): number {
    const k = this.rankBefore[offset + 1] + n - 1;
    return k < this.list.length ? this.list[k] : -1;
  }

  /** Offset of the n-th (n ≥ 1) working day strictly before `offset`. */
  nthBefore(offset: number, n: number): number {
    const k = this.rankBefore[offset] - n;
    return k >= 0 ? this.list[k] : -1;
  }

  /** Offset of the first working day at or after `offset`. */
  nextOnOrAfter(offset: number): number {
    const k = this.rankBefore[offset];
    return k < this.list.length ? this.list[k] : -1;
  }

  /** Number of working days at offsets in `[from, to]` (inclusive; 0 when `to < from`). */
  countBetween(from: number, to: number): number {
    return to < from ? 0 : this.rankBefore[to + 1] - this.rankBefore[from];
  }
}

export class WorkingCalendar {
  readonly id: string;
  /**
   * `<id>@<16 hex digits>`: a hash of everything that decides which days are worked (range, weekly
   * pattern, the days that differ from it, which years are provisional). Names are not part of it.
   * Record it with every computed deadline; a new version means open deadlines may need recomputing.
   */
  readonly version: string;
  readonly title: CalendarTitle;
  readonly firstYear: number;
  readonly lastYear: number;
  readonly firstDate: LocalDate;
  readonly lastDate: LocalDate;
  /** Epoch day of `firstDate`; offsets used by the index methods are relative to it. */
  readonly startDay: number;
  /** Epoch day of `lastDate`. */
  readonly endDay: number;
  readonly weeklyWorkingDays: readonly IsoWeekday[];
  readonly confirmedYears: readonly number[];
  readonly provisionalYears: readonly number[];

  private readonly length: number;
  private readonly patternWorking: Uint8Array; // per ISO weekday (index 1..7)
  private readonly entryKind: Uint8Array; // per offset
  private readonly names = new Map<number, string>(); // offset → name
  private readonly dateText: string[]; // offset → 'YYYY-MM-DD'
  private readonly provisionalPrefix: Int32Array; // per year index: provisional years before it
  private readonly yearStart: Int32Array; // per year index (and one past): offset of 1 January
  private readonly indexes: [WorkingDayIndex | undefined, WorkingDayIndex | undefined] = [
    undefined,
    undefined,
  ];

  constructor(data: WorkingCalendarData) {
    const { id, firstYear, lastYear } = data;
    if (typeof id !== 'string' || id.length === 0) throw invalidData('the calendar needs an id');
    if (!Number.isInteger(firstYear) || !Number.isInteger(lastYear) || firstYear < 1 || lastYear > 9999) {
      throw invalidData(`invalid year range ${firstYear}–${lastYear}`);
    }
    if (lastYear < firstYear || lastYear - firstYear >= MAX_YEARS) {
      throw invalidData(`the year range ${firstYear}–${lastYear} must be 1 to ${MAX_YEARS} years`);
    }
    this.id = id;
    this.title = data.title ? { ...data.title } : { edition: 0 };
    this.firstYear = firstYear;
    this.lastYear = lastYear;
    this.startDay = daysFromCivil(firstYear, 1, 1);
    this.endDay = daysFromCivil(lastYear, 12, 31);
    this.length = this.endDay - this.startDay + 1;

    const weekly = data.weeklyWorkingDays ?? MONDAY_TO_FRIDAY;
    this.patternWorking = new Uint8Array(8);
    for (const d of weekly) {
      if (!Number.isInteger(d) || d < 1 || d > 7) throw invalidData(`invalid ISO weekday ${String(d)}`);
      this.patternWorking[d] = 1;
    }
    this.weeklyWorkingDays = Object.freeze(
      [1, 2, 3, 4, 5, 6, 7].filter((d) => this.patternWorking[d] === 1) as IsoWeekday[],
    );
    if (this.weeklyWorkingDays.length === 0) throw invalidData('the weekly pattern has no working day');

    this.entryKind = new Uint8Array(this.length);
    for (const entry of data.entries) this.addEntry(entry);

    const confirmed = new Set<number>();
    for (const y of data.confirmedYears) {
      if (!Number.isInteger(y)) throw invalidData(`invalid confirmed year ${String(y)}`);
      if (y >= firstYear && y <= lastYear) confirmed.add(y);
    }
    const years = lastYear - firstYear + 1;
    this.provisionalPrefix = new Int32Array(years + 1);
    this.yearStart = new Int32Array(years + 1);
    const provisional: number[] = [];
    for (let i = 0; i < years; i++) {
      const y = firstYear + i;
      const isProvisional = !confirmed.has(y);
      if (isProvisional) provisional.push(y);
      this.provisionalPrefix[i + 1] = this.provisionalPrefix[i] + (isProvisional ? 1 : 0);
      this.yearStart[i] = daysFromCivil(y, 1, 1) - this.startDay;
    }
    this.yearStart[years] = this.length;
    this.confirmedYears = Object.freeze([...confirmed].sort((a, b) => a - b));
    this.provisionalYears = Object.freeze(provisional);

    this.dateText = new Array<string>(this.length);
    for (let i = 0; i < this.length; i++) this.dateText[i] = fromEpochDay(this.startDay + i);
    this.firstDate = this.dateText[0];
    this.lastDate = this.dateText[this.length - 1];
    this.version = `${id}@${this.contentHash()}`;
  }

  private addEntry(entry: CalendarEntry): void {
    const day = epochDayOrNaN(entry?.date);
    if (Number.isNaN(day)) throw invalidDate(entry?.date, 'entries[].date');
    if (entry.kind !== 'day_off' && entry.kind !== 'make_up_working_day') {
      throw invalidData(`${entry.date}: unknown kind '${String(entry.kind)}'`);
    }
    if (day < this.startDay || day > this.endDay) return; // outside the range: irrelevant
    const offset = day - this.startDay;
    const kind = entry.kind === 'day_off' ? ENTRY_DAY_OFF : ENTRY_MAKE_UP;
    const previous = this.entryKind[offset];
    if (previous !== ENTRY_NONE && previous !== kind) {
      throw invalidData(`${entry.date} is both a day off and a make-up working day`);
    }
    this.entryKind[offset] = kind;
    const name = typeof entry.name === 'string' ? entry.name.trim() : '';
    if (name) {
      const existing = this.names.get(offset);
      this.names.set(offset, existing && existing !== name ? `${existing}; ${name}` : name);
    }
  }

  /** FNV-1a (two 32-bit lanes) over the range, the pattern, the exceptions and the provisional years. */
  private contentHash(): string {
    let h1 = 0x811c9dc5;
    let h2 = 0x01000193 ^ 0x5bd1e995;
    const mix = (value: number): void => {
      for (let s = 0; s < 32; s += 8) {
        const byte = (value >>> s) & 0xff;
        h1 = Math.imul(h1 ^ byte, 0x01000193);
        h2 = Math.imul(h2 ^ byte, 0x01000193 ^ 0x2f);
      }
    };
    mix(this.firstYear);
    mix(this.lastYear);
    for (let d = 1; d <= 7; d++) mix(this.patternWorking[d]);
    for (let i = 0; i < this.length; i++) {
      const kind = this.entryKind[i];
      // Only entries that change a day's status: a named holiday on a rest day changes nothing.
      if (kind === ENTRY_DAY_OFF && this.patternWorkingAt(i)) mix(i * 4 + 1);
      else if (kind === ENTRY_MAKE_UP && !this.patternWorkingAt(i)) mix(i * 4 + 2);
    }
    for (const y of this.provisionalYears) mix(y);
    return (h1 >>> 0).toString(16).padStart(8, '0') + (h2 >>> 0).toString(16).padStart(8, '0');
  }

  private patternWorkingAt(offset: number): boolean {
    return this.patternWorking[weekdayOfEpochDay(this.startDay + offset)] === 1;
  }

  /**
   * The working-day index for one counting convention, built on first use.
   * @param countMakeUpDays whether make-up days on weekly rest days (làm bù Saturdays) are working days
   *   (policy `makeUpSaturdaysCount`; legal-reference §1.1 — an interpretation, default true)
   */
  index(countMakeUpDays = true): WorkingDayIndex {
    const slot = countMakeUpDays ? 0 : 1;
    let index = this.indexes[slot];
    if (!index) {
      const flags = new Uint8Array(this.length);
      for (let i = 0; i < this.length; i++) flags[i] = this.isWorkingOffset(i, countMakeUpDays) ? 1 : 0;
      index = new WorkingDayIndex(flags);
      this.indexes[slot] = index;
    }
    return index;
  }

  private isWorkingOffset(offset: number, countMakeUpDays: boolean): boolean {
    const kind = this.entryKind[offset];
    const pattern = this.patternWorkingAt(offset);
    if (kind === ENTRY_DAY_OFF) return false;
    if (kind === ENTRY_MAKE_UP) return pattern || countMakeUpDays;
    return pattern;
  }

  /** Offset of an epoch day, or throws `CALENDAR_OUT_OF_RANGE`. */
  offsetOf(epochDay: number, field = 'date'): number {
    if (epochDay < this.startDay || epochDay > this.endDay) throw this.outOfRange(epochDay, field);
    return epochDay - this.startDay;
  }

  /** `'YYYY-MM-DD'` of an offset (precomputed; no allocation). */
  dateAt(offset: number): LocalDate {
    return this.dateText[offset];
  }

  contains(date: LocalDate): boolean {
    const day = epochDayOrNaN(date);
    return day >= this.startDay && day <= this.endDay;
  }

  /** @throws `DATE_INVALID`, `CALENDAR_OUT_OF_RANGE` */
  isWorkingDay(date: LocalDate, countMakeUpDays = true): boolean {
    return this.index(countMakeUpDays).flags[this.offsetOf(toEpochDay(date))] === 1;
  }

  /** Whether the year's layout is provisional (computed, not confirmed). @throws `CALENDAR_OUT_OF_RANGE` */
  isProvisionalYear(year: number): boolean {
    if (!Number.isInteger(year) || year < this.firstYear || year > this.lastYear) {
      throw this.outOfRange(Number.isInteger(year) ? daysFromCivil(year, 1, 1) : NaN, 'year');
    }
    const i = year - this.firstYear;
    return this.provisionalPrefix[i + 1] !== this.provisionalPrefix[i];
  }

  /** @throws `DATE_INVALID`, `CALENDAR_OUT_OF_RANGE` */
  isProvisional(date: LocalDate): boolean {
    const offset = this.offsetOf(toEpochDay(date));
    return this.anyProvisionalBetween(offset, offset);
  }

  /** Year index (0 = firstYear) of an offset. */
  yearIndexAt(offset: number): number {
    // Estimate from 365.2425 days a year, then correct by at most one step.
    let i = Math.floor(offset / 365.2425);
    if (i >= this.yearStart.length - 1) i = this.yearStart.length - 2;
    while (i > 0 && this.yearStart[i] > offset) i--;
    while (this.yearStart[i + 1] <= offset) i++;
    return i;
  }

  /** Whether any day in the offsets `[from, to]` lies in a provisional year. */
  anyProvisionalBetween(from: number, to: number): boolean {
    const a = this.yearIndexAt(from);
    const b = this.yearIndexAt(to);
    return this.provisionalPrefix[b + 1] - this.provisionalPrefix[a] > 0;
  }

  /** Provisional years touched by the offsets `[from, to]`. */
  provisionalYearsBetween(from: number, to: number): number[] {
    const out: number[] = [];
    for (let i = this.yearIndexAt(from), b = this.yearIndexAt(to); i <= b; i++) {
      if (this.provisionalPrefix[i + 1] !== this.provisionalPrefix[i]) out.push(this.firstYear + i);
    }
    return out;
  }

  /** Status of an offset (see {@link CalendarDayStatus}). */
  statusAt(offset: number): CalendarDayStatus {
    const kind = this.entryKind[offset];
    const pattern = this.patternWorkingAt(offset);
    if (kind === ENTRY_DAY_OFF) return pattern ? 'day_off' : 'holiday_on_rest_day';
    if (kind === ENTRY_MAKE_UP && !pattern) return 'make_up_working_day';
    return pattern ? 'working' : 'rest';
  }

  nameAt(offset: number): string | undefined {
    return this.names.get(offset);
  }

  /** Everything about one day. @throws `DATE_INVALID`, `CALENDAR_OUT_OF_RANGE` */
  dayInfo(date: LocalDate, countMakeUpDays = true): CalendarDayInfo {
    const epochDay = toEpochDay(date);
    const offset = this.offsetOf(epochDay);
    const name = this.names.get(offset);
    return {
      date: this.dateText[offset],
      weekday: weekdayOfEpochDay(epochDay),
      status: this.statusAt(offset),
      working: this.index(countMakeUpDays).flags[offset] === 1,
      ...(name ? { name } : {}),
      provisional: this.anyProvisionalBetween(offset, offset),
    };
  }

  /**
   * The days of a year that differ from the weekly pattern, plus named holidays on rest days, in date
   * order — what an administrator reviews before confirming a year.
   */
  entriesOf(year: number): CalendarEntry[] {
    if (!Number.isInteger(year) || year < this.firstYear || year > this.lastYear) return [];
    const out: CalendarEntry[] = [];
    const i = year - this.firstYear;
    for (let offset = this.yearStart[i]; offset < this.yearStart[i + 1]; offset++) {
      const kind = this.entryKind[offset];
      if (kind === ENTRY_NONE) continue;
      const entryKind: CalendarEntryKind = kind === ENTRY_DAY_OFF ? 'day_off' : 'make_up_working_day';
      out.push({ date: this.dateText[offset], kind: entryKind, name: this.names.get(offset) ?? '' });
    }
    return out;
  }

  outOfRange(epochDay: number, field: string): CalendarError {
    const shown = Number.isFinite(epochDay) ? fromEpochDay(epochDay) : 'the value';
    return new CalendarError(
      'CALENDAR_OUT_OF_RANGE',
      `${field}: ${shown} is outside the calendar ${this.id} (${this.firstDate} … ${this.lastDate})`,
      'unprocessable',
      [{ field, message: `outside ${this.firstDate} … ${this.lastDate}` }],
      { calendarVersion: this.version, firstDate: this.firstDate, lastDate: this.lastDate },
    );
  }
}

function invalidData(message: string): CalendarError {
  return new CalendarError('CALENDAR_INVALID_DATA', message, 'invalid');
}

/** Builds a calendar from plain data. @throws `CALENDAR_INVALID_DATA`, `DATE_INVALID` */
export function buildWorkingCalendar(data: WorkingCalendarData): WorkingCalendar {
  return new WorkingCalendar(data);
}
