import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { LocalDate } from '../../common/domain/local-date.js';
import { CODE_COLUMN, CREATED_AT, ID_COLUMN } from '../../database/columns.js';
import { UserEntity } from '../../users/user.entity.js';
import type { ComplaintState } from '../domain/complaint-lifecycle.js';
import { ComplaintCaseEntity } from './complaint-case.entity.js';

/** One step of a complaint case: who, when, under which document and legal basis, from which state to which. */
@Entity({ name: 'complaint_case_events' })
@Index('uq_complaint_case_events_sequence', ['caseId', 'sequence'], { unique: true })
export class ComplaintCaseEventEntity {
  @PrimaryColumn({ ...ID_COLUMN, primaryKeyConstraintName: 'pk_complaint_case_events' })
  id: string;

  @Column(ID_COLUMN)
  caseId: string;

  @ManyToOne(() => ComplaintCaseEntity, { onDelete: 'RESTRICT', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'case_id', foreignKeyConstraintName: 'fk_complaint_case_events_case_id' })
  complaintCase?: ComplaintCaseEntity;

  @Column({ type: 'smallint', unsigned: true })
  sequence: number;

  @Column(CODE_COLUMN(32))
  event: string;

  @Column({ ...CODE_COLUMN(32), nullable: true })
  fromState: ComplaintState | null;

  @Column(CODE_COLUMN(32))
  toState: ComplaintState;

  /** The date of the act (decision, receipt…), a local date. */
  @Column({ type: 'date' })
  eventDate: LocalDate;

  @Column({ type: 'varchar', length: 100, nullable: true })
  documentRef: string | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  legalBasis: string | null;

  @Column({ type: 'varchar', length: 2000, nullable: true })
  note: string | null;

  @Column({ ...ID_COLUMN, nullable: true })
  actorUserId: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'actor_user_id', foreignKeyConstraintName: 'fk_complaint_case_events_actor' })
  actor?: UserEntity | null;

  @CreateDateColumn(CREATED_AT)
  createdAt: Date;
}
