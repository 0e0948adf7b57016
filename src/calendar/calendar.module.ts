import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ClockModule } from '../common/clock.js';
import { UnitEntity } from '../units/unit.entity.js';
import { CalendarAccess } from './calendar-access.service.js';
import { CalendarChangeSubscribers } from './calendar-change-subscribers.js';
import { CalendarChangeEntity } from './calendar-change.entity.js';
import { CalendarEntryEntity } from './calendar-entry.entity.js';
import { CalendarScopeEntity } from './calendar-scope.entity.js';
import { CalendarStore } from './calendar-store.js';
import { CalendarYearEntity } from './calendar-year.entity.js';
import { UnitCalendarService } from './unit-calendar.service.js';

/**
 * Working-day calendars per unit, to read (`UnitCalendarService`), and the registry of calendar-change
 * subscribers. Needs only the database, so any module may import it (API, worker, command-line tools).
 * Changing calendars is CalendarAdminModule; the routes are CalendarApiModule.
 */
@Module({
  imports: [
    // UnitEntity: the target of calendar_scopes.unit_id, so contexts without UnitsModule know it.
    TypeOrmModule.forFeature([
      CalendarScopeEntity,
      CalendarEntryEntity,
      CalendarYearEntity,
      CalendarChangeEntity,
      UnitEntity,
    ]),
    ClockModule,
  ],
  providers: [UnitCalendarService, CalendarStore, CalendarAccess, CalendarChangeSubscribers],
  exports: [UnitCalendarService, CalendarStore, CalendarAccess, CalendarChangeSubscribers],
})
export class CalendarModule {}
