import { Module } from '@nestjs/common';
import { UnitCalendarService } from './unit-calendar.service.js';

@Module({
  providers: [UnitCalendarService],
  exports: [UnitCalendarService],
})
export class CalendarModule {}
