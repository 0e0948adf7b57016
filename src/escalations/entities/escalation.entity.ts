import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { CaseDeadlineEntity } from '../../case-deadlines/case-deadline.entity.js';
import { CODE_COLUMN, CREATED_AT, ID_COLUMN } from '../../database/columns.js';

/**
 * One level of the ladder for one version of one deadline: fired (its notifications were written in the
 * same transaction) or skipped (a higher level went out instead). The unique key is what makes a level
 * fire exactly once; a deadline that moves gets a new version and is escalated afresh.
 */
@Entity({ name: 'escalations' })
@Index('uq_escalations_deadline_version_level', ['deadlineId', 'deadlineVersion', 'level'], { unique: true })
@Index('idx_escalations_unit_created', ['unitId', 'createdAt'])
export class EscalationEntity {
  @PrimaryColumn({ ...ID_COLUMN, primaryKeyConstraintName: 'pk_escalations' })
  id: string;

  @Column(ID_COLUMN)
  deadlineId: string;

  @ManyToOne(() => CaseDeadlineEntity, { onDelete: 'RESTRICT', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'deadline_id', foreignKeyConstraintName: 'fk_escalations_deadline_id' })
  deadline?: CaseDeadlineEntity;

  @Column({ type: 'int', unsigned: true })
  deadlineVersion: number;

  @Column({ type: 'tinyint', unsigned: true })
  level: number;

  @Column(CODE_COLUMN())
  status: 'fired' | 'skipped';

  @Column(ID_COLUMN)
  unitId: string;

  /** The due date the level was computed from. */
  @Column({ type: 'date' })
  dueDate: string;

  @Column({ type: 'smallint', unsigned: true, default: 0 })
  recipients: number;

  @CreateDateColumn(CREATED_AT)
  createdAt: Date;
}
