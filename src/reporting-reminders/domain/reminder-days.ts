/**
 * Reminders of reporting deadlines (docs/reports.md, "Reminders of reporting deadlines"). Pure: "today"
 * and every date are `'YYYY-MM-DD'` arguments; the deadlines themselves come from `reportingDeadlines`
 * (reports/domain/periods.ts), whose rule types and validation this module reuses.
 *
 * A reminder day is the report's last day (`lastDay`, the day before "trước ngày …") moved back by a
 * number of calendar days (0 = on the last day). On a given day the reminder due for a deadline is the
 * one of the latest reminder day that has come, as long as the last day has not passed: a sweep missed
 * while the worker was down catches up with one message, not with every reminder it missed. Given the
 * agency's working calendar, a reminder day that is not a working day moves back to the working day
 * before it (a Saturday reminder would be read on Monday, maybe too late); the last day itself never moves.
 */
import {
  addDays,
  compareLocalDates,
  daysBetween,
  yearOf,
  type LocalDate,
} from '../../common/domain/local-date.js';
import {
  DEFAULT_DEADLINE_CONFIG,
  PERIOD_KINDS,
  reportingDeadlines,
  viDate,
  type DeadlineRule,
  type PeriodKind,
  type ReportingDeadline,
  type ReportingDeadlineConfig,
} from '../../reports/domain/periods.js';

/** Who is reminded, resolved when the reminder goes out (who holds the role that day). */
export const REMINDER_RECIPIENTS = [
  'inspectorate_leader', // inspectorate leaders of the agency (their unit's nearest agency is this one)
  'unit_head', // heads (role unit_head) of the agency unit itself
] as const;
export type ReminderRecipient = (typeof REMINDER_RECIPIENTS)[number];

/** Days before the last day to remind: ten days, three days, the day before and on the day. Ours, not law. */
export const DEFAULT_REMIND_DAYS_BEFORE: readonly number[] = [10, 3, 1, 0];
export const MAX_REMIND_DAYS_BEFORE = 90;
export const MAX_REMINDER_OFFSETS = 10;

export interface ReminderPolicy {
  enabled: boolean;
  deadlines: ReportingDeadlineConfig;
  /** Calendar days before the last day, each 0…{@link MAX_REMIND_DAYS_BEFORE}. */
  remindDaysBefore: readonly number[];
  recipients: readonly ReminderRecipient[];
}

/** What applies to an agency without a configured schedule: periods.ts defaults, both roles. */
export const DEFAULT_REMINDER_POLICY: ReminderPolicy = {
  enabled: true,
  deadlines: DEFAULT_DEADLINE_CONFIG,
  remindDaysBefore: DEFAULT_REMIND_DAYS_BEFORE,
  recipients: REMINDER_RECIPIENTS,
};

export interface DueReminder {
  deadline: ReportingDeadline;
  /** The offset whose day this is (0 = the last day). */
  daysBefore: number;
  /** The reminder day (today, or an earlier one caught up). */
  remindOn: LocalDate;
  /** Calendar days from today to the last day (0 = today is the last day). */
  daysLeft: number;
}

/** Whether a day is a working day of the agency (its calendar); absent: every day is. */
export type WorkingDayTest = (date: LocalDate) => boolean;

/** Days a reminder moves back at most to find a working day (Tết takes up to nine days off in a row). */
const MAX_SHIFT_DAYS = 20;

/** The reminder day of an offset, moved back to a working day when `isWorkingDay` is given. */
export function reminderDay(
  lastDay: LocalDate,
  daysBefore: number,
  isWorkingDay?: WorkingDayTest,
): LocalDate {
  const day = addDays(lastDay, -daysBefore);
  if (!isWorkingDay) return day;
  for (let back = 0; back <= MAX_SHIFT_DAYS; back++) {
    const candidate = addDays(day, -back);
    if (isWorkingDay(candidate)) return candidate;
  }
  return day;
}

/**
 * The deadlines of the years around `today` (a report of year Y may be due in Y + 1, and a
 * `days_after_window` rule may reach a year further) whose last day is not before `from`.
 * @throws the errors of `reportingDeadlines` for a malformed configuration
 */
export function deadlinesFrom(config: ReportingDeadlineConfig, from: LocalDate): ReportingDeadline[] {
  const y = yearOf(from);
  const out: ReportingDeadline[] = [];
  for (const year of [y - 2, y - 1, y, y + 1]) {
    for (const d of reportingDeadlines(year, config)) {
      if (compareLocalDates(d.lastDay, from) >= 0) out.push(d);
    }
  }
  return out.sort((a, b) => (a.lastDay < b.lastDay ? -1 : a.lastDay > b.lastDay ? 1 : 0));
}

/**
 * The reminders due `today`: for each deadline whose last day is today or later, the smallest offset
 * whose reminder day has come (earlier, missed offsets are not sent as well). A disabled policy or one
 * without offsets reminds nothing.
 */
export function dueReminders(
  policy: ReminderPolicy,
  today: LocalDate,
  isWorkingDay?: WorkingDayTest,
): DueReminder[] {
  if (!policy.enabled || policy.remindDaysBefore.length === 0) return [];
  const out: DueReminder[] = [];
  for (const deadline of deadlinesFrom(policy.deadlines, today)) {
    const come = policy.remindDaysBefore.filter(
      (n) => compareLocalDates(reminderDay(deadline.lastDay, n, isWorkingDay), today) <= 0,
    );
    if (come.length === 0) continue;
    const daysBefore = Math.min(...come);
    out.push({
      deadline,
      daysBefore,
      remindOn: reminderDay(deadline.lastDay, daysBefore, isWorkingDay),
      daysLeft: daysBetween(today, deadline.lastDay),
    });
  }
  return out;
}

/**
 * The notification's source key: agency, report kind, period, due date and offset. The same reminder
 * always has the same key (a repeat adds nothing); a due date moved by a new configuration reminds again.
 * At most 100 printable ASCII characters (uuid 36 + the rest < 60).
 */
export function reminderSourceKey(agencyId: string, r: DueReminder): string {
  const w = r.deadline.window;
  const period = w.index === null ? `${w.year}` : `${w.year}-${w.index}`;
  return `reporting-${agencyId}-${w.kind}-${period}-${r.deadline.dueBefore.replace(/-/g, '')}-d${r.daysBefore}`;
}

function cut(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : chars.slice(0, max - 1).join('') + '…';
}

/** Vietnamese title and body. The agency's name is an organisation's, never a person's. */
export function reminderText(r: DueReminder, agencyName: string): { title: string; body: string } {
  const d = r.deadline;
  const when =
    r.daysLeft === 0
      ? 'Hôm nay là ngày cuối để gửi báo cáo.'
      : r.daysLeft === 1
        ? 'Ngày mai là ngày cuối để gửi báo cáo.'
        : `Còn ${r.daysLeft} ngày đến ngày cuối gửi báo cáo.`;
  const title = `Nhắc hạn gửi báo cáo ${d.window.name.vi.toLowerCase()}: trước ngày ${viDate(d.dueBefore)}`;
  const body = [
    `Báo cáo định kỳ công tác tiếp công dân, xử lý đơn, giải quyết khiếu nại, tố cáo kỳ ${d.window.label.vi}` +
      ` của ${agencyName} phải gửi trước ngày ${viDate(d.dueBefore)} (ngày cuối: ${viDate(d.lastDay)}).`,
    when,
    `Căn cứ: ${d.source}.`,
    ...(d.dueBeforeWindowEnds
      ? ['Lưu ý: hạn gửi đến trước khi kỳ số liệu kết thúc; cần xác định lại ngày chốt số liệu.']
      : []),
    ...(d.unconfirmed ? ['Hạn gửi chưa được đối chiếu với văn bản chính thức.'] : []),
  ].join(' ');
  return { title: cut(title, 300), body: cut(body, 2000) };
}

/** A report an agency owes, as configured: one rule for every period of the kind, or one per period. */
export interface ScheduledReport {
  kind: PeriodKind;
  rule?: DeadlineRule;
  rules?: readonly DeadlineRule[];
}

export interface ConfigProblem {
  field: string;
  message: string;
}

/** The configured reports as periods.ts's rule table. */
export function deadlineRules(reports: readonly ScheduledReport[]): ReportingDeadlineConfig['rules'] {
  const rules: ReportingDeadlineConfig['rules'] = {};
  for (const r of reports) {
    const rule = r.rule ?? r.rules;
    if (rule) rules[r.kind] = rule;
  }
  return rules;
}

/** The default rule table as a list of reports, in period order (what an unconfigured agency owes). */
export function reportsOf(config: ReportingDeadlineConfig): ScheduledReport[] {
  return PERIOD_KINDS.filter((k) => config.rules[k]).map((kind) => {
    const rule = config.rules[kind]!;
    return Array.isArray(rule) ? { kind, rules: rule } : { kind, rule: rule as DeadlineRule };
  });
}

/**
 * Problems of a configured list of reports, field by field (`reports[i].rule…`): a kind twice, neither
 * or both of `rule` / `rules`, and whatever `reportingDeadlines` refuses for a common year and a leap
 * year (a "before 29/02" rule would hold only every fourth year). Empty when it is sound.
 */
export function reportProblems(
  reports: readonly ScheduledReport[],
  cutoff: ReportingDeadlineConfig['cutoff'],
): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  const seen = new Map<PeriodKind, number>();
  reports.forEach((r, i) => {
    if (seen.has(r.kind)) {
      problems.push({ field: `reports[${i}].kind`, message: `${r.kind} is listed twice` });
    }
    seen.set(r.kind, i);
    if ((r.rule === undefined) === (r.rules === undefined)) {
      problems.push({ field: `reports[${i}]`, message: 'needs exactly one of rule or rules' });
    }
  });
  if (problems.length > 0) return problems;
  for (const year of [2027, 2028]) {
    try {
      reportingDeadlines(year, { cutoff, rules: deadlineRules(reports) });
    } catch (error) {
      const details = (error as { details?: ConfigProblem[] }).details ?? [];
      if (details.length === 0) throw error;
      for (const d of details) {
        // periods.ts names `rules.<kind>` or `rules.<kind>[i]`; the request names `reports[j].rule(s)`.
        const m = /^rules\.([a-z_]+)(\[\d+\])?(.*)$/.exec(d.field);
        const j = m ? seen.get(m[1] as PeriodKind) : undefined;
        const list = j !== undefined && reports[j].rules !== undefined;
        const field =
          m && j !== undefined ? `reports[${j}].${list ? `rules${m[2] ?? ''}` : 'rule'}${m[3]}` : d.field;
        if (!problems.some((p) => p.field === field)) problems.push({ field, message: d.message });
      }
    }
  }
  return problems;
}
