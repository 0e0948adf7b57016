import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  VersionColumn,
} from 'typeorm';
import { CODE_COLUMN, CREATED_AT, ID_COLUMN } from '../../database/columns.js';
import { LetterEntity } from '../../letters/entities/letter.entity.js';
import { UnitEntity } from '../../units/unit.entity.js';
import { UserEntity } from '../../users/user.entity.js';

export type RevealStatus = 'pending' | 'approved' | 'refused';

/**
 * A request to see a denouncer's identity: the reason, the custodian's decision, and — when approved —
 * until when the requester may see it. Access ends by itself at `expiresAt`.
 */
@Entity({ name: 'identity_reveal_requests' })
@Index('idx_identity_reveal_requests_letter_requester', ['letterId', 'requestedByUserId', 'status'])
@Index('idx_identity_reveal_requests_unit_status', ['unitId', 'status'])
export class IdentityRevealRequestEntity {
  @PrimaryColumn({ ...ID_COLUMN, primaryKeyConstraintName: 'pk_identity_reveal_requests' })
  id: string;

  @Column(ID_COLUMN)
  letterId: string;

  @ManyToOne(() => LetterEntity, { onDelete: 'RESTRICT', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'letter_id', foreignKeyConstraintName: 'fk_identity_reveal_requests_letter_id' })
  letter?: LetterEntity;

  /** The letter's unit: custodians see the requests of their units. */
  @Column(ID_COLUMN)
  unitId: string;

  @ManyToOne(() => UnitEntity, { onDelete: 'RESTRICT', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'unit_id', foreignKeyConstraintName: 'fk_identity_reveal_requests_unit_id' })
  unit?: UnitEntity;

  @Column(ID_COLUMN)
  requestedByUserId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT', onUpdate: 'RESTRICT' })
  @JoinColumn({
    name: 'requested_by_user_id',
    foreignKeyConstraintName: 'fk_identity_reveal_requests_requester',
  })
  requestedBy?: UserEntity;

  @Column({ type: 'varchar', length: 1000 })
  reason: string;

  /** Hours of access asked for. */
  @Column({ type: 'smallint', unsigned: true })
  hours: number;

  @Column(CODE_COLUMN())
  status: RevealStatus;

  @Column({ ...ID_COLUMN, nullable: true })
  decidedByUserId: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'decided_by_user_id', foreignKeyConstraintName: 'fk_identity_reveal_requests_decider' })
  decidedBy?: UserEntity | null;

  @Column({ type: 'datetime', precision: 3, nullable: true })
  decidedAt: Date | null;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  decisionNote: string | null;

  /** UTC instant access ends (approved requests). */
  @Column({ type: 'datetime', precision: 3, nullable: true })
  expiresAt: Date | null;

  @VersionColumn({ default: 1 })
  version: number;

  @CreateDateColumn(CREATED_AT)
  createdAt: Date;
}
