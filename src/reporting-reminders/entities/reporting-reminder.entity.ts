import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { LocalDate } from '../../common/domain/local-date.js';
import { CODE_COLUMN, CREATED_AT, ID_COLUMN } from '../../database/columns.js';
import { UnitEntity } from '../../units/unit.entity.js';

/**
 * One reminder sent (the sweep's ledger): unique by its notification source key, so a second sweep, a
 * job delivered twice or a crash after the commit never sends it again.
 */
@Entity({ name: 'reporting_reminders' })
@Index('uq_reporting_reminders_source_key', ['sourceKey'], { unique: true })
@Index('idx_reporting_reminders_last_day', ['lastDay'])
export class ReportingReminderEntity {
  @PrimaryColumn({ ...ID_COLUMN, primaryKeyConstraintName: 'pk_reporting_reminders' })
  id: string;

  /** The agency reminded. */
  @Column(ID_COLUMN)
  unitId: string;

  @ManyToOne(() => UnitEntity, { onDelete: 'RESTRICT', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'unit_id', foreignKeyConstraintName: 'fk_reporting_reminders_unit_id' })
  unit?: UnitEntity;

  @Column({ type: 'varchar', length: 100, charset: 'ascii', collation: 'ascii_bin' })
  sourceKey: string;

  @Column(CODE_COLUMN())
  periodKind: string;

  @Column({ type: 'smallint' })
  periodYear: number;

  /** Month or quarter; null for six months, nine months, year. */
  @Column({ type: 'tinyint', nullable: true })
  periodIndex: number | null;

  @Column({ type: 'date' })
  dueBefore: LocalDate;

  @Column({ type: 'date' })
  lastDay: LocalDate;

  @Column({ type: 'smallint' })
  daysBefore: number;

  /** The reminder day it was for; `sentOn` later when a missed sweep caught up. */
  @Column({ type: 'date' })
  remindOn: LocalDate;

  @Column({ type: 'date' })
  sentOn: LocalDate;

  /** How many accounts it went to (0: the agency had nobody in the roles). */
  @Column({ type: 'int' })
  recipients: number;

  @CreateDateColumn(CREATED_AT)
  createdAt: Date;
}
