import {
  Column,
  CreateDateColumn,
  Entity,
  JoinColumn,
  OneToOne,
  PrimaryColumn,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';
import { CODE_COLUMN, CREATED_AT, ID_COLUMN, UPDATED_AT } from '../../database/columns.js';
import { UnitEntity } from '../../units/unit.entity.js';
import type { ReminderRecipient, ScheduledReport } from '../domain/reminder-days.js';

/**
 * An agency's reporting schedule: which periodic reports it owes and when, how many days ahead and whom
 * to remind. At most one per agency unit; an agency without one follows the defaults of
 * reports/domain/periods.ts (docs/reports.md).
 */
@Entity({ name: 'reporting_schedules' })
export class ReportingScheduleEntity {
  /** The agency (a unit of kind province, commune or agency). */
  @PrimaryColumn({ ...ID_COLUMN, primaryKeyConstraintName: 'pk_reporting_schedules' })
  unitId: string;

  @OneToOne(() => UnitEntity, { onDelete: 'RESTRICT', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'unit_id', foreignKeyConstraintName: 'fk_reporting_schedules_unit_id' })
  unit?: UnitEntity;

  @Column({ type: 'boolean' })
  enabled: boolean;

  /** The data cut-off rule by name: `nd09`, `calendar` or `national_assembly`. */
  @Column(CODE_COLUMN(40))
  cutoff: string;

  /** `[{ kind, rule }]` or `[{ kind, rules: [...] }]` (periods.ts DeadlineRule). */
  @Column({ type: 'json' })
  reports: ScheduledReport[];

  /** Calendar days before the last day, e.g. `[10, 3, 1, 0]`. */
  @Column({ type: 'json' })
  remindDaysBefore: number[];

  @Column({ type: 'json' })
  recipients: ReminderRecipient[];

  @VersionColumn({ default: 1 })
  version: number;

  @CreateDateColumn(CREATED_AT)
  createdAt: Date;

  @UpdateDateColumn(UPDATED_AT)
  updatedAt: Date;
}
