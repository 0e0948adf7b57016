/**
 * The head's duty to receive citizens in person (legal-reference §3.1, TCD-7), by unit kind and date:
 *
 * | unit kind  | until 30 Jun 2026                    | from 1 Jul 2026                              |
 * |------------|--------------------------------------|----------------------------------------------|
 * | province   | ≥ 1 day a month (LTCD art. 12(5))    | the same (a change by Law 136/2025 is UNCONFIRMED) |
 * | commune    | ≥ 1 day a week (LTCD art. 15(2)(d))  | ≥ 2 days a month (Law 136/2025/QH15)          |
 * | agency     | ≥ 1 day a month (LTCD art. 18(2))    | the same                                     |
 *
 * A month is checked on the head's periodic sessions that are not cancelled (a postponed session counts
 * on its new date), counting distinct days. The weekly rule checks ISO weeks (Monday–Sunday); each week
 * belongs to the month that holds its Thursday (ISO 8601), so a week is judged once even when it spans two
 * months, and sessions on its days in the neighbouring month count. A week without a single working day
 * (Tết) cannot be met and is exempt. The rule in force on the first day of the month applies; since the
 * 2026 change falls on the 1st of a month, no month mixes the two rules.
 */
import {
  addDays,
  toEpochDay,
  weekdayOfEpochDay,
  fromEpochDay,
  type LocalDate,
} from '../../common/domain/local-date.js';
import type { WorkingCalendar } from '../../calendar/domain/working-calendar.js';
import type { UnitKind } from '../../units/domain/unit-kind.js';
import { monthRange, type YearMonth } from './month.js';

export interface HeadDutyRule {
  id: string;
  unitKind: UnitKind;
  /** At least `minDays` distinct days per `per`. */
  per: 'week' | 'month';
  minDays: number;
  /** First month the rule applies to (`null`: since before the system's records). */
  effectiveFrom: LocalDate | null;
  /** First day it no longer applies (`null`: still in force). */
  effectiveUntil: LocalDate | null;
  legalBasis: string;
  description: { vi: string; en: string };
  unconfirmed?: string;
}

const REFORM_2026: LocalDate = '2026-07-01';

export const HEAD_DUTY_RULES: readonly HeadDutyRule[] = [
  {
    id: 'province-monthly',
    unitKind: 'province',
    per: 'month',
    minDays: 1, // "ít nhất 01 ngày trong 01 tháng" — LTCD art. 12(5)
    effectiveFrom: null,
    effectiveUntil: null,
    legalBasis: 'LTCD 42/2013/QH13 art. 12(5)',
    description: {
      vi: 'Chủ tịch UBND cấp tỉnh tiếp công dân ít nhất 01 ngày trong 01 tháng',
      en: "The provincial People's Committee chairman receives citizens at least 1 day a month",
    },
    unconfirmed: 'Whether Law 136/2025/QH15 changed the frequency is UNCONFIRMED (legal-reference §3.1).',
  },
  {
    id: 'commune-weekly',
    unitKind: 'commune',
    per: 'week',
    minDays: 1, // "ít nhất 01 ngày trong 01 tuần" — LTCD art. 15(2)(d)
    effectiveFrom: null,
    effectiveUntil: REFORM_2026,
    legalBasis: 'LTCD 42/2013/QH13 art. 15(2)(d)',
    description: {
      vi: 'Chủ tịch UBND cấp xã tiếp công dân ít nhất 01 ngày trong 01 tuần',
      en: "The commune People's Committee chairman receives citizens at least 1 day a week",
    },
  },
  {
    id: 'commune-twice-monthly',
    unitKind: 'commune',
    per: 'month',
    minDays: 2, // "ít nhất 02 ngày trong 01 tháng" — Law 136/2025/QH15, from 1 Jul 2026
    effectiveFrom: REFORM_2026,
    effectiveUntil: null,
    legalBasis: 'LTCD 42/2013/QH13 art. 15, as amended by Law 136/2025/QH15',
    description: {
      vi: 'Chủ tịch UBND cấp xã tiếp công dân ít nhất 02 ngày trong 01 tháng (từ 01/7/2026)',
      en: "The commune People's Committee chairman receives citizens at least 2 days a month (from 1 Jul 2026)",
    },
  },
  {
    id: 'agency-monthly',
    unitKind: 'agency',
    per: 'month',
    minDays: 1, // "ít nhất 01 ngày trong 01 tháng" — LTCD art. 18(2)
    effectiveFrom: null,
    effectiveUntil: null,
    legalBasis: 'LTCD 42/2013/QH13 art. 18(2)',
    description: {
      vi: 'Thủ trưởng cơ quan hành chính nhà nước tiếp công dân ít nhất 01 ngày trong 01 tháng',
      en: 'The head of a state administrative agency receives citizens at least 1 day a month',
    },
  },
];

/** The rule for a unit kind in a month, or null when the kind's head has no duty of its own. */
export function headDutyRuleFor(kind: UnitKind, month: YearMonth): HeadDutyRule | null {
  const first = monthRange(month).first;
  return (
    HEAD_DUTY_RULES.find(
      (r) =>
        r.unitKind === kind &&
        (r.effectiveFrom === null || first >= r.effectiveFrom) &&
        (r.effectiveUntil === null || first < r.effectiveUntil),
    ) ?? null
  );
}

export interface DutyPeriod {
  /** The month itself, or one ISO week (Monday to Sunday). */
  from: LocalDate;
  to: LocalDate;
  required: number;
  held: number;
  /** A week without a working day (Tết): nothing is required. */
  exempt: boolean;
  met: boolean;
}

export interface HeadDutyCompliance {
  month: YearMonth;
  unitKind: UnitKind;
  /** null: this kind of unit has no head's duty of its own (its agency's head receives). */
  rule: HeadDutyRule | null;
  /** Distinct reception days of the head counted for the month (or its weeks). */
  receptionDays: LocalDate[];
  periods: DutyPeriod[];
  /** null when there is no rule. */
  compliant: boolean | null;
}

/**
 * The dates a caller must load to judge `month`: the month itself, widened to whole ISO weeks under a
 * weekly rule.
 */
export function dutyWindow(kind: UnitKind, month: YearMonth): { from: LocalDate; to: LocalDate } {
  const { first, last } = monthRange(month);
  if (headDutyRuleFor(kind, month)?.per !== 'week') return { from: first, to: last };
  const weeks = isoWeeksOf(month);
  return {
    from: weeks[0]?.monday ?? first,
    to: weeks.length ? addDays(weeks[weeks.length - 1].monday, 6) : last,
  };
}

/** ISO weeks whose Thursday lies in the month. */
function isoWeeksOf(month: YearMonth): { monday: LocalDate }[] {
  const { first, last } = monthRange(month);
  const out: { monday: LocalDate }[] = [];
  const start = toEpochDay(first);
  const end = toEpochDay(last);
  // The first Thursday on or after the 1st.
  let thursday = start + ((4 - weekdayOfEpochDay(start) + 7) % 7);
  for (; thursday <= end; thursday += 7) out.push({ monday: fromEpochDay(thursday - 3) });
  return out;
}

/**
 * Whether the head's reception days meet the duty of `month`.
 * @param receptionDates days of the head's periodic sessions that take place (not cancelled), in any
 *   order, repeated or not; dates outside the window are ignored
 */
export function headDutyCompliance(input: {
  unitKind: UnitKind;
  month: YearMonth;
  receptionDates: readonly LocalDate[];
  calendar: WorkingCalendar;
}): HeadDutyCompliance {
  const { unitKind, month, calendar } = input;
  const rule = headDutyRuleFor(unitKind, month);
  const window = dutyWindow(unitKind, month);
  const days = [...new Set(input.receptionDates)].filter((d) => d >= window.from && d <= window.to).sort();
  if (rule === null) {
    return { month, unitKind, rule, receptionDays: days, periods: [], compliant: null };
  }
  const periods: DutyPeriod[] = [];
  if (rule.per === 'month') {
    const { first, last } = monthRange(month);
    const held = days.filter((d) => d >= first && d <= last).length;
    periods.push({
      from: first,
      to: last,
      required: rule.minDays,
      held,
      exempt: false,
      met: held >= rule.minDays,
    });
  } else {
    const index = calendar.index();
    for (const { monday } of isoWeeksOf(month)) {
      const sunday = addDays(monday, 6);
      const from = calendar.offsetOf(toEpochDay(monday), 'month');
      const exempt = index.countBetween(from, from + 6) === 0;
      const held = days.filter((d) => d >= monday && d <= sunday).length;
      const required = exempt ? 0 : rule.minDays;
      periods.push({ from: monday, to: sunday, required, held, exempt, met: held >= required });
    }
  }
  return {
    month,
    unitKind,
    rule,
    receptionDays: days,
    periods,
    compliant: periods.every((p) => p.met),
  };
}
