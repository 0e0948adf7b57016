import type { MigrationInterface, QueryRunner } from 'typeorm';

/** `anonymised_at` on letters and reception visits: the retention job's mark (ADR 0015). */
export class AddAnonymisedAt1796632203714 implements MigrationInterface {
  name = 'AddAnonymisedAt1796632203714';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`reception_visits\` ADD \`anonymised_at\` datetime(3) NULL`);
    await queryRunner.query(`ALTER TABLE \`letters\` ADD \`anonymised_at\` datetime(3) NULL`);
    await queryRunner.query(
      `CREATE INDEX \`idx_reception_visits_anonymised_date\` ON \`reception_visits\` (\`anonymised_at\`, \`visit_date\`)`,
    );
    await queryRunner.query(
      `CREATE INDEX \`idx_letters_anonymised_decided\` ON \`letters\` (\`anonymised_at\`, \`decided_on\`)`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`idx_letters_anonymised_decided\` ON \`letters\``);
    await queryRunner.query(`DROP INDEX \`idx_reception_visits_anonymised_date\` ON \`reception_visits\``);
    await queryRunner.query(`ALTER TABLE \`letters\` DROP COLUMN \`anonymised_at\``);
    await queryRunner.query(`ALTER TABLE \`reception_visits\` DROP COLUMN \`anonymised_at\``);
  }
}
