import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The audit trail (docs/audit.md): the append-only `audit_log`, the one-row `audit_chain_head` that
 * serialises appends, seeded at the genesis hash, and the triggers that refuse UPDATE and DELETE on the
 * log. Triggers cannot be generated from entities; they are written here by hand.
 */
export class CreateAuditLog1795614784191 implements MigrationInterface {
  name = 'CreateAuditLog1795614784191';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE \`audit_chain_head\` (\`id\` tinyint UNSIGNED NOT NULL, \`last_id\` bigint UNSIGNED NOT NULL DEFAULT '0', \`last_hash\` char(64) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`audit_log\` (\`id\` bigint UNSIGNED NOT NULL AUTO_INCREMENT, \`occurred_at\` datetime(3) NOT NULL, \`actor_user_id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NULL, \`actor_unit_id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NULL, \`unit_id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NULL, \`action\` varchar(64) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, \`entity_type\` varchar(64) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, \`entity_id\` varchar(64) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, \`changes\` json NULL, \`request_id\` varchar(64) NULL, \`client_ip\` varchar(45) NULL, \`prev_hash\` char(64) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, \`hash\` char(64) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, INDEX \`idx_audit_log_occurred_at\` (\`occurred_at\`), INDEX \`idx_audit_log_actor_unit_time\` (\`actor_unit_id\`, \`occurred_at\`), INDEX \`idx_audit_log_unit_time\` (\`unit_id\`, \`occurred_at\`), INDEX \`idx_audit_log_actor_user\` (\`actor_user_id\`, \`occurred_at\`), INDEX \`idx_audit_log_entity\` (\`entity_type\`, \`entity_id\`, \`occurred_at\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    // The chain starts at the genesis hash: 64 zeros, last id 0.
    await queryRunner.query(
      `INSERT INTO \`audit_chain_head\` (\`id\`, \`last_id\`, \`last_hash\`) VALUES (1, 0, '${'0'.repeat(64)}')`,
    );
    // Append-only. A single-statement trigger body needs no BEGIN…END and so no DELIMITER.
    await queryRunner.query(
      `CREATE TRIGGER \`trg_audit_log_no_update\` BEFORE UPDATE ON \`audit_log\` FOR EACH ROW SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'audit_log is append-only: UPDATE is not allowed'`,
    );
    await queryRunner.query(
      `CREATE TRIGGER \`trg_audit_log_no_delete\` BEFORE DELETE ON \`audit_log\` FOR EACH ROW SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'audit_log is append-only: DELETE is not allowed'`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER \`trg_audit_log_no_delete\``);
    await queryRunner.query(`DROP TRIGGER \`trg_audit_log_no_update\``);
    await queryRunner.query(`DROP INDEX \`idx_audit_log_entity\` ON \`audit_log\``);
    await queryRunner.query(`DROP INDEX \`idx_audit_log_actor_user\` ON \`audit_log\``);
    await queryRunner.query(`DROP INDEX \`idx_audit_log_unit_time\` ON \`audit_log\``);
    await queryRunner.query(`DROP INDEX \`idx_audit_log_actor_unit_time\` ON \`audit_log\``);
    await queryRunner.query(`DROP INDEX \`idx_audit_log_occurred_at\` ON \`audit_log\``);
    await queryRunner.query(`DROP TABLE \`audit_log\``);
    await queryRunner.query(`DROP TABLE \`audit_chain_head\``);
  }
}
