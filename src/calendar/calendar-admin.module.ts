import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module.js';
import { CalendarAdminService } from './calendar-admin.service.js';
import { CalendarChangesService } from './calendar-changes.service.js';
import { CalendarModule } from './calendar.module.js';

/**
 * Changing calendars (audited) and the calendar-change hook: the outbox, its job and the sweep. Needs
 * the database and the queues (QueueModule): imported by the API routes and by the worker.
 */
@Module({
  imports: [CalendarModule, AuditModule],
  providers: [CalendarAdminService, CalendarChangesService],
  exports: [CalendarModule, CalendarAdminService, CalendarChangesService],
})
export class CalendarAdminModule {}
