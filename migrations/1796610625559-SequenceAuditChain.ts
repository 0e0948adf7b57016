import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The audit chain is extended by one sequencer after commit instead of inside every command's
 * transaction (docs/adr/0007-audit-chain-sequencer.md, docs/audit.md).
 *
 * - `audit_log.chain_seq`: the entry's position in the chain, 1, 2, 3… without gaps, assigned by the
 *   sequencer; `id` stays AUTO_INCREMENT and may now have gaps (rolled-back appends). Entries already
 *   chained the old way keep their chain: their position is their id (which had no gaps), so
 *   `chain_seq = id` and their hashes stay valid unchanged.
 * - `prev_hash` and `hash` are null until the entry is chained.
 * - `audit_chain_head.last_id` becomes `last_seq`: the head is now the sequencer's, commands never touch it.
 * - The UPDATE trigger refuses everything except the one-time chaining of an unchained row (the three
 *   chain columns from null to a value, nothing else changed); the DELETE trigger is unchanged.
 */
export class SequenceAuditChain1796610625559 implements MigrationInterface {
  name = 'SequenceAuditChain1796610625559';

  public async up(queryRunner: QueryRunner): Promise<void> {
    // The old trigger refuses the back-fill below; the new one replaces it at the end.
    await queryRunner.query(`DROP TRIGGER \`trg_audit_log_no_update\``);
    await queryRunner.query(
      `ALTER TABLE \`audit_log\` ADD \`chain_seq\` bigint UNSIGNED NULL, MODIFY \`prev_hash\` char(64) CHARACTER SET "ascii" COLLATE "ascii_bin" NULL, MODIFY \`hash\` char(64) CHARACTER SET "ascii" COLLATE "ascii_bin" NULL`,
    );
    // Every existing row was chained under the head lock with id = its position (1, 2, 3… no gaps).
    await queryRunner.query(`UPDATE \`audit_log\` SET \`chain_seq\` = \`id\``);
    await queryRunner.query(
      `CREATE UNIQUE INDEX \`uq_audit_log_chain_seq\` ON \`audit_log\` (\`chain_seq\`)`,
    );
    await queryRunner.query(
      `ALTER TABLE \`audit_chain_head\` CHANGE \`last_id\` \`last_seq\` bigint UNSIGNED NOT NULL DEFAULT '0'`,
    );
    await queryRunner.query(CREATE_CHAINING_ONLY_UPDATE_TRIGGER);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    // The old layout needs id = position and a hash on every row. Entries appended since cannot be put
    // back that way without rewriting them, so refuse rather than lose the chain.
    const [{ n }]: { n: string | number }[] = await queryRunner.query(
      'SELECT COUNT(*) AS n FROM `audit_log` WHERE `chain_seq` IS NULL OR `chain_seq` <> `id`',
    );
    if (Number(n) > 0) {
      throw new Error(
        `SequenceAuditChain cannot be reverted: ${n} audit entries are unchained or chained out of id order`,
      );
    }
    await queryRunner.query(`DROP TRIGGER \`trg_audit_log_no_update\``);
    await queryRunner.query(
      `ALTER TABLE \`audit_chain_head\` CHANGE \`last_seq\` \`last_id\` bigint UNSIGNED NOT NULL DEFAULT '0'`,
    );
    await queryRunner.query(`DROP INDEX \`uq_audit_log_chain_seq\` ON \`audit_log\``);
    await queryRunner.query(
      `ALTER TABLE \`audit_log\` DROP COLUMN \`chain_seq\`, MODIFY \`prev_hash\` char(64) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, MODIFY \`hash\` char(64) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL`,
    );
    await queryRunner.query(
      `CREATE TRIGGER \`trg_audit_log_no_update\` BEFORE UPDATE ON \`audit_log\` FOR EACH ROW SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'audit_log is append-only: UPDATE is not allowed'`,
    );
  }
}

/**
 * Allows an UPDATE only when it chains an unchained row: the three chain columns go from null to a value,
 * every other column stays byte for byte what it was (compared as binary strings: the case- and
 * pad-insensitive collations would let 'Update ' pass for 'update'; `changes` is compared as JSON on
 * MySQL and as utf8mb4_bin text on MariaDB). Everything else gets the same error as before. The body is
 * one IF statement, so it needs no BEGIN…END and no DELIMITER.
 */
const SAME = (column: string) => `CAST(NEW.\`${column}\` AS BINARY) <=> CAST(OLD.\`${column}\` AS BINARY)`;
const CREATE_CHAINING_ONLY_UPDATE_TRIGGER =
  `CREATE TRIGGER \`trg_audit_log_no_update\` BEFORE UPDATE ON \`audit_log\` FOR EACH ROW ` +
  `IF NOT (OLD.\`chain_seq\` IS NULL AND OLD.\`prev_hash\` IS NULL AND OLD.\`hash\` IS NULL ` +
  `AND NEW.\`chain_seq\` IS NOT NULL AND NEW.\`prev_hash\` IS NOT NULL AND NEW.\`hash\` IS NOT NULL ` +
  `AND NEW.\`id\` <=> OLD.\`id\` AND NEW.\`occurred_at\` <=> OLD.\`occurred_at\` ` +
  `AND NEW.\`changes\` <=> OLD.\`changes\` AND ` +
  [
    'actor_user_id',
    'actor_unit_id',
    'unit_id',
    'action',
    'entity_type',
    'entity_id',
    'request_id',
    'client_ip',
  ]
    .map(SAME)
    .join(' AND ') +
  `) THEN SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'audit_log is append-only: UPDATE is not allowed'; END IF`;
