import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateCaseDeadlines1795616584884 implements MigrationInterface {
  name = 'CreateCaseDeadlines1795616584884';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE \`case_deadlines\` (\`id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, \`subject_type\` varchar(40) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, \`subject_id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, \`unit_id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, \`purpose\` varchar(40) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, \`sequence\` smallint UNSIGNED NOT NULL DEFAULT '1', \`rule_id\` varchar(16) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, \`rule_version\` varchar(32) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, \`trigger_date\` date NOT NULL, \`options\` json NOT NULL, \`raw_end\` date NOT NULL, \`due_date\` date NOT NULL, \`internal_target\` date NULL, \`status\` varchar(16) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, \`paused_since\` date NULL, \`settled_on\` date NULL, \`calendar_version\` varchar(64) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, \`policy_version\` varchar(120) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, \`provisional\` tinyint NOT NULL DEFAULT 0, \`explanation\` json NOT NULL, \`version\` int UNSIGNED NOT NULL DEFAULT '1', \`created_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3), \`updated_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3), INDEX \`idx_case_deadlines_unit_status_due\` (\`unit_id\`, \`status\`, \`due_date\`), INDEX \`idx_case_deadlines_status_due\` (\`status\`, \`due_date\`), UNIQUE INDEX \`uq_case_deadlines_subject_purpose\` (\`subject_type\`, \`subject_id\`, \`purpose\`, \`sequence\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`case_deadline_changes\` (\`id\` bigint UNSIGNED NOT NULL AUTO_INCREMENT, \`deadline_id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, \`version\` int UNSIGNED NOT NULL, \`reason\` varchar(40) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, \`previous_due\` date NULL, \`new_due\` date NOT NULL, \`previous_raw_end\` date NULL, \`new_raw_end\` date NOT NULL, \`calendar_version\` varchar(64) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, \`actor_user_id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NULL, \`changed_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3), INDEX \`idx_case_deadline_changes_deadline\` (\`deadline_id\`, \`version\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `ALTER TABLE \`case_deadlines\` ADD CONSTRAINT \`fk_case_deadlines_unit_id\` FOREIGN KEY (\`unit_id\`) REFERENCES \`units\`(\`id\`) ON DELETE RESTRICT ON UPDATE RESTRICT`,
    );
    await queryRunner.query(
      `ALTER TABLE \`case_deadline_changes\` ADD CONSTRAINT \`fk_case_deadline_changes_deadline_id\` FOREIGN KEY (\`deadline_id\`) REFERENCES \`case_deadlines\`(\`id\`) ON DELETE RESTRICT ON UPDATE RESTRICT`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE \`case_deadline_changes\` DROP FOREIGN KEY \`fk_case_deadline_changes_deadline_id\``,
    );
    await queryRunner.query(`ALTER TABLE \`case_deadlines\` DROP FOREIGN KEY \`fk_case_deadlines_unit_id\``);
    await queryRunner.query(`DROP INDEX \`idx_case_deadline_changes_deadline\` ON \`case_deadline_changes\``);
    await queryRunner.query(`DROP TABLE \`case_deadline_changes\``);
    await queryRunner.query(`DROP INDEX \`uq_case_deadlines_subject_purpose\` ON \`case_deadlines\``);
    await queryRunner.query(`DROP INDEX \`idx_case_deadlines_status_due\` ON \`case_deadlines\``);
    await queryRunner.query(`DROP INDEX \`idx_case_deadlines_unit_status_due\` ON \`case_deadlines\``);
    await queryRunner.query(`DROP TABLE \`case_deadlines\``);
  }
}
