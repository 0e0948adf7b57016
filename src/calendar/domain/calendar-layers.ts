/**
 * A unit's effective working calendar, composed from layers (docs/deadlines.md, "Calendars per unit";
 * ADR 0004):
 *
 *   national built-in data (2025–2026 confirmed layouts; the Labor Code layout, provisional, elsewhere)
 *   ← national overrides ← overrides of the root unit ← … ← overrides of the unit itself
 *
 * For each date the nearest layer that has an entry wins; for each year the nearest layer that says
 * anything about the year (a year statement) decides whether it is confirmed. Pure: the layers are
 * plain data read from the database by the caller.
 */
import {
  epochDayOrNaN,
  weekdayOfEpochDay,
  type IsoWeekday,
  type LocalDate,
} from '../../common/domain/local-date.js';
import { CalendarError } from './calendar-error.js';
import {
  NATIONAL_CALENDAR_FIRST_YEAR,
  NATIONAL_CALENDAR_ID,
  NATIONAL_CALENDAR_LAST_YEAR,
  PUBLIC_SECTOR_LAYOUTS,
  statutoryHolidays,
} from './national-calendar.js';
import {
  buildWorkingCalendar,
  MONDAY_TO_FRIDAY,
  type CalendarEntry,
  type CalendarTitle,
  type WorkingCalendar,
} from './working-calendar.js';

/** The scope key of the national calendar (a unit's scope key is its id). */
export const NATIONAL_SCOPE = 'national';
/** Source of an entry or a confirmation that comes from a built-in confirmed layout (2025, 2026). */
export const BUILT_IN_SOURCE = 'built-in';
/** Source of an entry of the provisional Labor Code layout (statutoryHolidays). */
export const COMPUTED_SOURCE = 'computed';

/** Name of the override that makes an inherited day off a working day (written by imports). */
export const WORKING_DAY_NAME = 'Ngày làm việc (working day)';
/** Name of the override that makes an inherited make-up day a rest day again (written by imports). */
export const REST_DAY_NAME = 'Ngày nghỉ hằng tuần (weekly rest day)';

/** A scope's statement about a year: confirmed (published layout) or explicitly provisional. */
export interface CalendarYearStatement {
  year: number;
  confirmed: boolean;
}

/** What one scope (the nation or a unit) says: its own entries and year statements. */
export interface CalendarLayer {
  /** `national` or a unit id. */
  scope: string;
  entries: readonly CalendarEntry[];
  years: readonly CalendarYearStatement[];
  /** The unit's Vietnamese name (absent for the national scope), to name the calendar to officers. */
  name?: string;
  /** The scope's revision (each change adds one), the calendar's edition when this scope owns it. */
  revision?: number;
}

export interface EffectiveEntry extends CalendarEntry {
  /** `built-in`, `computed`, or the scope of the override that decided this date. */
  source: string;
}

export interface YearConfirmation {
  confirmed: boolean;
  /** `built-in`, `computed` (provisional, nobody said anything), or the scope that decided. */
  source: string;
}

export interface CalendarLayout {
  /** The effective entries by date (one per date). */
  entries: ReadonlyMap<LocalDate, EffectiveEntry>;
  /** Every year of the range. */
  confirmation: ReadonlyMap<number, YearConfirmation>;
}

export interface ComposedCalendar extends CalendarLayout {
  calendar: WorkingCalendar;
}

let base: CalendarLayout | undefined;

/** The national built-in layout of every year of the range, built once. */
export function baseLayout(): CalendarLayout {
  if (base) return base;
  const entries = new Map<LocalDate, EffectiveEntry>();
  const confirmation = new Map<number, YearConfirmation>();
  for (let year = NATIONAL_CALENDAR_FIRST_YEAR; year <= NATIONAL_CALENDAR_LAST_YEAR; year++) {
    const builtIn = PUBLIC_SECTOR_LAYOUTS[year];
    const source = builtIn ? BUILT_IN_SOURCE : COMPUTED_SOURCE;
    confirmation.set(year, { confirmed: builtIn !== undefined, source });
    for (const entry of builtIn ?? statutoryHolidays(year)) {
      const previous = entries.get(entry.date);
      // Two holidays on one date (Giỗ Tổ on 30 April, say): one day off, both names.
      entries.set(
        entry.date,
        previous
          ? { ...previous, name: `${previous.name}; ${entry.name}` }
          : { date: entry.date, kind: entry.kind, name: entry.name, source },
      );
    }
  }
  base = { entries, confirmation };
  return base;
}

/** Lays the layers (farthest first: national, then the root unit … the unit) over the base layout. */
export function composeLayout(layers: readonly CalendarLayer[]): CalendarLayout {
  const b = baseLayout();
  const entries = new Map(b.entries);
  const confirmation = new Map(b.confirmation);
  for (const layer of layers) {
    for (const e of layer.entries) {
      entries.set(e.date, { date: e.date, kind: e.kind, name: e.name, source: layer.scope });
    }
    for (const y of layer.years) {
      if (confirmation.has(y.year)) confirmation.set(y.year, { confirmed: y.confirmed, source: layer.scope });
    }
  }
  return { entries, confirmation };
}

/**
 * The calendar id: `vn-public-sector` while no unit in the chain has data of its own, otherwise
 * `unit-<id of the nearest unit that has>` — units whose calendars cannot differ share one id.
 */
export function calendarIdFor(layers: readonly CalendarLayer[]): string {
  const owner = ownerOf(layers);
  return owner ? `unit-${owner.scope}` : NATIONAL_CALENDAR_ID;
}

/** The nearest unit layer with data of its own (the calendar's owner), if any. */
function ownerOf(layers: readonly CalendarLayer[]): CalendarLayer | undefined {
  for (let i = layers.length - 1; i >= 0; i--) {
    const layer = layers[i];
    if (layer.scope !== NATIONAL_SCOPE && (layer.entries.length > 0 || layer.years.length > 0)) {
      return layer;
    }
  }
  return undefined;
}

/** How officers know the calendar of a chain: its owner unit's name (none: national) and edition. */
export function calendarTitleFor(layers: readonly CalendarLayer[]): CalendarTitle {
  const owner = ownerOf(layers);
  if (owner) return { ...(owner.name ? { owner: owner.name } : {}), edition: owner.revision ?? 0 };
  return { edition: layers.find((l) => l.scope === NATIONAL_SCOPE)?.revision ?? 0 };
}

/** Builds the working calendar of a layout (Monday–Friday, 2020–2060). @throws `CALENDAR_INVALID_DATA` */
export function buildComposed(id: string, layout: CalendarLayout, title?: CalendarTitle): ComposedCalendar {
  const confirmedYears: number[] = [];
  for (const [year, c] of layout.confirmation) if (c.confirmed) confirmedYears.push(year);
  const calendar = buildWorkingCalendar({
    id,
    firstYear: NATIONAL_CALENDAR_FIRST_YEAR,
    lastYear: NATIONAL_CALENDAR_LAST_YEAR,
    weeklyWorkingDays: MONDAY_TO_FRIDAY,
    entries: [...layout.entries.values()],
    confirmedYears,
    ...(title ? { title } : {}),
  });
  return { ...layout, calendar };
}

/** The effective calendar of a chain of layers (farthest first). */
export function composeCalendar(layers: readonly CalendarLayer[]): ComposedCalendar {
  return buildComposed(calendarIdFor(layers), composeLayout(layers), calendarTitleFor(layers));
}

function patternWorking(date: LocalDate, weekly: ReadonlySet<IsoWeekday>): boolean {
  return weekly.has(weekdayOfEpochDay(epochDayOrNaN(date)));
}

/**
 * Whether an entry belongs in a description of the layout (an export): everything except a make-up
 * day on a day that is worked anyway, which says nothing about the layout (it only cancels an
 * inherited day off, and the date simply reads as a working day).
 */
export function describesLayout(
  entry: CalendarEntry,
  weeklyWorkingDays: readonly IsoWeekday[] = MONDAY_TO_FRIDAY,
): boolean {
  return !(entry.kind === 'make_up_working_day' && patternWorking(entry.date, new Set(weeklyWorkingDays)));
}

/**
 * The overrides a scope needs so that its effective layout of `year` is exactly `wanted` (the rows of
 * an imported file), given the layout it inherits from the scopes above it:
 * - a wanted entry that the inherited layout already has (same kind and name) needs no override;
 * - a wanted make-up day on a pattern working day matters only against an inherited day off;
 * - an inherited day off on a pattern working day that is not wanted becomes a working day (a
 *   `make_up_working_day` override named {@link WORKING_DAY_NAME});
 * - an inherited make-up day on a rest day that is not wanted becomes a rest day again (a `day_off`
 *   override named {@link REST_DAY_NAME});
 * - an inherited holiday named on a rest day changes no day's status and is left alone.
 * @throws `CALENDAR_INVALID_DATA` when a wanted entry lies outside `year` or two share a date
 */
export function overridesForLayout(
  year: number,
  inherited: ReadonlyMap<LocalDate, CalendarEntry>,
  wanted: readonly CalendarEntry[],
  weeklyWorkingDays: readonly IsoWeekday[] = MONDAY_TO_FRIDAY,
): CalendarEntry[] {
  const weekly = new Set(weeklyWorkingDays);
  const prefix = `${String(year).padStart(4, '0')}-`;
  const out = new Map<LocalDate, CalendarEntry>();
  const wantedDates = new Set<LocalDate>();
  for (const w of wanted) {
    if (Number.isNaN(epochDayOrNaN(w.date)) || !w.date.startsWith(prefix)) {
      throw new CalendarError(
        'CALENDAR_INVALID_DATA',
        `${String(w.date)} is not a date of ${year}`,
        'invalid',
      );
    }
    if (wantedDates.has(w.date)) {
      throw new CalendarError('CALENDAR_INVALID_DATA', `${w.date} is listed twice`, 'invalid');
    }
    wantedDates.add(w.date);
    const inh = inherited.get(w.date);
    if (inh && inh.kind === w.kind && inh.name === w.name) continue;
    if (w.kind === 'make_up_working_day' && patternWorking(w.date, weekly) && inh?.kind !== 'day_off')
      continue;
    out.set(w.date, { date: w.date, kind: w.kind, name: w.name });
  }
  for (const [date, inh] of inherited) {
    if (!date.startsWith(prefix) || wantedDates.has(date)) continue;
    const working = patternWorking(date, weekly);
    if (inh.kind === 'day_off' && working) {
      out.set(date, { date, kind: 'make_up_working_day', name: WORKING_DAY_NAME });
    } else if (inh.kind === 'make_up_working_day' && !working) {
      out.set(date, { date, kind: 'day_off', name: REST_DAY_NAME });
    }
  }
  return [...out.values()].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}
