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
import { UnitEntity } from '../../units/unit.entity.js';
import type { NonWorkingDayPolicy, Recurrence } from '../domain/recurrence.js';
import type { SessionMode } from '../domain/session.js';
import { CODE_COLUMN, CREATED_AT, ID_COLUMN, UPDATED_AT } from '../../database/columns.js';
import { ReceptionPlaceEntity } from './reception-place.entity.js';

export type ScheduleKind = 'regular' | 'periodic';

export interface Person {
  name: string;
  title: string | null;
}

export interface TimeSlot {
  startTime: string;
  endTime: string;
}

/**
 * A standing reception schedule of a unit, valid over a date range:
 * - `regular` (thường xuyên): officers on every working day, in the given time slots; shown on the public
 *   calendar as standing hours, not as sessions;
 * - `periodic` (định kỳ): the head, on the days of a recurrence; expanded into sessions when created.
 */
@Entity({ name: 'reception_schedules' })
@Index('idx_reception_schedules_unit_valid', ['unitId', 'validFrom'])
@Index('idx_reception_schedules_place_id', ['placeId'])
export class ReceptionScheduleEntity {
  @PrimaryColumn({ ...ID_COLUMN, primaryKeyConstraintName: 'pk_reception_schedules' })
  id: string;

  @Column(ID_COLUMN)
  unitId: string;

  @ManyToOne(() => UnitEntity, { onDelete: 'RESTRICT', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'unit_id', foreignKeyConstraintName: 'fk_reception_schedules_unit_id' })
  unit?: UnitEntity;

  @Column(CODE_COLUMN())
  kind: ScheduleKind;

  @Column(CODE_COLUMN())
  mode: SessionMode;

  @Column({ ...ID_COLUMN, nullable: true })
  placeId: string | null;

  @ManyToOne(() => ReceptionPlaceEntity, { onDelete: 'RESTRICT', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'place_id', foreignKeyConstraintName: 'fk_reception_schedules_place_id' })
  place?: ReceptionPlaceEntity | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  onlineUrl: string | null;

  @Column({ type: 'json' })
  recurrence: Recurrence;

  @Column(CODE_COLUMN())
  nonWorkingDayPolicy: NonWorkingDayPolicy;

  @Column({ type: 'json' })
  slots: TimeSlot[];

  @Column({ type: 'date' })
  validFrom: LocalDate;

  @Column({ type: 'date' })
  validUntil: LocalDate;

  /** Who receives: the head (periodic), or the officer in charge (regular). */
  @Column({ type: 'varchar', length: 255, nullable: true })
  receiverName: string | null;

  @Column({ type: 'varchar', length: 255, nullable: true })
  receiverTitle: string | null;

  @Column({ type: 'json' })
  officers: Person[];

  @Column({ type: 'varchar', length: 1000, nullable: true })
  topics: string | null;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  /** Ended early: from this date its sessions were cancelled. */
  @Column({ type: 'date', nullable: true })
  endedFrom: LocalDate | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  endReason: string | null;

  @CreateDateColumn(CREATED_AT)
  createdAt: Date;

  @UpdateDateColumn(UPDATED_AT)
  updatedAt: Date;

  @VersionColumn({ default: 1 })
  version: number;
}
