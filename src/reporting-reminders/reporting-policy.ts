import type { WorkingCalendar } from '../calendar/domain/working-calendar.js';
import { DEFAULT_CUTOFF, type CutoffRule } from '../reports/domain/periods.js';
import { CUTOFFS, type CutoffName } from '../reports/domain/periods.js';
import { AGENCY_KINDS } from '../units/domain/unit-kind.js';
import {
  DEFAULT_REMINDER_POLICY,
  deadlineRules,
  type ReminderPolicy,
  type ReminderRecipient,
  type ScheduledReport,
  type WorkingDayTest,
} from './domain/reminder-days.js';

/** The stored part of a schedule (a row of `reporting_schedules`, or nothing for the defaults). */
export interface StoredSchedule {
  enabled: boolean;
  cutoff: string;
  reports: ScheduledReport[];
  remindDaysBefore: number[];
  recipients: ReminderRecipient[];
}

export function cutoffRule(name: string): CutoffRule {
  return CUTOFFS[name as CutoffName] ?? DEFAULT_CUTOFF;
}

export function cutoffName(rule: CutoffRule): CutoffName {
  return (Object.keys(CUTOFFS) as CutoffName[]).find((n) => CUTOFFS[n].id === rule.id) ?? 'nd09';
}

/** A stored schedule as the reminder policy, or the defaults (periods.ts) without one. */
export function policyOf(schedule: StoredSchedule | null): ReminderPolicy {
  if (!schedule) return DEFAULT_REMINDER_POLICY;
  return {
    enabled: schedule.enabled,
    deadlines: { cutoff: cutoffRule(schedule.cutoff), rules: deadlineRules(schedule.reports) },
    remindDaysBefore: schedule.remindDaysBefore,
    recipients: schedule.recipients,
  };
}

/** `IN (…)` over the agency kinds, with its parameters. */
export function agencyKindsSql(column: string): { sql: string; params: string[] } {
  return { sql: `${column} IN (${AGENCY_KINDS.map(() => '?').join(', ')})`, params: [...AGENCY_KINDS] };
}

/** A unit calendar as the reminders' working-day test; a day outside its years counts as working. */
export function workingDayTest(calendar: WorkingCalendar): WorkingDayTest {
  return (date) => !calendar.contains(date) || calendar.isWorkingDay(date);
}
