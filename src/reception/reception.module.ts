import { Module } from '@nestjs/common';
import { NationalOutboxModule } from '../national-sync/national-outbox.module.js';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module.js';
import { CalendarModule } from '../calendar/calendar.module.js';
import { RECEPTION_ENTITIES } from './reception-entities.js';
import { HeadDutyService } from './head-duty.service.js';
import { PublicCalendarCache } from './public/public-calendar.cache.js';
import { PublicCalendarController } from './public/public-calendar.controller.js';
import { PublicCalendarService } from './public/public-calendar.service.js';
import { ReceptionBookController } from './reception-book.controller.js';
import { ReceptionBookService } from './reception-book.service.js';
import { ClockModule } from '../common/clock.js';
import { ReceptionPlacesService } from './reception-places.service.js';
import { ReceptionSchedulesController } from './reception-schedules.controller.js';
import { ReceptionSchedulesService } from './reception-schedules.service.js';
import { ReceptionSessionsService } from './reception-sessions.service.js';

/** Citizen reception: places, schedules, sessions, the head's duty, the reception book, the public calendar. */
@Module({
  imports: [
    NationalOutboxModule,
    ClockModule,
    TypeOrmModule.forFeature(RECEPTION_ENTITIES),
    AuditModule,
    CalendarModule,
  ],
  controllers: [ReceptionSchedulesController, ReceptionBookController, PublicCalendarController],
  providers: [
    PublicCalendarCache,
    PublicCalendarService,
    HeadDutyService,
    ReceptionPlacesService,
    ReceptionSessionsService,
    ReceptionSchedulesService,
    ReceptionBookService,
  ],
  exports: [
    ReceptionSessionsService,
    ReceptionSchedulesService,
    ReceptionBookService,
    ReceptionPlacesService,
  ],
})
export class ReceptionModule {}
