/**
 * Whether a calendar is ready for the coming year: the Prime Minister fixes each year's Tết days and
 * swaps (Labor Code 45/2019/QH14 art. 112(3)), so a computed year stays provisional until an
 * administrator confirms it (deadline-policy.md, "Public-sector calendar data"). The system warns from
 * {@link READINESS_WINDOW_DAYS} days before next year starts while it is unconfirmed, and at once when
 * the current year is unconfirmed.
 *
 * Pure: "today" is an argument (the caller takes it from the clock in Asia/Ho_Chi_Minh).
 */
import { daysFromCivil, toEpochDay, type LocalDate } from '../../common/domain/local-date.js';

/** Days before 1 January from which an unconfirmed next year is warned about. */
export const READINESS_WINDOW_DAYS = 60;

export type ReadinessWarningCode = 'CALENDAR_CURRENT_YEAR_PROVISIONAL' | 'CALENDAR_NEXT_YEAR_PROVISIONAL';

export interface ReadinessWarning {
  code: ReadinessWarningCode;
  year: number;
  /** Days from today to 1 January of `year` (0 or negative once it has started). */
  daysUntilStart: number;
  message: { vi: string; en: string };
}

export interface CalendarReadiness {
  today: LocalDate;
  windowDays: number;
  currentYear: number;
  currentYearConfirmed: boolean;
  nextYear: number;
  nextYearConfirmed: boolean;
  daysUntilNextYear: number;
  /** Empty when the calendar is ready. */
  warnings: ReadinessWarning[];
}

/**
 * @param today          `'YYYY-MM-DD'` in the deployment's time zone
 * @param confirmedYears the years the (effective) calendar has confirmed
 * @param windowDays     warn while next year is at most this many days away (default 60)
 * @throws `DATE_INVALID`
 */
export function calendarReadiness(
  today: LocalDate,
  confirmedYears: readonly number[],
  windowDays: number = READINESS_WINDOW_DAYS,
): CalendarReadiness {
  const day = toEpochDay(today, 'today');
  const currentYear = Number(today.slice(0, 4));
  const nextYear = currentYear + 1;
  const confirmed = new Set(confirmedYears);
  const daysUntilNextYear = daysFromCivil(nextYear, 1, 1) - day;
  const warnings: ReadinessWarning[] = [];
  if (!confirmed.has(currentYear)) {
    warnings.push({
      code: 'CALENDAR_CURRENT_YEAR_PROVISIONAL',
      year: currentYear,
      daysUntilStart: daysFromCivil(currentYear, 1, 1) - day,
      message: {
        vi: `Lịch làm việc năm ${currentYear} chưa được xác nhận: các thời hạn tính theo ngày làm việc là tạm tính.`,
        en: `The ${currentYear} working calendar is not confirmed: working-day deadlines are provisional.`,
      },
    });
  }
  if (!confirmed.has(nextYear) && daysUntilNextYear <= windowDays) {
    warnings.push({
      code: 'CALENDAR_NEXT_YEAR_PROVISIONAL',
      year: nextYear,
      daysUntilStart: daysUntilNextYear,
      message: {
        vi: `Lịch làm việc năm ${nextYear} chưa được xác nhận, còn ${daysUntilNextYear} ngày nữa là sang năm mới: hãy nhập lịch nghỉ lễ, Tết do Thủ tướng quyết định và xác nhận năm.`,
        en: `The ${nextYear} working calendar is not confirmed and the year starts in ${daysUntilNextYear} days: enter the holidays the Prime Minister fixed and confirm the year.`,
      },
    });
  }
  return {
    today,
    windowDays,
    currentYear,
    currentYearConfirmed: confirmed.has(currentYear),
    nextYear,
    nextYearConfirmed: confirmed.has(nextYear),
    daysUntilNextYear,
    warnings,
  };
}
