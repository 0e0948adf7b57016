import type { MigrationInterface, QueryRunner } from 'typeorm';
/**
 * Issue 20: the national database outbox (docs/national-database.md, ADR 0014), the units' agency
 * identification code (mã định danh) and the category of the body a letter is transferred to.
 */

export class AddNationalSyncOutbox1796621883695 implements MigrationInterface {
  name = 'AddNationalSyncOutbox1796621883695';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE \`national_sync_outbox\` (\`id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, \`record_type\` varchar(30) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, \`record_id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, \`sequence\` int UNSIGNED NOT NULL, \`event\` varchar(40) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, \`unit_id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, \`occurred_on\` date NOT NULL, \`schema_version\` smallint UNSIGNED NOT NULL, \`payload\` json NOT NULL, \`idempotency_key\` varchar(120) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, \`status\` varchar(20) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL DEFAULT 'pending', \`attempts\` int UNSIGNED NOT NULL DEFAULT '0', \`next_attempt_at\` datetime(3) NULL, \`last_error\` varchar(300) NULL, \`sent_at\` datetime(3) NULL, \`acknowledged_at\` datetime(3) NULL, \`national_ref\` varchar(100) NULL, \`created_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3), INDEX \`idx_national_sync_outbox_status_due\` (\`status\`, \`next_attempt_at\`), UNIQUE INDEX \`uq_national_sync_outbox_idempotency_key\` (\`idempotency_key\`), UNIQUE INDEX \`uq_national_sync_outbox_record_sequence\` (\`record_type\`, \`record_id\`, \`sequence\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );

    await queryRunner.query(
      `ALTER TABLE \`units\` ADD \`agency_code\` varchar(40) CHARACTER SET "ascii" COLLATE "ascii_bin" NULL`,
    );

    await queryRunner.query(
      `ALTER TABLE \`letters\` ADD \`transfer_body_category\` varchar(20) CHARACTER SET "ascii" COLLATE "ascii_bin" NULL`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX \`uq_units_agency_code\` ON \`units\` (\`agency_code\`)`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`uq_units_agency_code\` ON \`units\``);
    await queryRunner.query(`ALTER TABLE \`letters\` DROP COLUMN \`transfer_body_category\``);

    await queryRunner.query(`ALTER TABLE \`units\` DROP COLUMN \`agency_code\``);

    await queryRunner.query(
      `DROP INDEX \`uq_national_sync_outbox_record_sequence\` ON \`national_sync_outbox\``,
    );
    await queryRunner.query(
      `DROP INDEX \`uq_national_sync_outbox_idempotency_key\` ON \`national_sync_outbox\``,
    );
    await queryRunner.query(`DROP INDEX \`idx_national_sync_outbox_status_due\` ON \`national_sync_outbox\``);
    await queryRunner.query(`DROP TABLE \`national_sync_outbox\``);
  }
}
