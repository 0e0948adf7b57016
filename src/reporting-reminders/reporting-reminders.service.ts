import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { UnitCalendarService } from '../calendar/unit-calendar.service.js';
import { SYSTEM_ACTOR } from '../auth/domain/actor.js';
import { Clock } from '../common/clock.js';
import { isDuplicateKey } from '../common/database/db-errors.js';
import { transactionWithRetry } from '../common/database/transactions.js';
import type { LocalDate } from '../common/domain/local-date.js';
import { uuid7 } from '../common/ids/uuid7.js';
import { withSweepLock } from '../common/database/sweep-lock.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import {
  dueReminders,
  reminderSourceKey,
  reminderText,
  type DueReminder,
  type ReminderRecipient,
} from './domain/reminder-days.js';
import { ReportingReminderEntity } from './entities/reporting-reminder.entity.js';
import { agencyKindsSql, policyOf, workingDayTest, type StoredSchedule } from './reporting-policy.js';

export interface ReminderSweepResult {
  /** False when another sweep held the lock: this one did nothing. */
  ran: boolean;
  reminded: number;
}

interface AgencyRow {
  id: string;
  name: string;
  configured: string | null;
  enabled: number | string | boolean | null;
  cutoff: string | null;
  reports: string | StoredSchedule['reports'] | null;
  remind_days_before: string | number[] | null;
  recipients: string | ReminderRecipient[] | null;
}

const json = <T>(value: string | T): T => (typeof value === 'string' ? (JSON.parse(value) as T) : value);

/**
 * Reminders of reporting deadlines (docs/reports.md). The sweep walks every active agency (units of kind
 * province, commune, agency) with its schedule — or the defaults of reports/domain/periods.ts when it has
 * none — and its working calendar, and sends each reminder due today (Asia/Ho_Chi_Minh) that the ledger
 * `reporting_reminders` does
 * not hold yet: one transaction per reminder writes the ledger row (unique by source key), the
 * notifications and the audit entry, so neither a second sweep nor a crash sends one twice.
 */
@Injectable()
export class ReportingRemindersService {
  private readonly logger = new Logger(ReportingRemindersService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly notifications: NotificationsService,
    private readonly audit: AuditService,
    private readonly calendars: UnitCalendarService,
    private readonly clock: Clock,
  ) {}

  /** One pass. A run overlapping a slow previous one skips itself (`GET_LOCK`, per database). */
  async sweep(): Promise<ReminderSweepResult> {
    const reminded = await withSweepLock(this.dataSource, 'reporting-reminder-sweep', async () => {
      const today = this.clock.today();
      const kinds = agencyKindsSql('u.kind');
      const agencies: AgencyRow[] = await this.dataSource.query(
        `SELECT u.id, u.name, s.unit_id AS configured, s.enabled, s.cutoff, s.reports, s.remind_days_before,
              s.recipients
       FROM units u LEFT JOIN reporting_schedules s ON s.unit_id = u.id
       WHERE u.active = 1 AND ${kinds.sql} ORDER BY u.id`,
        kinds.params,
      );
      const sent = new Set(
        (
          (await this.dataSource.query('SELECT source_key FROM reporting_reminders WHERE last_day >= ?', [
            today,
          ])) as { source_key: string }[]
        ).map((r) => r.source_key),
      );
      let reminded = 0;
      for (const agency of agencies) {
        let due: DueReminder[];
        let recipients: readonly ReminderRecipient[];
        try {
          const policy = policyOf(
            agency.configured === null
              ? null
              : {
                  enabled: Number(agency.enabled) === 1 || agency.enabled === true,
                  cutoff: agency.cutoff!,
                  reports: json(agency.reports!),
                  remindDaysBefore: json(agency.remind_days_before!),
                  recipients: json(agency.recipients!),
                },
          );
          // Reminder days on a day off move back to the agency's previous working day.
          due = policy.enabled
            ? dueReminders(policy, today, workingDayTest(await this.calendars.calendarFor(agency.id)))
            : [];
          recipients = policy.recipients;
        } catch (error) {
          // A schedule is validated when written; one that no longer computes (or a calendar that cannot
          // be built) must not stop the other agencies.
          this.logger.error({ unitId: agency.id, err: String(error) }, 'reporting reminders: bad schedule');
          continue;
        }
        for (const r of due) {
          const key = reminderSourceKey(agency.id, r);
          if (sent.has(key)) continue;
          if (await this.remind(agency, r, key, recipients, today)) reminded++;
        }
      }
      if (reminded > 0) this.logger.log(`reporting reminders: ${reminded} sent`);
      return reminded;
    });
    return reminded === null ? { ran: false, reminded: 0 } : { ran: true, reminded };
  }

  /** Sends one reminder unless the ledger already has it; true when it did. */
  private async remind(
    agency: { id: string; name: string },
    r: DueReminder,
    sourceKey: string,
    roles: readonly ReminderRecipient[],
    today: LocalDate,
  ): Promise<boolean> {
    try {
      return await transactionWithRetry(this.dataSource, async (manager) => {
        const w = r.deadline.window;
        const id = uuid7();
        const userIds = await this.recipients(manager, agency.id, roles);
        await manager.insert(ReportingReminderEntity, {
          id,
          unitId: agency.id,
          sourceKey,
          periodKind: w.kind,
          periodYear: w.year!,
          periodIndex: w.index,
          dueBefore: r.deadline.dueBefore,
          lastDay: r.deadline.lastDay,
          daysBefore: r.daysBefore,
          remindOn: r.remindOn,
          sentOn: today,
          recipients: userIds.length,
        });
        const text = reminderText(r, agency.name);
        const { created } = await this.notifications.notify(manager, {
          userIds,
          kind: 'reporting_deadline',
          sourceKey,
          title: text.title,
          body: text.body,
          link: `/api/v1/reporting-schedules/${agency.id}`,
          subjectType: 'reporting_schedule',
          subjectId: agency.id,
          unitId: agency.id,
          webhookPayload: {
            unitId: agency.id,
            periodKind: w.kind,
            year: w.year,
            index: w.index,
            dueBefore: r.deadline.dueBefore,
            lastDay: r.deadline.lastDay,
            daysBefore: r.daysBefore,
          },
        });
        await this.audit.record(manager, SYSTEM_ACTOR, {
          action: 'reporting.deadline_reminder',
          entityType: 'reporting_schedule',
          entityId: agency.id,
          unitId: agency.id,
          changes: {
            reminder: {
              before: null,
              after: {
                periodKind: w.kind,
                year: w.year,
                index: w.index,
                dueBefore: r.deadline.dueBefore,
                daysBefore: r.daysBefore,
                remindOn: r.remindOn,
              },
            },
            notified: { before: null, after: created },
          },
        });
        if (userIds.length === 0) {
          this.logger.warn({ unitId: agency.id }, 'reporting reminders: the agency has nobody to remind');
        }
        return true;
      });
    } catch (error) {
      // Another sweep (or a previous delivery of this job) sent it first.
      if (isDuplicateKey(error, 'uq_reporting_reminders_source_key')) return false;
      throw error;
    }
  }

  /**
   * The accounts reminded, resolved now: heads of the agency unit itself, and inspectorate leaders whose
   * unit's nearest agency (itself included) is this one — the agency whose tree they watch
   * (auth/actor.resolver.ts).
   */
  private async recipients(
    manager: EntityManager,
    agencyId: string,
    roles: readonly ReminderRecipient[],
  ): Promise<string[]> {
    const ids = new Set<string>();
    if (roles.includes('unit_head')) {
      const rows: { id: string }[] = await manager.query(
        `SELECT u.id FROM users u JOIN user_roles r ON r.user_id = u.id AND r.role = 'unit_head'
         WHERE u.active = 1 AND u.unit_id = ?`,
        [agencyId],
      );
      rows.forEach((r) => ids.add(r.id));
    }
    if (roles.includes('inspectorate_leader')) {
      const kinds = agencyKindsSql('a.kind');
      const rows: { id: string }[] = await manager.query(
        `SELECT u.id FROM users u JOIN user_roles r ON r.user_id = u.id AND r.role = 'inspectorate_leader'
         WHERE u.active = 1
           AND u.unit_id IN (SELECT d.descendant_id FROM unit_closure d WHERE d.ancestor_id = ?)
           AND (SELECT c.ancestor_id FROM unit_closure c JOIN units a ON a.id = c.ancestor_id
                WHERE c.descendant_id = u.unit_id AND ${kinds.sql} ORDER BY c.depth LIMIT 1) = ?`,
        [agencyId, ...kinds.params, agencyId],
      );
      rows.forEach((r) => ids.add(r.id));
    }
    return [...ids].sort();
  }
}
