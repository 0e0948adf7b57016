import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 18: the dashboard over 1,000,000 cases (npm run bench:dashboard). Its cases-by-month query used
 * the report index (unit first, without received_on and state) and read every case row of the window
 * (~30 s); its on-time query read the wide deadline rows (~8–40 s). These covering indexes make each a
 * range scan per unit of the scope inside the index.
 */
export class AddDashboardIndexes1796613100000 implements MigrationInterface {
  name = 'AddDashboardIndexes1796613100000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE INDEX `idx_complaint_cases_unit_received_state` ON `complaint_cases` (`unit_id`, `received_on`, `state`)',
    );
    await queryRunner.query(
      'CREATE INDEX `idx_denunciation_cases_unit_received_state` ON `denunciation_cases` (`unit_id`, `received_on`, `state`)',
    );
    await queryRunner.query(
      'CREATE INDEX `idx_case_deadlines_unit_purpose_settled` ON `case_deadlines` (`unit_id`, `purpose`, `settled_on`, `status`)',
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX `idx_case_deadlines_unit_purpose_settled` ON `case_deadlines`');
    await queryRunner.query(
      'DROP INDEX `idx_denunciation_cases_unit_received_state` ON `denunciation_cases`',
    );
    await queryRunner.query('DROP INDEX `idx_complaint_cases_unit_received_state` ON `complaint_cases`');
  }
}
