import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 13 point 3 (ADR 0019): a case row is inserted without its number, which it gets as the opening
 * transaction's last statements before the commit, so the one counter row per prefix and year is locked
 * only for the commit. `case_number` may therefore be NULL — inside that transaction only; the unique
 * indexes allow any number of NULLs. No committed row is NULL: `down` can make the columns NOT NULL again.
 */
export class NumberCasesAtCommit1796614200000 implements MigrationInterface {
  name = 'NumberCasesAtCommit1796614200000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['complaint_cases', 'denunciation_cases']) {
      await queryRunner.query(
        `ALTER TABLE \`${table}\` CHANGE \`case_number\` \`case_number\` varchar(20) CHARACTER SET "ascii" COLLATE "ascii_bin" NULL`,
      );
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['denunciation_cases', 'complaint_cases']) {
      await queryRunner.query(
        `ALTER TABLE \`${table}\` CHANGE \`case_number\` \`case_number\` varchar(20) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL`,
      );
    }
  }
}
