import { ID_COLUMN } from '../database/columns.js';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * The outbox of calendar changes (ADR 0004): one row per committed change, written in the change's
 * own transaction. A job (`calendar/calendar-change`, id `calendar-change-<id>`) tells the
 * subscribers (case deadlines) and sets `processed_at`; a periodic sweep re-enqueues rows a crash or
 * a Redis outage left unprocessed.
 */
@Entity({ name: 'calendar_changes' })
@Index('idx_calendar_changes_pending', ['processedAt', 'createdAt'])
export class CalendarChangeEntity {
  @PrimaryColumn({ ...ID_COLUMN, primaryKeyConstraintName: 'pk_calendar_changes' })
  id: string;

  /** `national` or a unit id: the calendars of that unit's subtree (or of every unit) changed. */
  @Column({ type: 'varchar', length: 36, charset: 'ascii', collation: 'ascii_bin' })
  scopeKey: string;

  /** null for the national scope. */
  @Column({ ...ID_COLUMN, nullable: true })
  unitId: string | null;

  /** The scope's revision after the change. */
  @Column({ type: 'int', unsigned: true })
  revision: number;

  /** What happened: `entry.set`, `entry.remove`, `year.set`, `year.remove`, `import`. */
  @Column({ type: 'varchar', length: 40, charset: 'ascii', collation: 'ascii_bin' })
  reason: string;

  /** The earliest date whose status may have changed: deadlines ending before it are unaffected. */
  @Column({ type: 'date' })
  firstAffectedDate: string;

  @Column({ type: 'datetime', precision: 3 })
  createdAt: Date;

  @Column({ type: 'datetime', precision: 3, nullable: true })
  processedAt: Date | null;
}
