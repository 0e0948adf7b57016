import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * Failed sign-ins counted per key (docs/security.md, "Sign-in throttling"): an account at one address,
 * an address, an account from anywhere. The key is the SHA-256 of what it counts (never an e-mail
 * address or an IP address in clear). Rows whose last failure is older than a day count as empty.
 */
@Entity({ name: 'sign_in_throttles' })
@Index('idx_sign_in_throttles_last_failure_at', ['lastFailureAt'])
export class SignInThrottleEntity {
  @PrimaryColumn({
    type: 'char',
    length: 64,
    charset: 'ascii',
    collation: 'ascii_bin',
    primaryKeyConstraintName: 'pk_sign_in_throttles',
  })
  throttleKey: string;

  @Column({ type: 'int', default: 0 })
  failures: number;

  @Column({ type: 'datetime', precision: 3, nullable: true })
  blockedUntil: Date | null;

  @Column({ type: 'datetime', precision: 3 })
  lastFailureAt: Date;
}
