/**
 * The national public-sector calendar: confirmed layouts for the years the Government has announced,
 * and a provisional layout computed from the Labor Code for every other year.
 *
 * Sources: docs/deadlines.md; /shared/docs/deadline-policy.md ("Public-sector calendar data") and
 * legal-reference §8.
 */
import {
  daysFromCivil,
  fromEpochDay,
  toEpochDay,
  weekdayOfEpochDay,
  type IsoWeekday,
} from '../../common/domain/local-date.js';
import { CalendarError } from './calendar-error.js';
import { LUNAR_TABLE, LUNAR_TABLE_FIRST_YEAR, LUNAR_TABLE_LAST_YEAR } from './lunar-table.js';
import { MONDAY_TO_FRIDAY, WorkingCalendar, type CalendarEntry } from './working-calendar.js';

export const NATIONAL_CALENDAR_ID = 'vn-public-sector';
/** The national calendar covers the years of the committed lunar table. */
export const NATIONAL_CALENDAR_FIRST_YEAR = LUNAR_TABLE_FIRST_YEAR;
export const NATIONAL_CALENDAR_LAST_YEAR = LUNAR_TABLE_LAST_YEAR;

// Holiday names (Labor Code 45/2019/QH14 art. 112(1)), Vietnamese with an English gloss.
const NEW_YEAR = 'Tết Dương lịch (New Year)';
const TET = 'Tết Âm lịch (Lunar New Year)';
const VICTORY = 'Ngày Chiến thắng (Reunification Day)';
const LABOUR = 'Ngày Quốc tế lao động (Labour Day)';
const NATIONAL_DAY = 'Quốc khánh (National Day)';
const GIO_TO = 'Giỗ Tổ Hùng Vương (Hung Kings Commemoration)';
const compensatory = (name: string): string => `Nghỉ bù ${name} (compensatory day off)`;
const SWAPPED = 'Nghỉ hoán đổi (swapped rest day)';
const MAKE_UP = 'Làm bù (make-up working day)';

const off = (date: string, name: string): CalendarEntry => ({ date, kind: 'day_off', name });
const makeUp = (date: string): CalendarEntry => ({ date, kind: 'make_up_working_day', name: MAKE_UP });

/**
 * Layouts announced for the public sector (deadline-policy.md, table "Public-sector calendar data"):
 * the days off that fall on weekdays, and the make-up Saturdays. Confirmed years.
 */
export const PUBLIC_SECTOR_LAYOUTS: Readonly<Record<number, readonly CalendarEntry[]>> = Object.freeze({
  // legal-reference §8.2 (2025): Tết Ất Tỵ Mon 27 – Fri 31 Jan; Giỗ Tổ Mon 7 Apr; 30 Apr, 1 May,
  // Fri 2 May swapped with Sat 26 Apr; Quốc khánh Mon 1 – Tue 2 Sep.
  2025: [
    off('2025-01-01', NEW_YEAR),
    off('2025-01-27', TET),
    off('2025-01-28', TET),
    off('2025-01-29', TET),
    off('2025-01-30', TET),
    off('2025-01-31', TET),
    off('2025-04-07', GIO_TO),
    makeUp('2025-04-26'),
    off('2025-04-30', VICTORY),
    off('2025-05-01', LABOUR),
    off('2025-05-02', SWAPPED),
    off('2025-09-01', NATIONAL_DAY),
    off('2025-09-02', NATIONAL_DAY),
  ],
  // legal-reference §8.3 (2026): Fri 2 Jan swapped with Sat 10 Jan; Tết Bính Ngọ Mon 16 – Fri 20 Feb;
  // Giỗ Tổ on Sun 26 Apr → Mon 27 Apr off (Labor Code art. 111(3)); 30 Apr, 1 May; Mon 31 Aug swapped
  // with Sat 22 Aug; Quốc khánh Tue 1 – Wed 2 Sep. (24 Nov "Ngày Văn hóa Việt Nam": UNCONFIRMED, not included.)
  2026: [
    off('2026-01-01', NEW_YEAR),
    off('2026-01-02', SWAPPED),
    makeUp('2026-01-10'),
    off('2026-02-16', TET),
    off('2026-02-17', TET),
    off('2026-02-18', TET),
    off('2026-02-19', TET),
    off('2026-02-20', TET),
    off('2026-04-26', GIO_TO), // a Sunday: named only, the day off is the next entry
    off('2026-04-27', compensatory(GIO_TO)),
    off('2026-04-30', VICTORY),
    off('2026-05-01', LABOUR),
    makeUp('2026-08-22'),
    off('2026-08-31', SWAPPED),
    off('2026-09-01', NATIONAL_DAY),
    off('2026-09-02', NATIONAL_DAY),
  ],
});

const lunarRows = new Map<number, readonly [number, string, string]>(LUNAR_TABLE.map((row) => [row[0], row]));

/**
 * The provisional layout of a year, from the Labor Code alone (no swaps, no make-up days — the Prime
 * Minister decides those each year, art. 112(3)):
 * - 1 Jan (art. 112(1)(a)); 30 Apr (art. 112(1)(c)); 1 May (art. 112(1)(d));
 * - Tết Âm lịch, 5 days (art. 112(1)(b)); the Prime Minister fixes the days (art. 112(3)). Default:
 *   the last day of the old lunar year and the first four days of the new one (mùng 1–4) — the 2026
 *   layout (16–20 Feb around mùng 1 on 17 Feb) had exactly this shape;
 * - Quốc khánh, 2 Sep plus one adjacent day (art. 112(1)(đ)), chosen by the Prime Minister
 *   (art. 112(3)). Default: 1 Sep, the day before — as in 2022, 2023, 2025 and 2026; with the
 *   compensatory rule it also reproduces 2024 (Sun 1 Sep → Tue 3 Sep);
 * - Giỗ Tổ Hùng Vương, 10/3 lunar (art. 112(1)(e));
 * - a holiday on a weekly rest day gives a compensatory day off on the next working day
 *   (art. 111(3)), after any holiday that already occupies it.
 * Holidays that fall on rest days are returned too (status `holiday_on_rest_day`), so that the
 * calendar can name them.
 * @throws `CALENDAR_INVALID_DATA` when the year is outside the lunar table (2020–2060)
 */
export function statutoryHolidays(
  year: number,
  weeklyWorkingDays: readonly IsoWeekday[] = MONDAY_TO_FRIDAY,
): CalendarEntry[] {
  const lunar = lunarRows.get(year);
  if (!lunar) {
    throw new CalendarError(
      'CALENDAR_INVALID_DATA',
      `no lunar data for ${year}: the table covers ${LUNAR_TABLE_FIRST_YEAR}–${LUNAR_TABLE_LAST_YEAR}`,
      'invalid',
    );
  }
  const [, tetDate, gioToDate] = lunar;
  const tet = toEpochDay(tetDate);
  const holidays: [day: number, name: string][] = [
    [daysFromCivil(year, 1, 1), NEW_YEAR],
    [tet - 1, TET],
    [tet, TET],
    [tet + 1, TET],
    [tet + 2, TET],
    [tet + 3, TET],
    [toEpochDay(gioToDate), GIO_TO],
    [daysFromCivil(year, 4, 30), VICTORY],
    [daysFromCivil(year, 5, 1), LABOUR],
    [daysFromCivil(year, 9, 1), NATIONAL_DAY],
    [daysFromCivil(year, 9, 2), NATIONAL_DAY],
  ];
  holidays.sort((a, b) => a[0] - b[0]);
  const working = new Set<number>(weeklyWorkingDays);
  const taken = new Set<number>(holidays.map(([day]) => day));
  const entries: CalendarEntry[] = [];
  for (const [day, name] of holidays) {
    entries.push(off(fromEpochDay(day), name));
    if (working.has(weekdayOfEpochDay(day))) continue;
    // Labor Code art. 111(3): nghỉ bù on the next working day not already a day off.
    let comp = day + 1;
    while (!working.has(weekdayOfEpochDay(comp)) || taken.has(comp)) comp++;
    taken.add(comp);
    entries.push(off(fromEpochDay(comp), compensatory(name)));
  }
  return entries.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

export interface NationalCalendarOptions {
  /** Calendar id (prefix of its version); default `vn-public-sector`. A unit passes its own. */
  id?: string;
  /** Default 2020 and 2060 (the lunar table's range); a narrower range is allowed. */
  firstYear?: number;
  lastYear?: number;
  /**
   * Days that differ from the national layout (a unit's own days off, an amended national layout).
   * In years whose base layout is itself confirmed (built-in, 2025–2026) or provisional, these are laid
   * over the base: a `day_off` adds a rest day, a `make_up_working_day` makes a day a working day, and
   * an entry replaces a base entry on the same date. In a year listed in `confirmedYears` that has no
   * built-in layout, these entries ARE the year's layout (the published one): the computed provisional
   * days are dropped, so list every day off of that year.
   */
  entries?: readonly CalendarEntry[];
  /** Years an administrator has confirmed, in addition to the built-in confirmed years. */
  confirmedYears?: readonly number[];
}

let defaultCalendar: WorkingCalendar | undefined;

/**
 * The national public-sector working calendar (Mon–Fri; built-in 2025 and 2026 layouts confirmed;
 * 2020–2024 and 2027–2060 provisional), optionally with a unit's own entries and confirmed years.
 * Without options the same instance is returned every time.
 * @throws `CALENDAR_INVALID_DATA`, `DATE_INVALID`
 */
export function nationalCalendar(options?: NationalCalendarOptions): WorkingCalendar {
  if (!options) return (defaultCalendar ??= buildNational({}));
  return buildNational(options);
}

function buildNational(options: NationalCalendarOptions): WorkingCalendar {
  const firstYear = options.firstYear ?? NATIONAL_CALENDAR_FIRST_YEAR;
  const lastYear = options.lastYear ?? NATIONAL_CALENDAR_LAST_YEAR;
  if (
    firstYear < NATIONAL_CALENDAR_FIRST_YEAR ||
    lastYear > NATIONAL_CALENDAR_LAST_YEAR ||
    lastYear < firstYear
  ) {
    throw new CalendarError(
      'CALENDAR_INVALID_DATA',
      `the national calendar covers ${NATIONAL_CALENDAR_FIRST_YEAR}–${NATIONAL_CALENDAR_LAST_YEAR}; asked ${firstYear}–${lastYear}`,
      'invalid',
    );
  }
  const extra = options.entries ?? [];
  const confirmedByAdmin = new Set(options.confirmedYears ?? []);
  const replacedYears = new Set<number>();
  for (const y of confirmedByAdmin) if (!(y in PUBLIC_SECTOR_LAYOUTS)) replacedYears.add(y);

  const byDate = new Map<string, CalendarEntry>();
  const confirmed: number[] = [];
  for (let year = firstYear; year <= lastYear; year++) {
    const builtIn = PUBLIC_SECTOR_LAYOUTS[year];
    if (builtIn || replacedYears.has(year)) confirmed.push(year);
    if (replacedYears.has(year)) continue;
    for (const entry of builtIn ?? statutoryHolidays(year)) byDate.set(entry.date, entry);
  }
  const overridden = new Map<string, CalendarEntry>();
  const daysOffPerReplacedYear = new Map<number, number>();
  for (const entry of extra) {
    toEpochDay(entry?.date, 'entries[].date');
    const previous = overridden.get(entry.date);
    if (previous && previous.kind !== entry.kind) {
      throw new CalendarError(
        'CALENDAR_INVALID_DATA',
        `${entry.date} is both a day off and a make-up working day`,
        'invalid',
      );
    }
    overridden.set(entry.date, entry);
    byDate.set(entry.date, entry);
    const year = Number(entry.date.slice(0, 4));
    if (entry.kind === 'day_off' && replacedYears.has(year)) {
      daysOffPerReplacedYear.set(year, (daysOffPerReplacedYear.get(year) ?? 0) + 1);
    }
  }
  for (const year of replacedYears) {
    if (year >= firstYear && year <= lastYear && !daysOffPerReplacedYear.get(year)) {
      throw new CalendarError(
        'CALENDAR_INVALID_DATA',
        `${year} is confirmed without any day off: a confirmed year's entries replace its computed layout`,
        'invalid',
      );
    }
  }
  return new WorkingCalendar({
    id: options.id ?? NATIONAL_CALENDAR_ID,
    firstYear,
    lastYear,
    weeklyWorkingDays: MONDAY_TO_FRIDAY,
    entries: [...byDate.values()],
    confirmedYears: confirmed,
  });
}
