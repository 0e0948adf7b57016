import { Module, type DynamicModule } from '@nestjs/common';
import { LoggingModule } from './common/logging/logging.module.js';
import type { AppConfig } from './config/app-config.js';
import { CalendarAdminModule } from './calendar/calendar-admin.module.js';
import { CalendarProcessor } from './calendar/calendar.processor.js';
import { CalendarScheduler } from './calendar/calendar.scheduler.js';
import { CaseDeadlinesModule } from './case-deadlines/case-deadlines.module.js';
import { ComplaintCaseDeadlineSubjectModule } from './complaints/complaint-case-deadline-subject.module.js';
import { DenunciationCaseDeadlineSubjectModule } from './denunciations/denunciation-case-deadline-subject.module.js';
import { ObligationDeadlineSubjectModule } from './enforcement/obligation-deadline-subject.module.js';
import { LetterDeadlineSubjectModule } from './letters/letter-deadline-subject.module.js';
import { ReceptionCalendarWatchModule } from './reception/reception-calendar.watcher.js';
import { ClockModule } from './common/clock.js';
import { ConfigModule } from './config/config.module.js';
import { DatabaseModule } from './database/database.module.js';
import { QueueModule } from './queue/queue.module.js';
import { MaintenanceProcessor } from './system/maintenance.processor.js';
import { MaintenanceScheduler } from './system/maintenance.scheduler.js';
import { SystemModule } from './system/system.module.js';
import { EscalationsModule } from './escalations/escalations.module.js';
import { EscalationProcessor } from './escalations/escalation.processor.js';
import { EscalationScheduler } from './escalations/escalation.scheduler.js';
import { EnforcementReviewModule } from './enforcement/enforcement-review.module.js';
import { EnforcementProcessor } from './enforcement/enforcement.processor.js';
import { EnforcementScheduler } from './enforcement/enforcement.scheduler.js';
import { NotificationsDeliveryModule } from './notifications/notifications-delivery.module.js';
import { NotificationsProcessor } from './notifications/notifications.processor.js';
import { NotificationsScheduler } from './notifications/notifications.scheduler.js';
import { ReportRunsWorkerModule } from './reports/report-runs-worker.module.js';
import { ReportsProcessor } from './reports/reports.processor.js';
import { ReportsScheduler } from './reports/reports.scheduler.js';
import { ReportingRemindersModule } from './reporting-reminders/reporting-reminders.module.js';
import { ReportingRemindersProcessor } from './reporting-reminders/reporting-reminders.processor.js';
import { ReportingRemindersScheduler } from './reporting-reminders/reporting-reminders.scheduler.js';
import { AuditSequencerModule } from './audit/audit-sequencer.module.js';
import { AuditProcessor } from './audit/audit.processor.js';
import { AuditScheduler } from './audit/audit.scheduler.js';
import { LetterEmailsModule } from './letters/public/letter-emails.module.js';
import { LetterEmailsProcessor, LetterEmailsScheduler } from './letters/public/letter-emails.processor.js';
import { NationalSyncModule } from './national-sync/national-sync.module.js';
import { NationalSyncProcessor } from './national-sync/national-sync.processor.js';
import { NationalSyncScheduler } from './national-sync/national-sync.scheduler.js';
import { RetentionModule } from './retention/retention.module.js';
import { DashboardCountsModule } from './dashboard/dashboard-counts.module.js';
import { DashboardCountsProcessor } from './dashboard/dashboard-counts.processor.js';
import { DashboardCountsScheduler } from './dashboard/dashboard-counts.scheduler.js';
import { RetentionProcessor } from './retention/retention.processor.js';
import { RetentionScheduler } from './retention/retention.scheduler.js';

/** The deadline subjects' adapters (case-deadlines/deadline-subject.ts), as the API's features register them. */
export const DEADLINE_SUBJECT_MODULES = [
  LetterDeadlineSubjectModule,
  ComplaintCaseDeadlineSubjectModule,
  DenunciationCaseDeadlineSubjectModule,
  ObligationDeadlineSubjectModule,
];

/** Every queue processor, checked at boot against queue/queues.ts. */
export const PROCESSORS = [
  MaintenanceProcessor,
  CalendarProcessor,
  EscalationProcessor,
  NotificationsProcessor,
  EnforcementProcessor,
  ReportsProcessor,
  ReportingRemindersProcessor,
  AuditProcessor,
  LetterEmailsProcessor,
  NationalSyncProcessor,
  RetentionProcessor,
  DashboardCountsProcessor,
];

/** The worker process: BullMQ processors and job schedulers, no HTTP. */
@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggingModule.forRoot('worker'),
        DatabaseModule,
        QueueModule.forRoot('worker'),
        SystemModule,
        ClockModule,
        CalendarAdminModule,
        CaseDeadlinesModule,
        // Every kind of deadline subject: escalations and calendar recomputations reach all of them.
        ...DEADLINE_SUBJECT_MODULES,
        ReceptionCalendarWatchModule,
        EscalationsModule,
        NotificationsDeliveryModule,
        EnforcementReviewModule,
        ReportRunsWorkerModule,
        ReportingRemindersModule,
        AuditSequencerModule,
        LetterEmailsModule,
        NationalSyncModule,
        RetentionModule,
        DashboardCountsModule,
      ],
      providers: [
        ...PROCESSORS,
        MaintenanceScheduler,
        CalendarScheduler,
        EscalationScheduler,
        NotificationsScheduler,
        EnforcementScheduler,
        ReportsScheduler,
        ReportingRemindersScheduler,
        AuditScheduler,
        LetterEmailsScheduler,
        NationalSyncScheduler,
        RetentionScheduler,
        DashboardCountsScheduler,
      ],
    };
  }
}
