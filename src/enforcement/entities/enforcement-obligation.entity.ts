import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';
import type { LocalDate } from '../../common/domain/local-date.js';
import { CODE_COLUMN, CREATED_AT, ID_COLUMN, UPDATED_AT } from '../../database/columns.js';
import { UnitEntity } from '../../units/unit.entity.js';
import { EnforcementRecordEntity, type EnforcementStatus } from './enforcement-record.entity.js';

export const OBLIGATION_KINDS = ['restore_rights', 'pay', 'revoke_decision', 'discipline', 'other'] as const;
export type ObligationKind = (typeof OBLIGATION_KINDS)[number];

/**
 * Who must do what by when. Its deadline is a case_deadlines row (subject `enforcement_obligation`), so
 * the escalation ladder applies to it as to any statutory step.
 */
@Entity({ name: 'enforcement_obligations' })
@Index('uq_enforcement_obligations_position', ['recordId', 'position'], { unique: true })
@Index('idx_enforcement_obligations_owner_status', ['owningUnitId', 'status'])
export class EnforcementObligationEntity {
  @PrimaryColumn({ ...ID_COLUMN, primaryKeyConstraintName: 'pk_enforcement_obligations' })
  id: string;

  @Column(ID_COLUMN)
  recordId: string;

  @ManyToOne(() => EnforcementRecordEntity, { onDelete: 'RESTRICT', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'record_id', foreignKeyConstraintName: 'fk_enforcement_obligations_record_id' })
  record?: EnforcementRecordEntity;

  @Column({ type: 'smallint', unsigned: true })
  position: number;

  @Column(CODE_COLUMN(32))
  kind: ObligationKind;

  @Column({ type: 'varchar', length: 2000 })
  description: string;

  /** The unit that must carry it out. */
  @Column(ID_COLUMN)
  owningUnitId: string;

  @ManyToOne(() => UnitEntity, { onDelete: 'RESTRICT', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'owning_unit_id', foreignKeyConstraintName: 'fk_enforcement_obligations_owner' })
  owningUnit?: UnitEntity;

  @Column({ type: 'date' })
  dueDate: LocalDate;

  /** `engine` (a statutory rule, e.g. KN-11) or `resolver` (a date set in the decision). */
  @Column(CODE_COLUMN())
  dueSource: 'engine' | 'resolver';

  @Column({ ...ID_COLUMN, nullable: true })
  deadlineId: string | null;

  @Column(CODE_COLUMN())
  status: EnforcementStatus;

  @Column({ type: 'date', nullable: true })
  doneOn: LocalDate | null;

  @VersionColumn({ default: 1 })
  version: number;

  @CreateDateColumn(CREATED_AT)
  createdAt: Date;

  @UpdateDateColumn(UPDATED_AT)
  updatedAt: Date;
}
