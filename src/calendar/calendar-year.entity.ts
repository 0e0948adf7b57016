import { ID_COLUMN } from '../database/columns.js';
import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { CalendarScopeEntity } from './calendar-scope.entity.js';

/**
 * A scope's statement about one year: confirmed (the published layout is entered) or explicitly
 * provisional. The nearest scope with a statement decides for a unit; without any, 2025 and 2026 are
 * confirmed (built in) and every other year is provisional.
 */
@Entity({ name: 'calendar_years' })
export class CalendarYearEntity {
  @PrimaryColumn({
    type: 'varchar',
    length: 36,
    charset: 'ascii',
    collation: 'ascii_bin',
    primaryKeyConstraintName: 'pk_calendar_years',
  })
  scopeKey: string;

  @PrimaryColumn({ type: 'smallint', unsigned: true, primaryKeyConstraintName: 'pk_calendar_years' })
  year: number;

  @ManyToOne(() => CalendarScopeEntity, { onDelete: 'RESTRICT', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'scope_key', foreignKeyConstraintName: 'fk_calendar_years_scope_key' })
  scope?: CalendarScopeEntity;

  @Column({ type: 'boolean' })
  confirmed: boolean;

  /** Who made the statement (null: the system). */
  @Column({ ...ID_COLUMN, nullable: true })
  decidedByUserId: string | null;

  @Column({ type: 'datetime', precision: 3 })
  decidedAt: Date;
}
