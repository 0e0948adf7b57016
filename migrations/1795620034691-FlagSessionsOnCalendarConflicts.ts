import type { MigrationInterface, QueryRunner } from 'typeorm';

export class FlagSessionsOnCalendarConflicts1795620034691 implements MigrationInterface {
  name = 'FlagSessionsOnCalendarConflicts1795620034691';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE \`reception_sessions\` ADD \`calendar_conflict\` tinyint NOT NULL DEFAULT 0`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`reception_sessions\` DROP COLUMN \`calendar_conflict\``);
  }
}
