import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AddReportingSchedules1795630910271 implements MigrationInterface {
  name = 'AddReportingSchedules1795630910271';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE \`reporting_reminders\` (\`id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, \`unit_id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, \`source_key\` varchar(100) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, \`period_kind\` varchar(20) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, \`period_year\` smallint NOT NULL, \`period_index\` tinyint NULL, \`due_before\` date NOT NULL, \`last_day\` date NOT NULL, \`days_before\` smallint NOT NULL, \`remind_on\` date NOT NULL, \`sent_on\` date NOT NULL, \`recipients\` int NOT NULL, \`created_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3), INDEX \`idx_reporting_reminders_last_day\` (\`last_day\`), UNIQUE INDEX \`uq_reporting_reminders_source_key\` (\`source_key\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`reporting_schedules\` (\`unit_id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, \`enabled\` tinyint NOT NULL, \`cutoff\` varchar(40) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, \`reports\` json NOT NULL, \`remind_days_before\` json NOT NULL, \`recipients\` json NOT NULL, \`version\` int NOT NULL DEFAULT '1', \`created_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3), \`updated_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3), PRIMARY KEY (\`unit_id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `ALTER TABLE \`reporting_reminders\` ADD CONSTRAINT \`fk_reporting_reminders_unit_id\` FOREIGN KEY (\`unit_id\`) REFERENCES \`units\`(\`id\`) ON DELETE RESTRICT ON UPDATE RESTRICT`,
    );
    await queryRunner.query(
      `ALTER TABLE \`reporting_schedules\` ADD CONSTRAINT \`fk_reporting_schedules_unit_id\` FOREIGN KEY (\`unit_id\`) REFERENCES \`units\`(\`id\`) ON DELETE RESTRICT ON UPDATE RESTRICT`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE \`reporting_schedules\` DROP FOREIGN KEY \`fk_reporting_schedules_unit_id\``,
    );
    await queryRunner.query(
      `ALTER TABLE \`reporting_reminders\` DROP FOREIGN KEY \`fk_reporting_reminders_unit_id\``,
    );
    await queryRunner.query(`DROP TABLE \`reporting_schedules\``);
    await queryRunner.query(`DROP INDEX \`uq_reporting_reminders_source_key\` ON \`reporting_reminders\``);
    await queryRunner.query(`DROP INDEX \`idx_reporting_reminders_last_day\` ON \`reporting_reminders\``);
    await queryRunner.query(`DROP TABLE \`reporting_reminders\``);
  }
}
