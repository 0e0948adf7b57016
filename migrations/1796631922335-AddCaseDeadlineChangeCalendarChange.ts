import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Which calendar change (calendar_changes.id) moved a deadline: the console shows, after a calendar
 * change, the deadlines it moved (docs/console-calendar.md). Null for every other kind of history row.
 */
export class AddCaseDeadlineChangeCalendarChange1796631922335 implements MigrationInterface {
  name = 'AddCaseDeadlineChangeCalendarChange1796631922335';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE \`case_deadline_changes\` ADD \`calendar_change_id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX \`idx_case_deadline_changes_calendar_change\` ON \`case_deadline_changes\` (\`calendar_change_id\`)`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `DROP INDEX \`idx_case_deadline_changes_calendar_change\` ON \`case_deadline_changes\``,
    );
    await queryRunner.query(`ALTER TABLE \`case_deadline_changes\` DROP COLUMN \`calendar_change_id\``);
  }
}
