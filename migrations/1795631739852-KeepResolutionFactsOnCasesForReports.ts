import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The case tables, their step tables and their deadlines' subject type. */
const BACKFILL = [
  ['complaint_cases', 'complaint_case_events', 'complaint_case'],
  ['denunciation_cases', 'denunciation_case_events', 'denunciation_case'],
] as const;

export class KeepResolutionFactsOnCasesForReports1795631739852 implements MigrationInterface {
  name = 'KeepResolutionFactsOnCasesForReports1795631739852';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`complaint_cases\` ADD \`terminated_on\` date NULL`);
    await queryRunner.query(
      `ALTER TABLE \`complaint_cases\` ADD \`terminated_by\` varchar(32) CHARACTER SET "ascii" COLLATE "ascii_bin" NULL`,
    );
    await queryRunner.query(`ALTER TABLE \`complaint_cases\` ADD \`withdrawn_on\` date NULL`);
    await queryRunner.query(`ALTER TABLE \`complaint_cases\` ADD \`resolution_due\` date NULL`);
    await queryRunner.query(
      `ALTER TABLE \`complaint_cases\` ADD \`resolution_status\` varchar(20) CHARACTER SET "ascii" COLLATE "ascii_bin" NULL`,
    );
    await queryRunner.query(`ALTER TABLE \`complaint_cases\` ADD \`resolution_settled_on\` date NULL`);
    await queryRunner.query(`ALTER TABLE \`complaint_cases\` ADD \`resolution_target\` date NULL`);
    await queryRunner.query(`ALTER TABLE \`denunciation_cases\` ADD \`terminated_on\` date NULL`);
    await queryRunner.query(
      `ALTER TABLE \`denunciation_cases\` ADD \`terminated_by\` varchar(32) CHARACTER SET "ascii" COLLATE "ascii_bin" NULL`,
    );
    await queryRunner.query(`ALTER TABLE \`denunciation_cases\` ADD \`withdrawn_on\` date NULL`);
    await queryRunner.query(`ALTER TABLE \`denunciation_cases\` ADD \`resolution_due\` date NULL`);
    await queryRunner.query(
      `ALTER TABLE \`denunciation_cases\` ADD \`resolution_status\` varchar(20) CHARACTER SET "ascii" COLLATE "ascii_bin" NULL`,
    );
    await queryRunner.query(`ALTER TABLE \`denunciation_cases\` ADD \`resolution_settled_on\` date NULL`);
    await queryRunner.query(`ALTER TABLE \`denunciation_cases\` ADD \`resolution_target\` date NULL`);
    await KeepResolutionFactsOnCasesForReports1795631739852.backfill(queryRunner);
    await queryRunner.query(
      `CREATE INDEX \`idx_complaint_cases_report\` ON \`complaint_cases\` (\`unit_id\`, \`accepted_on\`, \`decided_on\`, \`terminated_on\`, \`decision_outcome\`, \`resolution_status\`, \`resolution_due\`, \`resolution_settled_on\`, \`resolution_target\`, \`withdrawn_on\`, \`terminated_by\`)`,
    );
    await queryRunner.query(
      `CREATE INDEX \`idx_denunciation_cases_report\` ON \`denunciation_cases\` (\`unit_id\`, \`accepted_on\`, \`concluded_on\`, \`terminated_on\`, \`conclusion_outcome\`, \`resolution_status\`, \`resolution_due\`, \`resolution_settled_on\`, \`resolution_target\`, \`withdrawn_on\`, \`terminated_by\`)`,
    );
  }

  /**
   * The cases already recorded get their copy of the resolution deadline, their ending and their first
   * withdrawal. Idempotent; a static method so a test can run it over data (test/integration).
   */
  static async backfill(queryRunner: QueryRunner): Promise<void> {
    for (const [cases, events, subject] of BACKFILL) {
      await queryRunner.query(
        `UPDATE \`${cases}\` c JOIN case_deadlines d
           ON d.subject_type = ? AND d.subject_id = c.id AND d.purpose = 'resolution' AND d.sequence = 1
         SET c.resolution_due = d.due_date, c.resolution_status = d.status,
           c.resolution_settled_on = d.settled_on, c.resolution_target = d.internal_target`,
        [subject],
      );
      // The step into 'terminated' (the state is final: there is one; later steps on a terminated case,
      // such as sending its notice, go from 'terminated' to 'terminated'), and the first withdrawal.
      await queryRunner.query(
        `UPDATE \`${cases}\` c JOIN \`${events}\` e ON e.case_id = c.id AND e.to_state = 'terminated'
           AND (e.from_state IS NULL OR e.from_state <> 'terminated')
         SET c.terminated_on = e.event_date, c.terminated_by = e.event`,
      );
      await queryRunner.query(
        `UPDATE \`${cases}\` c JOIN (
           SELECT case_id, MIN(event_date) AS first_on FROM \`${events}\` WHERE event = 'withdraw' GROUP BY case_id
         ) w ON w.case_id = c.id
         SET c.withdrawn_on = w.first_on`,
      );
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`idx_denunciation_cases_report\` ON \`denunciation_cases\``);
    await queryRunner.query(`DROP INDEX \`idx_complaint_cases_report\` ON \`complaint_cases\``);
    await queryRunner.query(`ALTER TABLE \`denunciation_cases\` DROP COLUMN \`resolution_target\``);
    await queryRunner.query(`ALTER TABLE \`denunciation_cases\` DROP COLUMN \`resolution_settled_on\``);
    await queryRunner.query(`ALTER TABLE \`denunciation_cases\` DROP COLUMN \`resolution_status\``);
    await queryRunner.query(`ALTER TABLE \`denunciation_cases\` DROP COLUMN \`resolution_due\``);
    await queryRunner.query(`ALTER TABLE \`denunciation_cases\` DROP COLUMN \`withdrawn_on\``);
    await queryRunner.query(`ALTER TABLE \`denunciation_cases\` DROP COLUMN \`terminated_by\``);
    await queryRunner.query(`ALTER TABLE \`denunciation_cases\` DROP COLUMN \`terminated_on\``);
    await queryRunner.query(`ALTER TABLE \`complaint_cases\` DROP COLUMN \`resolution_target\``);
    await queryRunner.query(`ALTER TABLE \`complaint_cases\` DROP COLUMN \`resolution_settled_on\``);
    await queryRunner.query(`ALTER TABLE \`complaint_cases\` DROP COLUMN \`resolution_status\``);
    await queryRunner.query(`ALTER TABLE \`complaint_cases\` DROP COLUMN \`resolution_due\``);
    await queryRunner.query(`ALTER TABLE \`complaint_cases\` DROP COLUMN \`withdrawn_on\``);
    await queryRunner.query(`ALTER TABLE \`complaint_cases\` DROP COLUMN \`terminated_by\``);
    await queryRunner.query(`ALTER TABLE \`complaint_cases\` DROP COLUMN \`terminated_on\``);
  }
}
