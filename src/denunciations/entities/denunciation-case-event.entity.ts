import { Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { CaseStepColumns } from '../../cases/entities/case-step-columns.js';
import { ID_COLUMN } from '../../database/columns.js';
import { UserEntity } from '../../users/user.entity.js';
import type { DenunciationState } from '../domain/denunciation-lifecycle.js';
import { DenunciationCaseEntity } from './denunciation-case.entity.js';

/** One step of a denunciation case (the step log: cases/entities/case-step-columns.ts). */
@Entity({ name: 'denunciation_case_events' })
@Index('uq_denunciation_case_events_sequence', ['caseId', 'sequence'], { unique: true })
export class DenunciationCaseEventEntity extends CaseStepColumns<DenunciationState> {
  @PrimaryColumn({ ...ID_COLUMN, primaryKeyConstraintName: 'pk_denunciation_case_events' })
  id: string;

  @ManyToOne(() => DenunciationCaseEntity, { onDelete: 'RESTRICT', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'case_id', foreignKeyConstraintName: 'fk_denunciation_case_events_case_id' })
  denunciationCase?: DenunciationCaseEntity;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'actor_user_id', foreignKeyConstraintName: 'fk_denunciation_case_events_actor' })
  actor?: UserEntity | null;
}
