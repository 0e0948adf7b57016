import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { LocalDate } from '../../common/domain/local-date.js';
import { CODE_COLUMN, CREATED_AT, ID_COLUMN } from '../../database/columns.js';
import { UserEntity } from '../../users/user.entity.js';
import { EnforcementObligationEntity } from './enforcement-obligation.entity.js';
import type { EnforcementStatus } from './enforcement-record.entity.js';

/** A progress report on an obligation, with the status it leaves and, optionally, evidence files. */
@Entity({ name: 'enforcement_updates' })
@Index('idx_enforcement_updates_obligation', ['obligationId', 'reportedOn'])
export class EnforcementUpdateEntity {
  @PrimaryColumn({ ...ID_COLUMN, primaryKeyConstraintName: 'pk_enforcement_updates' })
  id: string;

  @Column(ID_COLUMN)
  obligationId: string;

  @ManyToOne(() => EnforcementObligationEntity, { onDelete: 'RESTRICT', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'obligation_id', foreignKeyConstraintName: 'fk_enforcement_updates_obligation_id' })
  obligation?: EnforcementObligationEntity;

  @Column({ type: 'date' })
  reportedOn: LocalDate;

  @Column({ type: 'varchar', length: 4000 })
  note: string;

  @Column(CODE_COLUMN())
  statusAfter: EnforcementStatus;

  @Column({ ...ID_COLUMN, nullable: true })
  reportedByUserId: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'reported_by_user_id', foreignKeyConstraintName: 'fk_enforcement_updates_reporter' })
  reportedBy?: UserEntity | null;

  @CreateDateColumn(CREATED_AT)
  createdAt: Date;
}
