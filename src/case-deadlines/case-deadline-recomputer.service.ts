import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { SYSTEM_ACTOR } from '../auth/domain/actor.js';
import {
  CalendarChangeSubscribers,
  type CalendarChange,
  type CalendarChangeSubscriber,
} from '../calendar/calendar-change-subscribers.js';
import { CaseDeadlinesService } from './case-deadlines.service.js';

/**
 * Keeps running deadlines true to the calendar: when a unit's calendar (or the national one) changes,
 * every open or paused deadline of the affected units that runs past the first changed day is computed
 * again, with old and new dates kept in history. Runs in the worker, inside the transaction that marks
 * the change processed, so it happens exactly once per change.
 */
@Injectable()
export class CaseDeadlineRecomputer implements CalendarChangeSubscriber, OnModuleInit {
  readonly subscriberName = 'case-deadlines';

  constructor(
    private readonly subscribers: CalendarChangeSubscribers,
    private readonly deadlines: CaseDeadlinesService,
  ) {}

  onModuleInit(): void {
    this.subscribers.register(this);
  }

  async onCalendarChanged(change: CalendarChange, manager: EntityManager): Promise<void> {
    // A unit's change reaches its whole subtree; a national one every unit with running deadlines.
    const rows: { id: string }[] = change.unitId
      ? await manager.query('SELECT descendant_id AS id FROM unit_closure WHERE ancestor_id = ?', [
          change.unitId,
        ])
      : await manager.query(
          "SELECT DISTINCT unit_id AS id FROM case_deadlines WHERE status IN ('open', 'paused') AND due_date >= ?",
          [change.firstAffectedDate],
        );
    await this.deadlines.recomputeForCalendar(
      manager,
      SYSTEM_ACTOR,
      rows.map((r) => r.id),
      change.firstAffectedDate,
      change.id,
    );
  }
}
