import { Module } from '@nestjs/common';
import { CalendarAdminModule } from './calendar-admin.module.js';
import { CalendarsController } from './calendars.controller.js';

/** The calendar routes (`/api/v1/calendars…`), API process only. */
@Module({
  imports: [CalendarAdminModule],
  controllers: [CalendarsController],
})
export class CalendarApiModule {}
