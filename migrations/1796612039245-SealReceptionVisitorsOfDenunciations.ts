import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 14, finding 2: the visitors of a visit a denouncer came to are sealed like letter_petitioners
 * (ADR 0006). This migration adds the envelope columns and the blind index, lets the plain columns be
 * empty, and MARKS the visits to protect — about a denunciation or mixed, or where a denunciation (or
 * mixed) letter was handed in. It cannot seal them: the master keys are in the application's
 * configuration, not here. `npm run -s identity:rotate` seals every marked visit's plain rows (resumable,
 * idempotent; docs/identity-protection.md, "Reception visits"); until it has run, those rows are read
 * under the protected rules already.
 */
export class SealReceptionVisitorsOfDenunciations1796612039245 implements MigrationInterface {
  name = 'SealReceptionVisitorsOfDenunciations1796612039245';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE \`reception_visit_citizens\` ADD \`key_id\` varchar(16) CHARACTER SET "ascii" COLLATE "ascii_bin" NULL`,
    );
    await queryRunner.query(
      `ALTER TABLE \`reception_visit_citizens\` ADD \`wrapped_key\` varbinary(64) NULL`,
    );
    await queryRunner.query(
      `ALTER TABLE \`reception_visit_citizens\` ADD \`ciphertext\` varbinary(4096) NULL`,
    );
    await queryRunner.query(
      `ALTER TABLE \`reception_visit_citizens\` ADD \`id_number_index\` char(32) CHARACTER SET "ascii" COLLATE "ascii_bin" NULL`,
    );
    await queryRunner.query(
      `ALTER TABLE \`reception_visits\` ADD \`identity_protected\` tinyint NOT NULL DEFAULT 0`,
    );
    await queryRunner.query(
      `ALTER TABLE \`reception_visit_citizens\` CHANGE \`full_name\` \`full_name\` varchar(255) NULL`,
    );
    await queryRunner.query(
      `ALTER TABLE \`reception_visit_citizens\` CHANGE \`address\` \`address\` varchar(500) NULL`,
    );
    await queryRunner.query(
      `ALTER TABLE \`reception_visit_citizens\` CHANGE \`id_number\` \`id_number\` char(12) CHARACTER SET "ascii" COLLATE "ascii_bin" NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX \`idx_reception_visit_citizens_id_number_index\` ON \`reception_visit_citizens\` (\`id_number_index\`)`,
    );
    await SealReceptionVisitorsOfDenunciations1796612039245.mark(queryRunner);
  }

  /** The visits whose visitors are to be sealed. Idempotent; static so a test can run it over data. */
  static async mark(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `UPDATE \`reception_visits\` SET \`identity_protected\` = 1
       WHERE \`content_kind\` IN ('denunciation', 'mixed')
          OR \`id\` IN (SELECT \`visit_id\` FROM \`letters\` WHERE \`visit_id\` IS NOT NULL AND \`identity_protected\` = 1)`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    // Sealed visitors cannot be put back in plain columns without the keys: refuse rather than lose them.
    const [sealed] = await queryRunner.query(
      'SELECT COUNT(*) AS n FROM `reception_visit_citizens` WHERE `key_id` IS NOT NULL',
    );
    if (Number(sealed.n) > 0) {
      throw new Error(
        'reception_visit_citizens holds sealed visitors: reverting would lose them (docs/identity-protection.md)',
      );
    }
    await queryRunner.query(
      `DROP INDEX \`idx_reception_visit_citizens_id_number_index\` ON \`reception_visit_citizens\``,
    );
    await queryRunner.query(
      `ALTER TABLE \`reception_visit_citizens\` CHANGE \`id_number\` \`id_number\` char(12) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL`,
    );
    await queryRunner.query(
      `ALTER TABLE \`reception_visit_citizens\` CHANGE \`address\` \`address\` varchar(500) NOT NULL`,
    );
    await queryRunner.query(
      `ALTER TABLE \`reception_visit_citizens\` CHANGE \`full_name\` \`full_name\` varchar(255) NOT NULL`,
    );
    await queryRunner.query(`ALTER TABLE \`reception_visits\` DROP COLUMN \`identity_protected\``);
    await queryRunner.query(`ALTER TABLE \`reception_visit_citizens\` DROP COLUMN \`id_number_index\``);
    await queryRunner.query(`ALTER TABLE \`reception_visit_citizens\` DROP COLUMN \`ciphertext\``);
    await queryRunner.query(`ALTER TABLE \`reception_visit_citizens\` DROP COLUMN \`wrapped_key\``);
    await queryRunner.query(`ALTER TABLE \`reception_visit_citizens\` DROP COLUMN \`key_id\``);
  }
}
