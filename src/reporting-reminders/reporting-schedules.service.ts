import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { diffChanges } from '../audit/domain/changes.js';
import { UnitCalendarService } from '../calendar/unit-calendar.service.js';
import type { Actor } from '../auth/domain/actor.js';
import { Clock } from '../common/clock.js';
import { transactionWithRetry } from '../common/database/transactions.js';
import { addDays, compareLocalDates } from '../common/domain/local-date.js';
import type { DomainErrorDetail } from '../common/domain/domain-error.js';
import type { DeadlineRule } from '../reports/domain/periods.js';
import { AGENCY_KINDS, type UnitKind } from '../units/domain/unit-kind.js';
import { scopeSql } from '../units/unit-scope.js';
import {
  deadlinesFrom,
  reminderDay,
  reportProblems,
  reportsOf,
  type ScheduledReport,
} from './domain/reminder-days.js';
import type { PutReportingScheduleDto, ReportingScheduleView } from './dto/reporting-schedule.dto.js';
import { ReportingScheduleEntity } from './entities/reporting-schedule.entity.js';
import { cutoffName, cutoffRule, policyOf, workingDayTest, type StoredSchedule } from './reporting-policy.js';
import { ReportingScheduleErrors } from './reporting-reminders.errors.js';

/** How far ahead the view lists deadlines. */
const UPCOMING_DAYS = 366;

/** A rule as sent, without the fields its type does not use (class-validator lets absent ones through). */
function ruleProblems(reports: readonly ScheduledReport[]): DomainErrorDetail[] {
  const problems: DomainErrorDetail[] = [];
  reports.forEach((r, i) => {
    const rules: [string, DeadlineRule][] = r.rule ? [[`reports[${i}].rule`, r.rule]] : [];
    (r.rules ?? []).forEach((rule, j) => rules.push([`reports[${i}].rules[${j}]`, rule]));
    for (const [field, rule] of rules) {
      const foreign =
        rule.type === 'before'
          ? ['days'].filter((k) => k in rule && (rule as Record<string, unknown>)[k] !== undefined)
          : ['month', 'day', 'yearOffset'].filter(
              (k) => k in rule && (rule as Record<string, unknown>)[k] !== undefined,
            );
      for (const k of foreign) {
        problems.push({ field: `${field}.${k}`, message: `does not apply to a '${rule.type}' rule` });
      }
    }
  });
  return problems;
}

/** A rule as stored: only the fields of its type, in a fixed order. */
function cleanReports(reports: readonly ScheduledReport[]): ScheduledReport[] {
  const clean = (r: NonNullable<ScheduledReport['rule']>) =>
    r.type === 'before'
      ? {
          type: r.type,
          month: r.month,
          day: r.day,
          ...(r.yearOffset ? { yearOffset: r.yearOffset } : {}),
          source: r.source,
          ...(r.unconfirmed ? { unconfirmed: true } : {}),
        }
      : { type: r.type, days: r.days, source: r.source, ...(r.unconfirmed ? { unconfirmed: true } : {}) };
  return reports.map((r) =>
    r.rule ? { kind: r.kind, rule: clean(r.rule) } : { kind: r.kind, rules: (r.rules ?? []).map(clean) },
  );
}

/**
 * Reporting schedules of agencies (docs/reports.md, "Reminders of reporting deadlines"): read within the
 * actor's unit scope (404 outside it), written with an optimistic version and audited in the same
 * transaction.
 */
@Injectable()
export class ReportingSchedulesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly calendars: UnitCalendarService,
    private readonly clock: Clock,
  ) {}

  /** @throws `REPORTING_SCHEDULE_UNIT_NOT_FOUND` (404), `REPORTING_SCHEDULE_NOT_AGENCY` (422) */
  async get(actor: Actor, unitId: string): Promise<ReportingScheduleView> {
    const manager = this.dataSource.manager;
    await this.agency(manager, actor, unitId, false);
    return this.view(unitId, await manager.findOneBy(ReportingScheduleEntity, { unitId }));
  }

  /**
   * Creates (version 0) or replaces the agency's schedule.
   * @throws `REPORTING_SCHEDULE_INVALID` (400), `REPORTING_SCHEDULE_UNIT_NOT_FOUND`
   * (404), `REPORTING_SCHEDULE_VERSION_CONFLICT` (409), `REPORTING_SCHEDULE_NOT_AGENCY` (422)
   */
  async put(actor: Actor, unitId: string, dto: PutReportingScheduleDto): Promise<ReportingScheduleView> {
    const cutoff = dto.cutoff ?? 'nd09';
    // The DTO has checked each field of each rule's type (month and day with 'before', days with
    // 'days_after_window'); what is left — fields of the other type, the dates themselves — is checked here.
    const reports = dto.reports as unknown as ScheduledReport[];
    const problems = [...ruleProblems(reports), ...reportProblems(reports, cutoffRule(cutoff))];
    if (problems.length > 0) throw ReportingScheduleErrors.invalid(problems);
    const next: StoredSchedule = {
      enabled: dto.enabled,
      cutoff,
      reports: cleanReports(reports),
      remindDaysBefore: [...dto.remindDaysBefore].sort((a, b) => b - a),
      recipients: [...dto.recipients].sort(),
    };
    const saved = await transactionWithRetry(this.dataSource, async (manager) => {
      // The unit row's lock serialises writers of one schedule, the first one included.
      await this.agency(manager, actor, unitId, true);
      const current = await manager.findOne(ReportingScheduleEntity, {
        where: { unitId },
        lock: { mode: 'pessimistic_write' },
      });
      const currentVersion = current?.version ?? 0;
      if (dto.version !== currentVersion) throw ReportingScheduleErrors.versionConflict(currentVersion);
      if (current) {
        await manager.update(ReportingScheduleEntity, { unitId }, { ...next, version: currentVersion + 1 });
      } else {
        await manager.insert(ReportingScheduleEntity, { unitId, ...next, version: 1 });
      }
      await this.audit.record(manager, actor, {
        action: current ? 'update' : 'create',
        entityType: 'reporting_schedule',
        entityId: unitId,
        unitId,
        changes: diffChanges(current ? { ...stored(current) } : null, { ...next }),
      });
      return manager.findOneByOrFail(ReportingScheduleEntity, { unitId });
    });
    return this.view(unitId, saved);
  }

  /** The unit, in scope and an agency. */
  private async agency(manager: EntityManager, actor: Actor, unitId: string, lock: boolean): Promise<void> {
    const scope = scopeSql('u.id', actor);
    const rows: { kind: UnitKind }[] = await manager.query(
      `SELECT u.kind FROM units u WHERE u.id = ? AND ${scope.sql}${lock ? ' FOR UPDATE' : ''}`,
      [unitId, ...scope.params],
    );
    if (rows.length === 0) throw ReportingScheduleErrors.unitNotFound();
    if (!AGENCY_KINDS.includes(rows[0].kind)) throw ReportingScheduleErrors.notAgency();
  }

  private async view(unitId: string, row: ReportingScheduleEntity | null): Promise<ReportingScheduleView> {
    const schedule = row ? stored(row) : null;
    const policy = policyOf(schedule);
    const isWorkingDay = workingDayTest(await this.calendars.calendarFor(unitId));
    const today = this.clock.today();
    const horizon = addDays(today, UPCOMING_DAYS);
    const upcoming = deadlinesFrom(policy.deadlines, today)
      .filter((d) => compareLocalDates(d.lastDay, horizon) <= 0)
      .map((d) => ({
        kind: d.window.kind,
        year: d.window.year!,
        index: d.window.index,
        name: d.window.name.vi,
        label: d.window.label.vi,
        dueBefore: d.dueBefore,
        lastDay: d.lastDay,
        // Two offsets may land on one working day: it is one reminder (the nearer offset's).
        reminderDays: policy.enabled
          ? [
              ...new Set(
                [...policy.remindDaysBefore]
                  .sort((a, b) => b - a)
                  .map((n) => reminderDay(d.lastDay, n, isWorkingDay))
                  .filter((day) => compareLocalDates(day, today) >= 0),
              ),
            ]
          : [],
        source: d.source,
        unconfirmed: d.unconfirmed,
        dueBeforeWindowEnds: d.dueBeforeWindowEnds,
      }));
    return {
      unitId,
      configured: row !== null,
      version: row?.version ?? 0,
      enabled: policy.enabled,
      cutoff: schedule?.cutoff ?? cutoffName(policy.deadlines.cutoff),
      reports: schedule?.reports ?? reportsOf(policy.deadlines),
      remindDaysBefore: [...policy.remindDaysBefore],
      recipients: [...policy.recipients],
      upcoming,
    } as ReportingScheduleView;
  }
}

function stored(row: ReportingScheduleEntity): StoredSchedule {
  return {
    enabled: Boolean(row.enabled),
    cutoff: row.cutoff,
    reports: row.reports,
    remindDaysBefore: row.remindDaysBefore,
    recipients: row.recipients,
  };
}
