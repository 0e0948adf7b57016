import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AddReportRuns1795630812339 implements MigrationInterface {
  name = 'AddReportRuns1795630812339';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE \`report_runs\` (\`id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, \`requested_by\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, \`form_code\` varchar(20) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, \`period_kind\` varchar(20) CHARACTER SET "ascii" COLLATE "ascii_bin" NULL, \`period_year\` smallint UNSIGNED NULL, \`period_index\` tinyint UNSIGNED NULL, \`cutoff\` varchar(20) CHARACTER SET "ascii" COLLATE "ascii_bin" NULL, \`window_from\` date NOT NULL, \`window_to\` date NOT NULL, \`unit_id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NULL, \`scope_root_unit_ids\` json NULL, \`format\` varchar(10) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, \`status\` varchar(10) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, \`progress\` tinyint UNSIGNED NOT NULL DEFAULT '0', \`units_total\` int UNSIGNED NOT NULL DEFAULT '0', \`units_done\` int UNSIGNED NOT NULL DEFAULT '0', \`attempts\` smallint UNSIGNED NOT NULL DEFAULT '0', \`file_path\` varchar(200) CHARACTER SET "ascii" COLLATE "ascii_bin" NULL, \`file_size\` int UNSIGNED NULL, \`file_sha256\` char(64) CHARACTER SET "ascii" COLLATE "ascii_bin" NULL, \`error_code\` varchar(60) CHARACTER SET "ascii" COLLATE "ascii_bin" NULL, \`created_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3), \`started_at\` datetime(3) NULL, \`heartbeat_at\` datetime(3) NULL, \`finished_at\` datetime(3) NULL, \`expires_at\` datetime(3) NOT NULL, INDEX \`idx_report_runs_expires_at\` (\`expires_at\`), INDEX \`idx_report_runs_status_created\` (\`status\`, \`created_at\`), INDEX \`idx_report_runs_requested_by_created\` (\`requested_by\`, \`created_at\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `ALTER TABLE \`report_runs\` ADD CONSTRAINT \`fk_report_runs_requested_by\` FOREIGN KEY (\`requested_by\`) REFERENCES \`users\`(\`id\`) ON DELETE RESTRICT ON UPDATE RESTRICT`,
    );
    await queryRunner.query(
      `ALTER TABLE \`report_runs\` ADD CONSTRAINT \`fk_report_runs_unit_id\` FOREIGN KEY (\`unit_id\`) REFERENCES \`units\`(\`id\`) ON DELETE RESTRICT ON UPDATE RESTRICT`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`report_runs\` DROP FOREIGN KEY \`fk_report_runs_unit_id\``);
    await queryRunner.query(`ALTER TABLE \`report_runs\` DROP FOREIGN KEY \`fk_report_runs_requested_by\``);
    await queryRunner.query(`DROP INDEX \`idx_report_runs_requested_by_created\` ON \`report_runs\``);
    await queryRunner.query(`DROP INDEX \`idx_report_runs_status_created\` ON \`report_runs\``);
    await queryRunner.query(`DROP INDEX \`idx_report_runs_expires_at\` ON \`report_runs\``);
    await queryRunner.query(`DROP TABLE \`report_runs\``);
  }
}
