import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { UnitEntity } from './unit.entity.js';

/**
 * Every (ancestor, descendant) pair of the unit tree, itself included at depth 0. Scope checks are one
 * indexed sub-select: `unit_id IN (SELECT descendant_id FROM unit_closure WHERE ancestor_id IN (…))`.
 */
@Entity({ name: 'unit_closure' })
@Index('idx_unit_closure_descendant', ['descendantId', 'depth'])
export class UnitClosureEntity {
  @PrimaryColumn({
    type: 'char',
    length: 36,
    charset: 'ascii',
    collation: 'ascii_bin',
    primaryKeyConstraintName: 'pk_unit_closure',
  })
  ancestorId: string;

  @PrimaryColumn({
    type: 'char',
    length: 36,
    charset: 'ascii',
    collation: 'ascii_bin',
    primaryKeyConstraintName: 'pk_unit_closure',
  })
  descendantId: string;

  @Column({ type: 'smallint', unsigned: true })
  depth: number;

  @ManyToOne(() => UnitEntity, { onDelete: 'RESTRICT', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'ancestor_id', foreignKeyConstraintName: 'fk_unit_closure_ancestor_id' })
  ancestor?: UnitEntity;

  @ManyToOne(() => UnitEntity, { onDelete: 'RESTRICT', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'descendant_id', foreignKeyConstraintName: 'fk_unit_closure_descendant_id' })
  descendant?: UnitEntity;
}
