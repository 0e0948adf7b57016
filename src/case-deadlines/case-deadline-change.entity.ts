import { ID_COLUMN } from '../database/columns.js';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { CaseDeadlineEntity } from './case-deadline.entity.js';

/** Every computation of a deadline, old and new dates side by side: why a due date is what it is. */
@Entity({ name: 'case_deadline_changes' })
@Index('idx_case_deadline_changes_deadline', ['deadlineId', 'version'])
@Index('idx_case_deadline_changes_calendar_change', ['calendarChangeId'])
export class CaseDeadlineChangeEntity {
  @PrimaryGeneratedColumn({
    type: 'bigint',
    unsigned: true,
    primaryKeyConstraintName: 'pk_case_deadline_changes',
  })
  id: string;

  @Column(ID_COLUMN)
  deadlineId: string;

  @ManyToOne(() => CaseDeadlineEntity, { onDelete: 'RESTRICT', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'deadline_id', foreignKeyConstraintName: 'fk_case_deadline_changes_deadline_id' })
  deadline?: CaseDeadlineEntity;

  @Column({ type: 'int', unsigned: true })
  version: number;

  /** opened | paused | continued | flags_changed | calendar_changed | settled | target_set */
  @Column({ type: 'varchar', length: 40, charset: 'ascii', collation: 'ascii_bin' })
  reason: string;

  @Column({ type: 'date', nullable: true })
  previousDue: string | null;

  @Column({ type: 'date' })
  newDue: string;

  @Column({ type: 'date', nullable: true })
  previousRawEnd: string | null;

  @Column({ type: 'date' })
  newRawEnd: string;

  @Column({ type: 'varchar', length: 64, charset: 'ascii', collation: 'ascii_bin' })
  calendarVersion: string;

  @Column({ ...ID_COLUMN, nullable: true })
  actorUserId: string | null;

  /** The calendar change (`calendar_changes.id`) behind a `calendar_changed` row; null otherwise. */
  @Column({ ...ID_COLUMN, nullable: true })
  calendarChangeId: string | null;

  @Column({ type: 'datetime', precision: 3, default: () => 'CURRENT_TIMESTAMP(3)' })
  changedAt: Date;
}
