import type { DomainErrorDetail } from '../common/domain/domain-error.js';
import { CalendarError } from './domain/calendar-error.js';
import { NATIONAL_CALENDAR_FIRST_YEAR, NATIONAL_CALENDAR_LAST_YEAR } from './domain/national-calendar.js';

/** One problem of an imported file: the row (CSV line or VEVENT number, from 1), the column, what is wrong. */
export interface CalendarFileProblem {
  row: number;
  column: string;
  message: string;
}

/** Calendar administration errors (codes are stable; docs/deadlines.md lists them). */
export const CalendarErrors = {
  yearOutOfRange: (year: number | string) =>
    new CalendarError(
      'CALENDAR_OUT_OF_RANGE',
      `year: ${String(year)} is outside the calendar (${NATIONAL_CALENDAR_FIRST_YEAR} … ${NATIONAL_CALENDAR_LAST_YEAR})`,
      'unprocessable',
      [
        {
          field: 'year',
          message: `outside ${NATIONAL_CALENDAR_FIRST_YEAR} … ${NATIONAL_CALENDAR_LAST_YEAR}`,
        },
      ],
    ),
  dateOutOfRange: (date: string) =>
    new CalendarError(
      'CALENDAR_OUT_OF_RANGE',
      `date: ${date} is outside the calendar (${NATIONAL_CALENDAR_FIRST_YEAR}-01-01 … ${NATIONAL_CALENDAR_LAST_YEAR}-12-31)`,
      'unprocessable',
      [
        {
          field: 'date',
          message: `outside ${NATIONAL_CALENDAR_FIRST_YEAR}-01-01 … ${NATIONAL_CALENDAR_LAST_YEAR}-12-31`,
        },
      ],
    ),
  entryNotFound: (date: string) =>
    new CalendarError(
      'CALENDAR_ENTRY_NOT_FOUND',
      `This calendar sets nothing on ${date} (an inherited day is changed by setting an entry, not removing one).`,
      'not_found',
    ),
  yearNotSet: (year: number) =>
    new CalendarError('CALENDAR_YEAR_NOT_SET', `This calendar says nothing about ${year}.`, 'not_found'),
  nameInvalid: (message: string, field = 'name') =>
    new CalendarError('CALENDAR_ENTRY_NAME_INVALID', `${field}: ${message}`, 'invalid', [{ field, message }]),
  nationalNotAllowed: () =>
    new CalendarError(
      'CALENDAR_NATIONAL_FORBIDDEN',
      'Only an administrator of every unit may change the national calendar.',
      'forbidden',
    ),
  importInvalid: (problems: CalendarFileProblem[]) => {
    const shown = problems.slice(0, 200);
    const details: DomainErrorDetail[] = shown.map((p) => ({
      field: `rows[${p.row}].${p.column}`,
      message: p.message,
    }));
    return new CalendarError(
      'CALENDAR_IMPORT_INVALID',
      `The file has ${problems.length} problem${problems.length === 1 ? '' : 's'}; nothing was imported.`,
      'invalid',
      details,
      { errors: shown, errorCount: problems.length },
    );
  },
};

/** OWASP CSV injection: a cell starting with one of these may run as a formula in a spreadsheet. */
const FORMULA_START = /^[=+\-@\t\r]/;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;

/** What is wrong with an entry name, or undefined (1–255 characters, no control characters, no formula). */
export function entryNameProblem(name: unknown): string | undefined {
  if (typeof name !== 'string' || name.trim().length === 0) return 'is required';
  if (name.length > 255) return 'must be at most 255 characters';
  if (CONTROL.test(name)) return 'must not contain control characters (line breaks, tabs)';
  if (FORMULA_START.test(name.trim()))
    return 'must not start with =, +, -, or @ (it would be a formula in a spreadsheet)';
  return undefined;
}
