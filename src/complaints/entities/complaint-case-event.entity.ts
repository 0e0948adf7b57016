import { Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { CaseStepColumns } from '../../cases/entities/case-step-columns.js';
import { ID_COLUMN } from '../../database/columns.js';
import { UserEntity } from '../../users/user.entity.js';
import type { ComplaintState } from '../domain/complaint-lifecycle.js';
import { ComplaintCaseEntity } from './complaint-case.entity.js';

/** One step of a complaint case (the step log: cases/entities/case-step-columns.ts). */
@Entity({ name: 'complaint_case_events' })
@Index('uq_complaint_case_events_sequence', ['caseId', 'sequence'], { unique: true })
export class ComplaintCaseEventEntity extends CaseStepColumns<ComplaintState> {
  @PrimaryColumn({ ...ID_COLUMN, primaryKeyConstraintName: 'pk_complaint_case_events' })
  id: string;

  @ManyToOne(() => ComplaintCaseEntity, { onDelete: 'RESTRICT', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'case_id', foreignKeyConstraintName: 'fk_complaint_case_events_case_id' })
  complaintCase?: ComplaintCaseEntity;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'actor_user_id', foreignKeyConstraintName: 'fk_complaint_case_events_actor' })
  actor?: UserEntity | null;
}
