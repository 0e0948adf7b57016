import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * The next readable number of each kind of case per year (KN-2026-000123). The row is locked for update
 * while a case is created, so numbers are unique and never reused even when the transaction retries.
 */
@Entity({ name: 'case_number_counters' })
export class CaseNumberCounterEntity {
  /** `KN` (complaints), `TC` (denunciations). */
  @PrimaryColumn({
    type: 'varchar',
    length: 4,
    charset: 'ascii',
    collation: 'ascii_bin',
    primaryKeyConstraintName: 'pk_case_number_counters',
  })
  prefix: string;

  @PrimaryColumn({ type: 'smallint', unsigned: true, primaryKeyConstraintName: 'pk_case_number_counters' })
  year: number;

  @Column({ type: 'int', unsigned: true })
  lastNumber: number;
}
