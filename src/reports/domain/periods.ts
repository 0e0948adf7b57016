/**
 * Report periods, their data windows (cut-off rules) and their submission deadlines. Pure: dates are
 * `'YYYY-MM-DD'` strings, windows are inclusive on both ends.
 *
 * A periodic report covers a set of calendar months (month i; quarter q = months 3q−2…3q; six months =
 * 1–6; nine months = 1–9; year = 1–12), but its *data window* need not be those calendar months: under
 * the default rule of NĐ 09/2019/NĐ-CP on reporting regimes (as quoted from memory in
 * `shared/docs/legal-reference.md` §9 — UNCONFIRMED for TT 06/2025/TT-TTCP) the window starts on the 15th
 * of the month before the first month and ends on the 14th of the last month:
 *
 * | kind          | NĐ 09/2019 window (year Y)            | calendar window        |
 * | ------------- | ------------------------------------- | ---------------------- |
 * | month m       | 15/(m−1) – 14/m (m = 1: 15/12 of Y−1) | 1/m – last day of m    |
 * | quarter q     | 15/(3q−3) – 14/3q (q = 1: 15/12 Y−1)  | 1/(3q−2) – end of 3q   |
 * | six months    | 15/12 Y−1 – 14/06 Y                   | 01/01 – 30/06          |
 * | nine months   | 15/12 Y−1 – 14/09 Y                   | 01/01 – 30/09          |
 * | year          | 15/12 Y−1 – 14/12 Y                   | 01/01 – 31/12          |
 *
 * §9 states the quarter, six-month and annual windows; the month and nine-month windows are the same
 * rule extended (our reading). Both rules are instances of {@link CutoffRule}: a window runs from day
 * `startDay` of the first month shifted by `monthOffset`, to the day before day `startDay` of the month
 * after the last month, shifted the same way. That also expresses the National Assembly cycle
 * (1 Aug – 31 Jul, {@link NATIONAL_ASSEMBLY_CUTOFF}) and any unit-configured rule.
 */
import {
  addDays,
  compareLocalDates,
  daysFromCivil,
  daysInMonth,
  fromEpochDay,
  toEpochDay,
  yearOf,
  type LocalDate,
} from '../../common/domain/local-date.js';
import { reportInvalid } from './report-error.js';

export const PERIOD_KINDS = ['month', 'quarter', 'six_months', 'nine_months', 'year'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

/** How many periods of a kind a year has (month 12, quarter 4, the others 1 — their index is `null`). */
export function periodCount(kind: PeriodKind): number {
  return kind === 'month' ? 12 : kind === 'quarter' ? 4 : 1;
}

/** A data cut-off rule (see the module comment). */
export interface CutoffRule {
  /** Stable identifier, stored with a generated report so it can be reproduced. */
  id: string;
  /** First day of a window within its month, 1–28 (1 = calendar months). */
  startDay: number;
  /** Months the window is shifted back, −11…0 (NĐ 09/2019: −1, the window starts in the previous month). */
  monthOffset: number;
  /** The rule is not verified in an official text. */
  unconfirmed?: boolean;
  note?: string;
}

/** NĐ 09/2019/NĐ-CP default (legal-reference §9, quoted from memory; TT 06/2025 windows UNCONFIRMED). */
export const ND09_CUTOFF: CutoffRule = {
  id: 'nd09-2019',
  startDay: 15,
  monthOffset: -1,
  unconfirmed: true,
  note: 'NĐ 09/2019/NĐ-CP default as quoted in legal-reference §9; TT 06/2025/TT-TTCP not verified',
};

/** Plain calendar periods (1 Jan – 31 Mar, …). */
export const CALENDAR_CUTOFF: CutoffRule = { id: 'calendar', startDay: 1, monthOffset: 0 };

/**
 * The Government's annual report to the National Assembly: data 1 Aug (Y−1) – 31 Jul (Y) (legal-reference
 * §9 [S]). Meant for kind `year`; for other kinds it shifts their months by five the same way.
 */
export const NATIONAL_ASSEMBLY_CUTOFF: CutoffRule = {
  id: 'national-assembly',
  startDay: 1,
  monthOffset: -5,
  note: 'Báo cáo Chính phủ trình Quốc hội: số liệu từ 01/8 năm trước đến 31/7 (legal-reference §9)',
};

export const DEFAULT_CUTOFF: CutoffRule = ND09_CUTOFF;

/** The names a report query or a reporting schedule gives the cut-off rules. */
export const CUTOFF_NAMES = ['nd09', 'calendar', 'national_assembly'] as const;
export type CutoffName = (typeof CUTOFF_NAMES)[number];
export const CUTOFFS: Readonly<Record<CutoffName, CutoffRule>> = {
  nd09: ND09_CUTOFF,
  calendar: CALENDAR_CUTOFF,
  national_assembly: NATIONAL_ASSEMBLY_CUTOFF,
};

export interface Bilingual {
  vi: string;
  en: string;
}

export interface ReportWindow {
  /** `'custom'` for {@link customWindow}. */
  kind: PeriodKind | 'custom';
  /** The report's year (`null` for a custom window). */
  year: number | null;
  /** Month 1–12 or quarter 1–4; `null` for the other kinds. */
  index: number | null;
  /** `null` for a custom window. */
  cutoffId: string | null;
  from: LocalDate;
  to: LocalDate;
  /** Short name: "Quý I năm 2025" / "Q1 2025". */
  name: Bilingual;
  /** Name with the data window: "Quý I năm 2025 (số liệu từ ngày 15/12/2024 đến ngày 14/03/2025)". */
  label: Bilingual;
}

const MIN_YEAR = 2; // a window may start in the previous year
const MAX_YEAR = 9998; // a window may end in the next year (startDay > 1, monthOffset 0)

export function validateCutoff(rule: CutoffRule): CutoffRule {
  if (!Number.isInteger(rule.startDay) || rule.startDay < 1 || rule.startDay > 28) {
    throw reportInvalid('REPORT_CUTOFF_INVALID', 'cutoff.startDay', 'must be an integer from 1 to 28');
  }
  if (!Number.isInteger(rule.monthOffset) || rule.monthOffset < -11 || rule.monthOffset > 0) {
    throw reportInvalid('REPORT_CUTOFF_INVALID', 'cutoff.monthOffset', 'must be an integer from -11 to 0');
  }
  return rule;
}

/** Epoch day of day `day` of the month `absMonth` (= year × 12 + month − 1). */
function dayOfAbsMonth(absMonth: number, day: number): number {
  const year = Math.floor(absMonth / 12);
  return daysFromCivil(year, absMonth - year * 12 + 1, day);
}

/** First and last calendar month (1–12) a period covers. */
function monthsOf(kind: PeriodKind, index: number | null): [number, number] {
  switch (kind) {
    case 'month':
      return [index!, index!];
    case 'quarter':
      return [3 * index! - 2, 3 * index!];
    case 'six_months':
      return [1, 6];
    case 'nine_months':
      return [1, 9];
    case 'year':
      return [1, 12];
  }
}

const ROMAN = ['I', 'II', 'III', 'IV'];
const EN_MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** `dd/mm/yyyy`, as Vietnamese administrative documents write dates. */
export function viDate(date: LocalDate): string {
  return `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}`;
}

function periodName(kind: PeriodKind, year: number, index: number | null): Bilingual {
  switch (kind) {
    case 'month':
      return { vi: `Tháng ${index} năm ${year}`, en: `${EN_MONTHS[index! - 1]} ${year}` };
    case 'quarter':
      return { vi: `Quý ${ROMAN[index! - 1]} năm ${year}`, en: `Q${index} ${year}` };
    case 'six_months':
      return { vi: `6 tháng đầu năm ${year}`, en: `First six months of ${year}` };
    case 'nine_months':
      return { vi: `9 tháng năm ${year}`, en: `First nine months of ${year}` };
    case 'year':
      return { vi: `Năm ${year}`, en: `Year ${year}` };
  }
}

function withDates(name: Bilingual, from: LocalDate, to: LocalDate): Bilingual {
  return {
    vi: `${name.vi} (số liệu từ ngày ${viDate(from)} đến ngày ${viDate(to)})`,
    en: `${name.en} (data ${from} to ${to})`,
  };
}

function checkPeriod(kind: PeriodKind, year: number, index: number | null): void {
  if (!(PERIOD_KINDS as readonly string[]).includes(kind)) {
    throw reportInvalid('REPORT_PERIOD_INVALID', 'kind', `must be one of ${PERIOD_KINDS.join(', ')}`);
  }
  if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR) {
    throw reportInvalid(
      'REPORT_PERIOD_INVALID',
      'year',
      `must be an integer from ${MIN_YEAR} to ${MAX_YEAR}`,
    );
  }
  const count = periodCount(kind);
  if (count === 1) {
    if (index !== null) throw reportInvalid('REPORT_PERIOD_INVALID', 'index', `must be null for ${kind}`);
  } else if (index === null || !Number.isInteger(index) || index < 1 || index > count) {
    throw reportInvalid(
      'REPORT_PERIOD_INVALID',
      'index',
      `must be an integer from 1 to ${count} for ${kind}`,
    );
  }
}

/**
 * The data window of a periodic report.
 * @param index month 1–12 or quarter 1–4; `null` for `six_months`, `nine_months`, `year`
 * @throws `REPORT_PERIOD_INVALID`, `REPORT_CUTOFF_INVALID`
 */
export function reportWindow(
  kind: PeriodKind,
  year: number,
  index: number | null,
  cutoff: CutoffRule = DEFAULT_CUTOFF,
): ReportWindow {
  checkPeriod(kind, year, index);
  validateCutoff(cutoff);
  const [first, last] = monthsOf(kind, index);
  const base = year * 12 - 1 + cutoff.monthOffset;
  const from = fromEpochDay(dayOfAbsMonth(base + first, cutoff.startDay));
  const to = fromEpochDay(dayOfAbsMonth(base + last + 1, cutoff.startDay) - 1);
  const name = periodName(kind, year, index);
  return { kind, year, index, cutoffId: cutoff.id, from, to, name, label: withDates(name, from, to) };
}

/** Every window of a kind in a year, in order (12 months, 4 quarters, or the one). */
export function reportWindows(
  kind: PeriodKind,
  year: number,
  cutoff: CutoffRule = DEFAULT_CUTOFF,
): ReportWindow[] {
  const count = periodCount(kind);
  if (count === 1) return [reportWindow(kind, year, null, cutoff)];
  return Array.from({ length: count }, (_, i) => reportWindow(kind, year, i + 1, cutoff));
}

/**
 * The window of a kind that contains `date`, or `null` (six and nine months cover only part of a
 * year). Under NĐ 09/2019, 20/12/2024 lies in month 1, quarter I, six months, nine months and year 2025.
 */
export function windowContaining(
  kind: PeriodKind,
  date: LocalDate,
  cutoff: CutoffRule = DEFAULT_CUTOFF,
): ReportWindow | null {
  const year = yearOf(date);
  // A window lies within the year before, of, or after its report year.
  for (const y of [year - 1, year, year + 1]) {
    if (y < MIN_YEAR || y > MAX_YEAR) continue;
    for (const w of reportWindows(kind, y, cutoff)) {
      if (w.from <= date && date <= w.to) return w;
    }
  }
  return null;
}

/**
 * A window over any date range (both ends inclusive).
 * @param maxDays optional limit on the window's length in days (the query layer's guard)
 * @throws `DATE_INVALID`, `REPORT_WINDOW_INVALID`
 */
export function customWindow(from: LocalDate, to: LocalDate, maxDays?: number): ReportWindow {
  const days = toEpochDay(to, 'to') - toEpochDay(from, 'from') + 1;
  if (days < 1) {
    throw reportInvalid('REPORT_WINDOW_INVALID', 'to', `must not be earlier than from (${from})`);
  }
  if (maxDays !== undefined && days > maxDays) {
    throw reportInvalid('REPORT_WINDOW_INVALID', 'to', `the window may span at most ${maxDays} days`);
  }
  const name = { vi: `Từ ngày ${viDate(from)} đến ngày ${viDate(to)}`, en: `${from} to ${to}` };
  return { kind: 'custom', year: null, index: null, cutoffId: null, from, to, name, label: name };
}

/** Number of days in a window (both ends inclusive). */
export function windowDays(window: Pick<ReportWindow, 'from' | 'to'>): number {
  return toEpochDay(window.to, 'to') - toEpochDay(window.from, 'from') + 1;
}

// ---------------------------------------------------------------------------------------------------
// Submission deadlines
// ---------------------------------------------------------------------------------------------------

/**
 * When a report is due. `dueBefore` follows the Vietnamese "trước ngày dd/mm" wording: the report must
 * arrive before that day, so its last day is the day before.
 */
export type DeadlineRule = (
  | {
      /** "Trước ngày `day`/`month`" of the report's year + `yearOffset` (default 0). */
      type: 'before';
      month: number;
      day: number;
      yearOffset?: number;
    }
  | {
      /** The last day is `days` days after the window's last day (e.g. a quarterly report due 5 days after cut-off). */
      type: 'days_after_window';
      days: number;
    }
) & {
  /** Where the rule comes from, shown next to the deadline. */
  source: string;
  unconfirmed?: boolean;
};

export interface ReportingDeadlineConfig {
  cutoff: CutoffRule;
  /**
   * Per period kind: one rule for every period of the kind, or one rule per period (12 for `month`,
   * 4 for `quarter`). A kind without a rule has no deadline (no reminder).
   */
  rules: Partial<Record<PeriodKind, DeadlineRule | readonly DeadlineRule[]>>;
}

const SEED_SOURCE =
  'Kế hoạch dân vận chính quyền 2023 của Sở GD&ĐT Bình Phước: định kỳ 06 tháng (trước ngày 10/5), 01 năm (trước ngày 10/11)';

/**
 * Defaults from the provincial plan the project grew from (`shared/seed/`): six-month report before
 * 10 May, annual report before 10 November. Caveats, all to be confirmed by the deploying agency:
 * - the plan is for 2023 and about "dân vận chính quyền" reporting; carrying its dates to every year and
 *   to the reception/KN/TC reports is our assumption;
 * - both dates fall *before* the NĐ 09/2019 data windows close (14 Jun, 14 Dec), so these reports
 *   evidently use an earlier cut-off — see {@link ReportingDeadline.dueBeforeWindowEnds};
 * - quarterly, monthly and nine-month deadlines under TT 06/2025/TT-TTCP are UNCONFIRMED
 *   (legal-reference §9, §12 item 12): none by default; a deployment adds them in `rules`, e.g.
 *   `quarter: { type: 'days_after_window', days: 5, source: '…' }`.
 */
export const DEFAULT_DEADLINE_CONFIG: ReportingDeadlineConfig = {
  cutoff: DEFAULT_CUTOFF,
  rules: {
    six_months: { type: 'before', month: 5, day: 10, source: SEED_SOURCE, unconfirmed: true },
    year: { type: 'before', month: 11, day: 10, source: SEED_SOURCE, unconfirmed: true },
  },
};

export interface ReportingDeadline {
  window: ReportWindow;
  /** The first day the report is late ("trước ngày …"). */
  dueBefore: LocalDate;
  /** The last day to submit (`dueBefore` − 1). Not moved off weekends or holidays. */
  lastDay: LocalDate;
  source: string;
  unconfirmed: boolean;
  /**
   * The report is due before its data window closes — the configured cut-off cannot be the one the
   * report really uses (true for the seed's 10 May / 10 Nov under the NĐ 09/2019 windows).
   */
  dueBeforeWindowEnds: boolean;
}

function deadlineFor(
  window: ReportWindow,
  rule: DeadlineRule,
  field: string,
  cutoff: CutoffRule,
): ReportingDeadline {
  let lastDay: LocalDate;
  if (rule.type === 'before') {
    const offset = rule.yearOffset ?? 0;
    const y = window.year! + offset;
    if (
      !Number.isInteger(offset) ||
      offset < 0 ||
      offset > 1 ||
      !Number.isInteger(rule.month) ||
      rule.month < 1 ||
      rule.month > 12 ||
      !Number.isInteger(rule.day) ||
      rule.day < 1 ||
      rule.day > daysInMonth(y, rule.month) ||
      y > 9999
    ) {
      throw reportInvalid(
        'REPORT_DEADLINE_CONFIG_INVALID',
        field,
        `'before' needs a valid day/month and a yearOffset of 0 or 1 (year ${y})`,
      );
    }
    lastDay = fromEpochDay(daysFromCivil(y, rule.month, rule.day) - 1);
  } else if (rule.type === 'days_after_window') {
    if (!Number.isInteger(rule.days) || rule.days < 0 || rule.days > 366) {
      throw reportInvalid('REPORT_DEADLINE_CONFIG_INVALID', field, "'days' must be an integer from 0 to 366");
    }
    lastDay = addDays(window.to, rule.days);
  } else {
    throw reportInvalid(
      'REPORT_DEADLINE_CONFIG_INVALID',
      `${field}.type`,
      "must be 'before' or 'days_after_window'",
    );
  }
  return {
    window,
    dueBefore: addDays(lastDay, 1),
    lastDay,
    source: rule.source,
    unconfirmed: rule.unconfirmed === true || cutoff.unconfirmed === true,
    dueBeforeWindowEnds: compareLocalDates(lastDay, window.to) < 0,
  };
}

/**
 * The submission deadlines of the reports whose period belongs to `year`, ordered by date (a report
 * of year Y may be due in Y + 1). The reminder job and the dashboard read these; nothing here looks at
 * "today".
 * @throws `REPORT_PERIOD_INVALID`, `REPORT_CUTOFF_INVALID`, `REPORT_DEADLINE_CONFIG_INVALID`
 */
export function reportingDeadlines(
  year: number,
  config: ReportingDeadlineConfig = DEFAULT_DEADLINE_CONFIG,
): ReportingDeadline[] {
  const out: ReportingDeadline[] = [];
  for (const kind of PERIOD_KINDS) {
    const rule = config.rules[kind];
    if (!rule) continue;
    const windows = reportWindows(kind, year, config.cutoff);
    const isList = Array.isArray(rule);
    if (isList && rule.length !== windows.length) {
      throw reportInvalid(
        'REPORT_DEADLINE_CONFIG_INVALID',
        `rules.${kind}`,
        `needs one rule or exactly ${windows.length} rules`,
      );
    }
    windows.forEach((w, i) => {
      const r = isList ? (rule as readonly DeadlineRule[])[i] : (rule as DeadlineRule);
      out.push(deadlineFor(w, r, isList ? `rules.${kind}[${i}]` : `rules.${kind}`, config.cutoff));
    });
  }
  const order = (k: ReportWindow['kind']) => (PERIOD_KINDS as readonly string[]).indexOf(k);
  return out.sort((a, b) =>
    a.dueBefore !== b.dueBefore
      ? a.dueBefore < b.dueBefore
        ? -1
        : 1
      : order(a.window.kind) - order(b.window.kind),
  );
}
