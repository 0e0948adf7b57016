import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module.js';
import { CalendarModule } from '../calendar/calendar.module.js';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { ReportingReminderEntity } from './entities/reporting-reminder.entity.js';
import { ReportingScheduleEntity } from './entities/reporting-schedule.entity.js';
import { ReportingRemindersService } from './reporting-reminders.service.js';

/** The reminder sweep and the two tables: used by the worker's processor and by the schedules API. */
@Module({
  imports: [
    TypeOrmModule.forFeature([ReportingScheduleEntity, ReportingReminderEntity]),
    AuditModule,
    CalendarModule,
    NotificationsModule,
  ],
  providers: [ReportingRemindersService],
  exports: [ReportingRemindersService],
})
export class ReportingRemindersModule {}
