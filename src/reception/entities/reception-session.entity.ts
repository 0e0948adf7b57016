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
import type { SessionKind, SessionMode, SessionStatus } from '../domain/session.js';
import { CODE_COLUMN, CREATED_AT, ID_COLUMN, UPDATED_AT } from '../../database/columns.js';
import { ReceptionPlaceEntity } from './reception-place.entity.js';
import { ReceptionScheduleEntity, type Person } from './reception-schedule.entity.js';

/**
 * One reception session (buổi tiếp): a periodic session of the head (generated from a schedule or added
 * by hand) or an ad hoc one; direct or online. Everything here is public except the posting flags.
 */
@Entity({ name: 'reception_sessions' })
@Index('idx_reception_sessions_unit_date', ['unitId', 'sessionDate'])
@Index('idx_reception_sessions_date', ['sessionDate'])
@Index('idx_reception_sessions_original_date', ['originalDate'])
@Index('idx_reception_sessions_place_id', ['placeId'])
@Index('uq_reception_sessions_schedule_nominal', ['scheduleId', 'nominalDate'], { unique: true })
export class ReceptionSessionEntity {
  @PrimaryColumn({ ...ID_COLUMN, primaryKeyConstraintName: 'pk_reception_sessions' })
  id: string;

  @Column(ID_COLUMN)
  unitId: string;

  @ManyToOne(() => UnitEntity, { onDelete: 'RESTRICT', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'unit_id', foreignKeyConstraintName: 'fk_reception_sessions_unit_id' })
  unit?: UnitEntity;

  @Column({ ...ID_COLUMN, nullable: true })
  scheduleId: string | null;

  @ManyToOne(() => ReceptionScheduleEntity, { onDelete: 'RESTRICT', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'schedule_id', foreignKeyConstraintName: 'fk_reception_sessions_schedule_id' })
  schedule?: ReceptionScheduleEntity | null;

  @Column(CODE_COLUMN())
  kind: SessionKind;

  @Column(CODE_COLUMN())
  mode: SessionMode;

  @Column({ ...ID_COLUMN, nullable: true })
  placeId: string | null;

  @ManyToOne(() => ReceptionPlaceEntity, { onDelete: 'RESTRICT', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'place_id', foreignKeyConstraintName: 'fk_reception_sessions_place_id' })
  place?: ReceptionPlaceEntity | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  onlineUrl: string | null;

  /** The day it takes place (after any postponement). */
  @Column({ type: 'date' })
  sessionDate: LocalDate;

  /** `HH:MM:SS` as the driver returns TIME; written as `HH:MM`. */
  @Column({ type: 'time' })
  startTime: string;

  @Column({ type: 'time' })
  endTime: string;

  /** For a session of a schedule: the day the recurrence names (unique per schedule: expansion is idempotent). */
  @Column({ type: 'date', nullable: true })
  nominalDate: LocalDate | null;

  /** Why the nominal day was not used (a holiday's name). */
  @Column({ type: 'varchar', length: 255, nullable: true })
  movedReason: string | null;

  /** Set when postponed: the first date and time it was published with. */
  @Column({ type: 'date', nullable: true })
  originalDate: LocalDate | null;

  @Column({ type: 'time', nullable: true })
  originalStartTime: string | null;

  @Column({ type: 'varchar', length: 255 })
  receiverName: string;

  @Column({ type: 'varchar', length: 255, nullable: true })
  receiverTitle: string | null;

  @Column({ type: 'json' })
  officers: Person[];

  @Column({ type: 'varchar', length: 1000, nullable: true })
  topics: string | null;

  /** A note for the public (what else to bring, access). */
  @Column({ type: 'varchar', length: 1000, nullable: true })
  publicNote: string | null;

  @Column(CODE_COLUMN())
  status: SessionStatus;

  /** Why it was cancelled or postponed; shown to the public. */
  @Column({ type: 'varchar', length: 500, nullable: true })
  statusReason: string | null;

  /** iCalendar SEQUENCE: raised on every change the public sees. */
  @Column({ type: 'int', unsigned: true, default: 0 })
  sequence: number;

  /** The day the session (or its last move) was published, in Asia/Ho_Chi_Minh. */
  @Column({ type: 'date' })
  publishedOn: LocalDate;

  /** The last day it should have been published (TCD-1 / TCD-6), if a posting rule applies. */
  @Column({ type: 'date', nullable: true })
  postingDue: LocalDate | null;

  /** Published (or moved) inside the posting window. */
  @Column({ type: 'boolean', default: false })
  postedLate: boolean;

  /**
   * The session's day stopped being a working day of its unit after a calendar change (e.g. the official
   * layout of a provisional year arrived): an officer must move or cancel it. Set by the worker.
   */
  @Column({ type: 'boolean', default: false })
  calendarConflict: boolean;

  @CreateDateColumn(CREATED_AT)
  createdAt: Date;

  @UpdateDateColumn(UPDATED_AT)
  updatedAt: Date;

  @VersionColumn({ default: 1 })
  version: number;
}
