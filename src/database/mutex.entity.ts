import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Named rows that serialise rare, wide commands across processes: a transaction locks its row first
 * (`SELECT … FOR UPDATE`) and holds it until commit. Rows are seeded by migrations.
 */
@Entity({ name: 'mutexes' })
export class MutexEntity {
  @PrimaryColumn({
    type: 'varchar',
    length: 64,
    charset: 'ascii',
    collation: 'ascii_bin',
    primaryKeyConstraintName: 'pk_mutexes',
  })
  name: string;

  @Column({ type: 'varchar', length: 255 })
  purpose: string;
}
