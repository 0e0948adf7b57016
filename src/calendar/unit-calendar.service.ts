import { Injectable } from '@nestjs/common';
import { nationalCalendar } from './domain/national-calendar.js';
import type { WorkingCalendar } from './domain/working-calendar.js';

/**
 * The working calendar that applies to a unit: the national public-sector calendar with the overrides
 * of the unit and its ancestors. Every deadline, recurrence and "working day" question goes through here.
 *
 * Contract (kept stable for callers): `calendarFor(unitId)` resolves the unit's effective calendar.
 */
@Injectable()
export class UnitCalendarService {
  async calendarFor(_unitId: string): Promise<WorkingCalendar> {
    // Per-unit overrides arrive with calendar administration (issue 4); until then every unit follows
    // the national calendar.
    return nationalCalendar();
  }
}
