import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  OneToMany,
  PrimaryColumn,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';
import type { LocalDate } from '../../common/domain/local-date.js';
import { UnitEntity } from '../../units/unit.entity.js';
import { UserEntity } from '../../users/user.entity.js';
import type { ContentKind, Outcome } from '../domain/reception-book.js';
import { CODE_COLUMN, CREATED_AT, ID_COLUMN, UPDATED_AT } from '../../database/columns.js';
import { ReceptionMatterEntity } from './reception-matter.entity.js';
import { ReceptionSessionEntity } from './reception-session.entity.js';
import { ReceptionVisitCitizenEntity } from './reception-visit-citizen.entity.js';

/** One entry of the reception book (sổ tiếp công dân, Mẫu 03/TCD). Who came is in reception_visit_citizens. */
@Entity({ name: 'reception_visits' })
@Index('idx_reception_visits_unit_date', ['unitId', 'visitDate'])
@Index('uq_reception_visits_matter_number', ['matterId', 'visitNumber'], { unique: true })
@Index('idx_reception_visits_session_id', ['sessionId'])
@Index('idx_reception_visits_recorded_by', ['recordedByUserId'])
@Index('idx_reception_visits_anonymised_date', ['anonymisedAt', 'visitDate'])
export class ReceptionVisitEntity {
  @PrimaryColumn({ ...ID_COLUMN, primaryKeyConstraintName: 'pk_reception_visits' })
  id: string;

  @Column(ID_COLUMN)
  unitId: string;

  @ManyToOne(() => UnitEntity, { onDelete: 'RESTRICT', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'unit_id', foreignKeyConstraintName: 'fk_reception_visits_unit_id' })
  unit?: UnitEntity;

  @Column(ID_COLUMN)
  matterId: string;

  @ManyToOne(() => ReceptionMatterEntity, { onDelete: 'RESTRICT', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'matter_id', foreignKeyConstraintName: 'fk_reception_visits_matter_id' })
  matter?: ReceptionMatterEntity;

  /** 1 for the visit that opened the matter, 2, 3… for repeat visits. */
  @Column({ type: 'smallint', unsigned: true })
  visitNumber: number;

  @Column({ ...ID_COLUMN, nullable: true })
  sessionId: string | null;

  @ManyToOne(() => ReceptionSessionEntity, { onDelete: 'RESTRICT', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'session_id', foreignKeyConstraintName: 'fk_reception_visits_session_id' })
  session?: ReceptionSessionEntity | null;

  @Column({ type: 'date' })
  visitDate: LocalDate;

  @Column({ type: 'time' })
  visitTime: string;

  @Column({ type: 'varchar', length: 255 })
  receivingOfficerName: string;

  @Column({ type: 'varchar', length: 255, nullable: true })
  receivingOfficerTitle: string | null;

  @Column({ ...ID_COLUMN, nullable: true })
  recordedByUserId: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'recorded_by_user_id', foreignKeyConstraintName: 'fk_reception_visits_recorded_by' })
  recordedBy?: UserEntity | null;

  /** People who came about the same content (Mẫu 03/TCD column 7). */
  @Column({ type: 'smallint', unsigned: true })
  peopleCount: number;

  @Column({ type: 'varchar', length: 4000 })
  summary: string;

  @Column(CODE_COLUMN())
  contentKind: ContentKind;

  /** Bodies that have already handled the matter (column 8). */
  @Column({ type: 'varchar', length: 1000, nullable: true })
  earlierHandling: string | null;

  @Column({ type: 'boolean' })
  withinCompetence: boolean;

  @Column(CODE_COLUMN())
  outcome: Outcome;

  @Column({ type: 'varchar', length: 500, nullable: true })
  guidanceBody: string | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  guidanceRef: string | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  transferBody: string | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  transferRef: string | null;

  @Column({ ...CODE_COLUMN(40), nullable: true })
  refusalGround: string | null;

  /** TCD-2: answer the citizen by this day. */
  @Column({ type: 'date', nullable: true })
  replyDue: LocalDate | null;

  /** A written refusal notice (Mẫu 01/TCD) is required; `refusalNoticeDue` is TCD-5 when known. */
  @Column({ type: 'boolean', default: false })
  refusalNoticeRequired: boolean;

  @Column({ type: 'date', nullable: true })
  refusalNoticeDue: LocalDate | null;

  /** The working calendar version the due dates were computed on (legal-reference §1.4). */
  @Column({ type: 'varchar', length: 100, charset: 'ascii', collation: 'ascii_bin' })
  deadlineCalendarVersion: string;

  /** Column 12: what came of it, written as it happens. */
  @Column({ type: 'varchar', length: 2000, nullable: true })
  followUp: string | null;

  @Column({ type: 'varchar', length: 2000, nullable: true })
  notes: string | null;

  /**
   * A denouncer came (the visit was about a denunciation, or mixed, or a denunciation letter was handed
   * in at it): the visitors' identity is sealed in reception_visit_citizens and read under the letter's
   * rules (docs/identity-protection.md, "Reception visits"). Set by the migration on existing rows, whose
   * citizens `npm run -s identity:rotate` then seals.
   */
  @Column({ type: 'boolean', default: false })
  identityProtected: boolean;

  /** When the retention job anonymised the visit (ADR 0015): its visitors and texts are gone. */
  @Column({ type: 'datetime', precision: 3, nullable: true })
  anonymisedAt: Date | null;

  @OneToMany(() => ReceptionVisitCitizenEntity, (c) => c.visit)
  citizens?: ReceptionVisitCitizenEntity[];

  @CreateDateColumn(CREATED_AT)
  createdAt: Date;

  @UpdateDateColumn(UPDATED_AT)
  updatedAt: Date;

  @VersionColumn({ default: 1 })
  version: number;
}
