import { ID_COLUMN } from '../database/columns.js';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { CalendarEntryKind } from './domain/working-calendar.js';
import { CalendarScopeEntity } from './calendar-scope.entity.js';

/**
 * One date that a scope sets: a day off (holiday, nghỉ bù, swapped or local day off) or a make-up
 * working day (làm bù; on a weekday it cancels an inherited day off). At most one per scope and date;
 * the nearest scope wins (domain/calendar-layers.ts).
 */
@Entity({ name: 'calendar_entries' })
@Index('uq_calendar_entries_scope_date', ['scopeKey', 'date'], { unique: true })
export class CalendarEntryEntity {
  @PrimaryColumn({ ...ID_COLUMN, primaryKeyConstraintName: 'pk_calendar_entries' })
  id: string;

  @Column({ type: 'varchar', length: 36, charset: 'ascii', collation: 'ascii_bin' })
  scopeKey: string;

  @ManyToOne(() => CalendarScopeEntity, { onDelete: 'RESTRICT', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'scope_key', foreignKeyConstraintName: 'fk_calendar_entries_scope_key' })
  scope?: CalendarScopeEntity;

  /** `'YYYY-MM-DD'` (DATE, read back as a string). */
  @Column({ type: 'date' })
  date: string;

  @Column({ type: 'varchar', length: 24, charset: 'ascii', collation: 'ascii_bin' })
  kind: CalendarEntryKind;

  @Column({ type: 'varchar', length: 255 })
  name: string;

  /** Who set it last (null: the system). */
  @Column({ ...ID_COLUMN, nullable: true })
  changedByUserId: string | null;

  @Column({ type: 'datetime', precision: 3 })
  changedAt: Date;
}
