import { Module, type DynamicModule } from '@nestjs/common';
import { AuditModule } from './audit/audit.module.js';
import { CacheInvalidationModule } from './common/cache/cache-invalidation.module.js';
import { RateLimitModule } from './common/http/rate-limit.module.js';
import { LoggingModule } from './common/logging/logging.module.js';
import type { AppConfig } from './config/app-config.js';
import { ConfigModule } from './config/config.module.js';
import { DatabaseModule } from './database/database.module.js';
import { HealthModule } from './health/health.module.js';
import { QueueModule } from './queue/queue.module.js';
import { ReceptionModule } from './reception/reception.module.js';
import { SystemModule } from './system/system.module.js';
import { UnitsModule } from './units/units.module.js';
import { AuthModule } from './auth/auth.module.js';
import { CalendarApiModule } from './calendar/calendar-api.module.js';
import { CalendarModule } from './calendar/calendar.module.js';
import { ClockModule } from './common/clock.js';
import { DeadlinesModule } from './deadlines/deadlines.module.js';
import { UsersModule } from './users/users.module.js';
import { ComplaintsModule } from './complaints/complaints.module.js';
import { IdentityVaultModule } from './identity/identity-vault.module.js';
import { LettersModule } from './letters/letters.module.js';
import { DenunciationsModule } from './denunciations/denunciations.module.js';
import { IdentityModule } from './identity/identity.module.js';
import { EnforcementModule } from './enforcement/enforcement.module.js';
import { OperationsModule } from './operations/operations.module.js';
import { NotificationsApiModule } from './notifications/notifications-api.module.js';
import { ReportsModule } from './reports/reports.module.js';
import { DashboardModule } from './dashboard/dashboard.module.js';
import { EscalationsApiModule } from './escalations/escalations-api.module.js';
import { ReportingSchedulesModule } from './reporting-reminders/reporting-schedules.module.js';
import { WorkItemsModule } from './work-items/work-items.module.js';
import { CaseWorkModule } from './case-work/case-work.module.js';
import { EscalationLaddersModule } from './escalations/escalation-ladders.module.js';
import { SubjectAccessModule } from './subject-access/subject-access.module.js';
import { CalendarChangeImpactModule } from './case-deadlines/calendar-change-impact.module.js';

/** The API process: HTTP routes; it only produces jobs, never processes them. */
@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggingModule.forRoot('api'),
        DatabaseModule,
        QueueModule.forRoot('producer'),
        CacheInvalidationModule,
        RateLimitModule,
        HealthModule,
        SystemModule,
        AuditModule,
        AuthModule,
        ClockModule,
        CalendarModule,
        CalendarApiModule,
        DeadlinesModule,
        UnitsModule,
        UsersModule,
        ReceptionModule,
        IdentityVaultModule,
        ComplaintsModule,
        LettersModule,
        DenunciationsModule,
        IdentityModule,
        EnforcementModule,
        OperationsModule,
        NotificationsApiModule,
        ReportsModule,
        DashboardModule,
        EscalationsApiModule,
        ReportingSchedulesModule,
        WorkItemsModule,
        CaseWorkModule,
        EscalationLaddersModule,
        SubjectAccessModule,
        CalendarChangeImpactModule,
      ],
    };
  }
}
