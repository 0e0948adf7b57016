import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 18, ADR 0023: the dashboard reads counts kept per unit (dashboard/entities/dashboard-counts.entity.ts)
 * instead of recounting ~466 k index entries per call. A worker job rebuilds them for the units and months
 * whose rows changed since its last run, found through an index on each source table's `updated_at`.
 * The first run after this migration counts every unit; until then the dashboard shows no "as of" time.
 */
export class AddDashboardCounts1796640000000 implements MigrationInterface {
  name = 'AddDashboardCounts1796640000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    const id = 'char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL';
    const ascii = (type: string) => `${type} CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL`;
    await queryRunner.query(
      `CREATE TABLE \`dashboard_case_counts\` (\`unit_id\` ${id}, \`kind\` ${ascii('varchar(16)')}, \`month\` ${ascii('char(7)')}, \`state\` ${ascii('varchar(32)')}, \`n\` int UNSIGNED NOT NULL, PRIMARY KEY (\`unit_id\`, \`kind\`, \`month\`, \`state\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`dashboard_open_deadlines\` (\`unit_id\` ${id}, \`due_date\` date NOT NULL, \`n\` int UNSIGNED NOT NULL, PRIMARY KEY (\`unit_id\`, \`due_date\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`dashboard_settled_counts\` (\`unit_id\` ${id}, \`month\` ${ascii('char(7)')}, \`status\` ${ascii('varchar(16)')}, \`n\` int UNSIGNED NOT NULL, PRIMARY KEY (\`unit_id\`, \`month\`, \`status\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`dashboard_backlog_counts\` (\`unit_id\` ${id}, \`status\` ${ascii('varchar(40)')}, \`n\` int UNSIGNED NOT NULL, PRIMARY KEY (\`unit_id\`, \`status\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`dashboard_refresh_state\` (\`id\` tinyint UNSIGNED NOT NULL, \`refreshed_at\` datetime(3) NULL, \`full_at\` datetime(3) NULL, PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      'CREATE INDEX `idx_complaint_cases_updated` ON `complaint_cases` (`updated_at`, `unit_id`, `received_on`)',
    );
    await queryRunner.query(
      'CREATE INDEX `idx_denunciation_cases_updated` ON `denunciation_cases` (`updated_at`, `unit_id`, `received_on`)',
    );
    await queryRunner.query(
      'CREATE INDEX `idx_case_deadlines_updated` ON `case_deadlines` (`updated_at`, `unit_id`)',
    );
    await queryRunner.query(
      'CREATE INDEX `idx_enforcement_records_updated` ON `enforcement_records` (`updated_at`, `unit_id`)',
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX `idx_enforcement_records_updated` ON `enforcement_records`');
    await queryRunner.query('DROP INDEX `idx_case_deadlines_updated` ON `case_deadlines`');
    await queryRunner.query('DROP INDEX `idx_denunciation_cases_updated` ON `denunciation_cases`');
    await queryRunner.query('DROP INDEX `idx_complaint_cases_updated` ON `complaint_cases`');
    await queryRunner.query('DROP TABLE `dashboard_refresh_state`');
    await queryRunner.query('DROP TABLE `dashboard_backlog_counts`');
    await queryRunner.query('DROP TABLE `dashboard_settled_counts`');
    await queryRunner.query('DROP TABLE `dashboard_open_deadlines`');
    await queryRunner.query('DROP TABLE `dashboard_case_counts`');
  }
}
