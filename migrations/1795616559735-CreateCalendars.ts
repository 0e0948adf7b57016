import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateCalendars1795616559735 implements MigrationInterface {
  name = 'CreateCalendars1795616559735';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE \`calendar_changes\` (\`id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, \`scope_key\` varchar(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, \`unit_id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NULL, \`revision\` int UNSIGNED NOT NULL, \`reason\` varchar(40) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, \`first_affected_date\` date NOT NULL, \`created_at\` datetime(3) NOT NULL, \`processed_at\` datetime(3) NULL, INDEX \`idx_calendar_changes_pending\` (\`processed_at\`, \`created_at\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`calendar_scopes\` (\`scope_key\` varchar(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, \`unit_id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NULL, \`revision\` int UNSIGNED NOT NULL DEFAULT '0', \`last_change_id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NULL, \`updated_at\` datetime(3) NOT NULL, UNIQUE INDEX \`uq_calendar_scopes_unit_id\` (\`unit_id\`), PRIMARY KEY (\`scope_key\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`calendar_entries\` (\`id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, \`scope_key\` varchar(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, \`date\` date NOT NULL, \`kind\` varchar(24) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, \`name\` varchar(255) NOT NULL, \`changed_by_user_id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NULL, \`changed_at\` datetime(3) NOT NULL, UNIQUE INDEX \`uq_calendar_entries_scope_date\` (\`scope_key\`, \`date\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`calendar_years\` (\`scope_key\` varchar(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, \`year\` smallint UNSIGNED NOT NULL, \`confirmed\` tinyint NOT NULL, \`decided_by_user_id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NULL, \`decided_at\` datetime(3) NOT NULL, PRIMARY KEY (\`scope_key\`, \`year\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `ALTER TABLE \`calendar_scopes\` ADD CONSTRAINT \`fk_calendar_scopes_unit_id\` FOREIGN KEY (\`unit_id\`) REFERENCES \`units\`(\`id\`) ON DELETE RESTRICT ON UPDATE RESTRICT`,
    );
    await queryRunner.query(
      `ALTER TABLE \`calendar_entries\` ADD CONSTRAINT \`fk_calendar_entries_scope_key\` FOREIGN KEY (\`scope_key\`) REFERENCES \`calendar_scopes\`(\`scope_key\`) ON DELETE RESTRICT ON UPDATE RESTRICT`,
    );
    await queryRunner.query(
      `ALTER TABLE \`calendar_years\` ADD CONSTRAINT \`fk_calendar_years_scope_key\` FOREIGN KEY (\`scope_key\`) REFERENCES \`calendar_scopes\`(\`scope_key\`) ON DELETE RESTRICT ON UPDATE RESTRICT`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE \`calendar_years\` DROP FOREIGN KEY \`fk_calendar_years_scope_key\``,
    );
    await queryRunner.query(
      `ALTER TABLE \`calendar_entries\` DROP FOREIGN KEY \`fk_calendar_entries_scope_key\``,
    );
    await queryRunner.query(
      `ALTER TABLE \`calendar_scopes\` DROP FOREIGN KEY \`fk_calendar_scopes_unit_id\``,
    );
    await queryRunner.query(`DROP TABLE \`calendar_years\``);
    await queryRunner.query(`DROP INDEX \`uq_calendar_entries_scope_date\` ON \`calendar_entries\``);
    await queryRunner.query(`DROP TABLE \`calendar_entries\``);
    await queryRunner.query(`DROP INDEX \`uq_calendar_scopes_unit_id\` ON \`calendar_scopes\``);
    await queryRunner.query(`DROP TABLE \`calendar_scopes\``);
    await queryRunner.query(`DROP INDEX \`idx_calendar_changes_pending\` ON \`calendar_changes\``);
    await queryRunner.query(`DROP TABLE \`calendar_changes\``);
  }
}
