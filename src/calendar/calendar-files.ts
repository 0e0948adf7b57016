/**
 * A year of a calendar as a file: CSV (`date,kind,name`) or iCalendar (one all-day VEVENT per entry,
 * the kind in CATEGORIES). Parsing checks every row and reports every problem with its row and column;
 * it never throws on bad content.
 */
import { parse as parseCsv } from 'csv-parse/sync';
import { stringify as stringifyCsv } from 'csv-stringify/sync';
import ical from 'ical-generator';
import nodeIcal from 'node-ical';
import { entryNameProblem, type CalendarFileProblem } from './calendar.errors.js';
import type { CalendarEntry, CalendarEntryKind } from './domain/working-calendar.js';
import { addDays, daysBetween, isLocalDate, type LocalDate } from '../common/domain/local-date.js';

export const CALENDAR_FILE_FORMATS = ['csv', 'ics'] as const;
export type CalendarFileFormat = (typeof CALENDAR_FILE_FORMATS)[number];

export const CSV_HEADER = ['date', 'kind', 'name'] as const;
const KINDS: readonly CalendarEntryKind[] = ['day_off', 'make_up_working_day'];
/** More rows than days in a year cannot be one year's layout. */
export const CALENDAR_FILE_MAX_ROWS = 1000;

export const CONTENT_TYPES: Record<CalendarFileFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  ics: 'text/calendar; charset=utf-8',
};

export interface ParsedCalendarFile {
  /** Valid rows (meaningful only when `problems` is empty). */
  entries: CalendarEntry[];
  problems: CalendarFileProblem[];
  /** Data rows read (CSV lines after the header, or VEVENTs). */
  rows: number;
}

/** Collects rows, checking each field and duplicates. */
class RowChecker {
  readonly entries: CalendarEntry[] = [];
  readonly problems: CalendarFileProblem[] = [];
  private readonly rowOfDate = new Map<LocalDate, number>();

  constructor(private readonly year: number) {}

  problem(row: number, column: string, message: string): void {
    this.problems.push({ row, column, message });
  }

  /** Checks one row's fields; adds the entry when all are valid. */
  add(
    row: number,
    columns: { date: string; kind: string; name: string },
    raw: { date: unknown; kind: unknown; name: unknown },
  ): void {
    let ok = true;
    if (!isLocalDate(raw.date)) {
      this.problem(
        row,
        columns.date,
        `'${String(raw.date).slice(0, 40)}' is not a valid date (expected YYYY-MM-DD)`,
      );
      ok = false;
    } else if (!(raw.date as string).startsWith(`${this.year}-`)) {
      this.problem(row, columns.date, `${String(raw.date)} is not in ${this.year}`);
      ok = false;
    } else {
      const first = this.rowOfDate.get(raw.date as string);
      if (first !== undefined) {
        this.problem(row, columns.date, `${String(raw.date)} is already listed on row ${first}`);
        ok = false;
      } else this.rowOfDate.set(raw.date as string, row);
    }
    if (!KINDS.includes(raw.kind as CalendarEntryKind)) {
      this.problem(row, columns.kind, `must be day_off or make_up_working_day`);
      ok = false;
    }
    const nameProblem = entryNameProblem(raw.name);
    if (nameProblem) {
      this.problem(row, columns.name, nameProblem);
      ok = false;
    }
    if (ok) {
      this.entries.push({
        date: raw.date as string,
        kind: raw.kind as CalendarEntryKind,
        name: (raw.name as string).trim(),
      });
    }
  }
}

/** Parses one year's file. Row numbers: CSV line numbers (the header is line 1); VEVENT ordinals. */
export function parseCalendarFile(
  format: CalendarFileFormat,
  content: string,
  year: number,
): ParsedCalendarFile {
  return format === 'csv' ? parseCalendarCsv(content, year) : parseCalendarIcs(content, year);
}

export function parseCalendarCsv(content: string, year: number): ParsedCalendarFile {
  const checker = new RowChecker(year);
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parseCsv(content, {
      bom: true,
      info: true,
      trim: true,
      skip_empty_lines: true,
      relax_column_count: true,
      record_delimiter: ['\r\n', '\n', '\r'],
      max_record_size: 4096,
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (error) {
    const e = error as { lines?: number; message?: string };
    return {
      entries: [],
      rows: 0,
      problems: [{ row: e.lines ?? 1, column: '*', message: `not valid CSV: ${e.message ?? 'unreadable'}` }],
    };
  }
  const [header, ...rows] = records;
  if (!header || header.record.map((c) => c.toLowerCase()).join(',') !== CSV_HEADER.join(',')) {
    checker.problem(header?.info.lines ?? 1, 'header', `the first line must be ${CSV_HEADER.join(',')}`);
    return { entries: [], rows: rows.length, problems: checker.problems };
  }
  if (rows.length > CALENDAR_FILE_MAX_ROWS) {
    checker.problem(rows[CALENDAR_FILE_MAX_ROWS].info.lines, '*', `more than ${CALENDAR_FILE_MAX_ROWS} rows`);
    return { entries: [], rows: rows.length, problems: checker.problems };
  }
  for (const { record, info } of rows) {
    if (record.length !== 3) {
      checker.problem(info.lines, '*', `expected 3 columns (date,kind,name), found ${record.length}`);
      continue;
    }
    const [date, kind, name] = record;
    checker.add(info.lines, { date: 'date', kind: 'kind', name: 'name' }, { date, kind, name });
  }
  return { entries: checker.entries, problems: checker.problems, rows: rows.length };
}

interface IcsDate extends Date {
  dateOnly?: boolean;
}

/** node-ical makes an all-day date local midnight of this process: read it back with local getters. */
function localKey(d: IcsDate): LocalDate {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${String(d.getFullYear()).padStart(4, '0')}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

function textOf(value: unknown): unknown {
  if (value && typeof value === 'object' && 'val' in value) return (value as { val: unknown }).val;
  return value;
}

export function parseCalendarIcs(content: string, year: number): ParsedCalendarFile {
  const checker = new RowChecker(year);
  if (!/^\s*BEGIN:VCALENDAR/i.test(content)) {
    return {
      entries: [],
      rows: 0,
      problems: [
        { row: 1, column: '*', message: 'not an iCalendar file (it must begin with BEGIN:VCALENDAR)' },
      ],
    };
  }
  let components: Record<string, unknown>;
  try {
    components = nodeIcal.sync.parseICS(content) as Record<string, unknown>;
  } catch (error) {
    return {
      entries: [],
      rows: 0,
      problems: [{ row: 1, column: '*', message: `not a valid iCalendar file: ${(error as Error).message}` }],
    };
  }
  const events = Object.values(components).filter(
    (c): c is Record<string, unknown> =>
      typeof c === 'object' && c !== null && (c as { type?: unknown }).type === 'VEVENT',
  );
  // node-ical keys events by UID: two events with one UID (or a RECURRENCE-ID override) would merge
  // silently, and a lost holiday would become a working day. Count what the file really holds.
  const declared = (content.match(/^BEGIN:VEVENT\r?$/gim) ?? []).length;
  if (declared !== events.length || /^RECURRENCE-ID/im.test(content)) {
    checker.problem(
      1,
      'UID',
      declared !== events.length
        ? `${declared - events.length} event(s) share a UID with another; give each day its own UID`
        : 'RECURRENCE-ID is not supported: list each day as its own event',
    );
    return { entries: [], rows: declared, problems: checker.problems };
  }
  if (events.length > CALENDAR_FILE_MAX_ROWS) {
    checker.problem(CALENDAR_FILE_MAX_ROWS + 1, '*', `more than ${CALENDAR_FILE_MAX_ROWS} events`);
    return { entries: [], rows: events.length, problems: checker.problems };
  }
  events.forEach((event, index) => {
    const row = index + 1;
    if (event.rrule) {
      checker.problem(row, 'RRULE', 'recurring events are not accepted: list each day');
      return;
    }
    const start = event.start as IcsDate | undefined;
    if (!(start instanceof Date) || Number.isNaN(start.getTime()) || start.dateOnly !== true) {
      checker.problem(row, 'DTSTART', 'must be an all-day date (DTSTART;VALUE=DATE:YYYYMMDD)');
      return;
    }
    const first = localKey(start);
    const end = event.end as IcsDate | undefined;
    let days = 1;
    if (end instanceof Date && end.dateOnly === true) {
      days = daysBetween(first, localKey(end)); // DTEND is exclusive
      if (days < 1 || days > 366) {
        checker.problem(row, 'DTEND', 'must be 1 to 366 days after DTSTART');
        return;
      }
    } else if (end !== undefined && !(end instanceof Date && end.getTime() === start.getTime())) {
      checker.problem(row, 'DTEND', 'must be an all-day date (DTEND;VALUE=DATE:YYYYMMDD)');
      return;
    }
    const categories = (Array.isArray(event.categories) ? event.categories : []).map((c) =>
      String(c).trim().toLowerCase(),
    );
    const kinds = [...new Set(categories.filter((c) => KINDS.includes(c as CalendarEntryKind)))];
    if (kinds.length > 1) {
      checker.problem(row, 'CATEGORIES', 'names both day_off and make_up_working_day');
      return;
    }
    // A holiday calendar from elsewhere has no kind: its events are days off.
    const kind = kinds[0] ?? 'day_off';
    const name = textOf(event.summary);
    for (let i = 0; i < days; i++) {
      checker.add(
        row,
        { date: 'DTSTART', kind: 'CATEGORIES', name: 'SUMMARY' },
        { date: addDays(first, i), kind, name },
      );
    }
  });
  return { entries: checker.entries, problems: checker.problems, rows: events.length };
}

/** CSV of entries: the header `date,kind,name`, one row each, `\n` line ends, UTF-8. */
export function calendarCsv(entries: readonly CalendarEntry[]): string {
  return stringifyCsv([[...CSV_HEADER], ...entries.map((e) => [e.date, e.kind, e.name])], {
    record_delimiter: '\n',
  });
}

/**
 * iCalendar of entries: one all-day VEVENT each, UID `<date>-<kind>@<scope>.calendar.tiepdan` (stable
 * across exports), SUMMARY the name, CATEGORIES the kind.
 */
export function calendarIcs(
  entries: readonly CalendarEntry[],
  options: { scopeKey: string; title: string; stamp: Date },
): string {
  const calendar = ical({
    name: options.title,
    prodId: { company: 'tiepdan', product: 'working-calendar', language: 'VI' },
  });
  for (const e of entries) {
    const [y, m, d] = e.date.split('-').map(Number);
    calendar.createEvent({
      id: `${e.date}-${e.kind}@${options.scopeKey}.calendar.tiepdan`,
      // No calendar time zone: an all-day date is written from the UTC fields (DTSTART;VALUE=DATE).
      start: new Date(Date.UTC(y, m - 1, d)),
      allDay: true,
      summary: e.name,
      categories: [{ name: e.kind }],
      stamp: options.stamp,
    });
  }
  return calendar.toString();
}
