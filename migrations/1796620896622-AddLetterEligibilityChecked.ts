import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Letters filed by citizens on the public form (channel online_form) arrive with their eligibility not
 * yet checked by an officer ("chưa kiểm tra", docs/letters-and-cases.md): a flag, true for every letter
 * an officer logged (they answer the checks at intake), and an index for the unit's queue of unchecked
 * letters.
 */
export class AddLetterEligibilityChecked1796620896622 implements MigrationInterface {
  name = 'AddLetterEligibilityChecked1796620896622';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`letters\` ADD \`eligibility_checked\` tinyint NOT NULL DEFAULT 1`);
    await queryRunner.query(
      `CREATE INDEX \`idx_letters_unit_eligibility_checked\` ON \`letters\` (\`unit_id\`, \`eligibility_checked\`)`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`idx_letters_unit_eligibility_checked\` ON \`letters\``);
    await queryRunner.query(`ALTER TABLE \`letters\` DROP COLUMN \`eligibility_checked\``);
  }
}
