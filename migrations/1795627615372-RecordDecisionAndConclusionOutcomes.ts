import type { MigrationInterface, QueryRunner } from 'typeorm';

export class RecordDecisionAndConclusionOutcomes1795627615372 implements MigrationInterface {
  name = 'RecordDecisionAndConclusionOutcomes1795627615372';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE \`complaint_cases\` ADD \`decision_outcome\` varchar(20) CHARACTER SET "ascii" COLLATE "ascii_bin" NULL`,
    );
    await queryRunner.query(
      `ALTER TABLE \`denunciation_cases\` ADD \`conclusion_outcome\` varchar(20) CHARACTER SET "ascii" COLLATE "ascii_bin" NULL`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`denunciation_cases\` DROP COLUMN \`conclusion_outcome\``);
    await queryRunner.query(`ALTER TABLE \`complaint_cases\` DROP COLUMN \`decision_outcome\``);
  }
}
