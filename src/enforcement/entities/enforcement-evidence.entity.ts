import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { CREATED_AT, ID_COLUMN } from '../../database/columns.js';
import { EnforcementUpdateEntity } from './enforcement-update.entity.js';

/** A file attached to a progress report, in the same file store as letters' attachments. */
@Entity({ name: 'enforcement_evidence' })
@Index('idx_enforcement_evidence_update', ['updateId'])
export class EnforcementEvidenceEntity {
  @PrimaryColumn({ ...ID_COLUMN, primaryKeyConstraintName: 'pk_enforcement_evidence' })
  id: string;

  @Column(ID_COLUMN)
  updateId: string;

  @ManyToOne(() => EnforcementUpdateEntity, { onDelete: 'RESTRICT', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'update_id', foreignKeyConstraintName: 'fk_enforcement_evidence_update_id' })
  update?: EnforcementUpdateEntity;

  @Column({ type: 'varchar', length: 120, charset: 'ascii', collation: 'ascii_bin' })
  storageKey: string;

  @Column({ type: 'varchar', length: 255 })
  fileName: string;

  @Column({ type: 'varchar', length: 100, charset: 'ascii', collation: 'ascii_bin' })
  mediaType: string;

  @Column({ type: 'int', unsigned: true })
  sizeBytes: number;

  @Column({ type: 'char', length: 64, charset: 'ascii', collation: 'ascii_bin' })
  sha256: string;

  @CreateDateColumn(CREATED_AT)
  createdAt: Date;
}
