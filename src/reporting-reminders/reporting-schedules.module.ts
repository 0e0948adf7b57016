import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module.js';
import { CalendarModule } from '../calendar/calendar.module.js';
import { ReportingRemindersModule } from './reporting-reminders.module.js';
import { ReportingSchedulesController } from './reporting-schedules.controller.js';
import { ReportingSchedulesService } from './reporting-schedules.service.js';

/**
 * The API of agencies' reporting schedules (docs/reports.md, "Reminders of reporting deadlines"); the
 * reminder sweep comes along so tests can run it through the API app (the worker schedules it).
 */
@Module({
  imports: [AuditModule, CalendarModule, ReportingRemindersModule],
  controllers: [ReportingSchedulesController],
  providers: [ReportingSchedulesService],
})
export class ReportingSchedulesModule {}
