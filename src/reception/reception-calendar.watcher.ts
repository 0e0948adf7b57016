import { Injectable, Module, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  CalendarChangeSubscribers,
  type CalendarChange,
  type CalendarChangeSubscriber,
} from '../calendar/calendar-change-subscribers.js';
import { CalendarModule } from '../calendar/calendar.module.js';
import { UnitCalendarService } from '../calendar/unit-calendar.service.js';

/**
 * Sessions are laid out on the calendar known when they were created — for a provisional year, the
 * computed Tết and swaps. When a calendar changes, every coming session of the affected units is
 * checked again: one that now falls on a day off is flagged (`calendar_conflict`) for an officer to move
 * or cancel (a public change, so not done silently); one whose conflict went away is cleared. Runs in the
 * worker, in the transaction that marks the change processed: once per change.
 */
@Injectable()
export class ReceptionCalendarWatcher implements CalendarChangeSubscriber, OnModuleInit {
  readonly subscriberName = 'reception-sessions';

  constructor(
    private readonly subscribers: CalendarChangeSubscribers,
    private readonly calendars: UnitCalendarService,
  ) {}

  onModuleInit(): void {
    this.subscribers.register(this);
  }

  async onCalendarChanged(change: CalendarChange, manager: EntityManager): Promise<void> {
    const scope = change.unitId
      ? 'unit_id IN (SELECT descendant_id FROM unit_closure WHERE ancestor_id = ?)'
      : '1 = 1';
    const sessions: { id: string; unit_id: string; session_date: string; calendar_conflict: number }[] =
      await manager.query(
        `SELECT id, unit_id, session_date, calendar_conflict FROM reception_sessions
         WHERE ${scope} AND status <> 'cancelled' AND session_date >= ? FOR UPDATE`,
        change.unitId ? [change.unitId, change.firstAffectedDate] : [change.firstAffectedDate],
      );
    const calendars = new Map<string, Awaited<ReturnType<UnitCalendarService['calendarFor']>>>();
    for (const s of sessions) {
      let calendar = calendars.get(s.unit_id);
      if (!calendar)
        calendars.set(s.unit_id, (calendar = await this.calendars.calendarFor(s.unit_id, manager)));
      const conflict = calendar.contains(s.session_date) && !calendar.isWorkingDay(s.session_date);
      if (conflict !== Boolean(s.calendar_conflict)) {
        await manager.query('UPDATE reception_sessions SET calendar_conflict = ? WHERE id = ?', [
          conflict,
          s.id,
        ]);
      }
    }
  }
}

/** What the worker needs to keep sessions true to the calendar. */
@Module({ imports: [CalendarModule], providers: [ReceptionCalendarWatcher] })
export class ReceptionCalendarWatchModule {}
