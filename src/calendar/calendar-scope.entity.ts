import { ID_COLUMN } from '../database/columns.js';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { UnitEntity } from '../units/unit.entity.js';

/**
 * A calendar scope that has been changed at least once: the nation (`scope_key = 'national'`, no unit)
 * or one unit (`scope_key` = the unit's id). Every change in the scope bumps `revision` and sets
 * `last_change_id`, in the change's transaction; built calendars are cached by the `last_change_id` of
 * the scopes they are made of, so reading those is the whole cache check (unit-calendar.service.ts).
 */
@Entity({ name: 'calendar_scopes' })
@Index('uq_calendar_scopes_unit_id', ['unitId'], { unique: true })
export class CalendarScopeEntity {
  @PrimaryColumn({
    type: 'varchar',
    length: 36,
    charset: 'ascii',
    collation: 'ascii_bin',
    primaryKeyConstraintName: 'pk_calendar_scopes',
  })
  scopeKey: string;

  /** null for the national scope. */
  @Column({ ...ID_COLUMN, nullable: true })
  unitId: string | null;

  @ManyToOne(() => UnitEntity, { onDelete: 'RESTRICT', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'unit_id', foreignKeyConstraintName: 'fk_calendar_scopes_unit_id' })
  unit?: UnitEntity | null;

  @Column({ type: 'int', unsigned: true, default: 0 })
  revision: number;

  /**
   * The id of the scope's latest change (`calendar_changes.id`, a UUIDv7): the cache key of the
   * calendars built from this scope. Unlike `revision` it never repeats — not after a table is emptied,
   * not after a restore (a restored id names exactly the content it had) — so a cached calendar can
   * never be served for different content.
   */
  @Column({ ...ID_COLUMN, nullable: true })
  lastChangeId: string | null;

  @Column({ type: 'datetime', precision: 3 })
  updatedAt: Date;
}
