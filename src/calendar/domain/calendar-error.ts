import { DomainError } from '../../common/domain/domain-error.js';

/**
 * Errors of the working-day calendar. Codes:
 * - `CALENDAR_OUT_OF_RANGE` (unprocessable): a date outside the calendar's supported years;
 * - `CALENDAR_INVALID_DATA` (invalid): the data a calendar is built from is inconsistent.
 */
export class CalendarError extends DomainError {}
