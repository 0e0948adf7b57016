import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { LocalDate } from '../common/domain/local-date.js';

/** One committed calendar change, as the outbox row `calendar_changes` holds it. */
export interface CalendarChange {
  id: string;
  /** `national` or a unit id. */
  scopeKey: string;
  /**
   * The unit whose subtree's calendars changed; null for a national change (every unit, except on the
   * dates a unit overrides itself).
   */
  unitId: string | null;
  /** The scope's revision after the change. */
  revision: number;
  /** `entry.set`, `entry.remove`, `year.set`, `year.remove`, `import`. */
  reason: string;
  /** The earliest date whose status may have changed; deadlines due before it cannot move. */
  firstAffectedDate: LocalDate;
  createdAt: Date;
}

/**
 * Something that must react when a calendar changes — the case deadlines, which recompute open
 * deadlines of the affected units that run past `firstAffectedDate`.
 *
 * Called once per change, from the worker, inside the transaction that marks the change processed:
 * write through `manager` and the effect commits exactly once with that mark. Throwing rolls the mark
 * back and the job is retried (8 attempts, back-off), so the work must also tolerate being retried after
 * a failure.
 */
export interface CalendarChangeSubscriber {
  /** For logs. */
  readonly subscriberName: string;
  onCalendarChanged(change: CalendarChange, manager: EntityManager): Promise<void>;
}

/**
 * The subscribers of calendar changes. A feature registers itself when its module starts:
 *
 * ```ts
 * @Injectable()
 * export class CaseDeadlineRecomputer implements CalendarChangeSubscriber, OnModuleInit {
 *   readonly subscriberName = 'case-deadlines';
 *   constructor(private readonly subscribers: CalendarChangeSubscribers) {}
 *   onModuleInit() { this.subscribers.register(this); }
 *   async onCalendarChanged(change: CalendarChange, manager: EntityManager) { … }
 * }
 * ```
 */
@Injectable()
export class CalendarChangeSubscribers {
  private readonly subscribers: CalendarChangeSubscriber[] = [];

  /** Adds a subscriber; returns a function that removes it again. */
  register(subscriber: CalendarChangeSubscriber): () => void {
    this.subscribers.push(subscriber);
    return () => {
      const i = this.subscribers.indexOf(subscriber);
      if (i >= 0) this.subscribers.splice(i, 1);
    };
  }

  all(): readonly CalendarChangeSubscriber[] {
    return [...this.subscribers];
  }
}
