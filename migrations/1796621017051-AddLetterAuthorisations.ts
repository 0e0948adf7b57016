import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Issue 20, point 3: the person a complainant authorised, sealed like letter_petitioners (ADR 0006). */
export class AddLetterAuthorisations1796621017051 implements MigrationInterface {
  name = 'AddLetterAuthorisations1796621017051';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE \`letter_authorisations\` (\`id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, \`letter_id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, \`kind\` varchar(20) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, \`document_ref\` varchar(100) NOT NULL, \`document_date\` date NOT NULL, \`notarised\` tinyint NOT NULL, \`certification_ref\` varchar(100) NULL, \`assignment_decision_ref\` varchar(100) NULL, \`document_attachment_id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NULL, \`rule_id\` varchar(40) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, \`key_id\` varchar(16) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, \`wrapped_key\` varbinary(64) NOT NULL, \`ciphertext\` varbinary(4096) NOT NULL, \`id_number_index\` char(32) CHARACTER SET "ascii" COLLATE "ascii_bin" NULL, \`recorded_by_user_id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NULL, \`updated_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3), INDEX \`idx_letter_authorisations_id_number\` (\`id_number_index\`), UNIQUE INDEX \`uq_letter_authorisations_letter_id\` (\`letter_id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `ALTER TABLE \`letter_authorisations\` ADD CONSTRAINT \`fk_letter_authorisations_letter_id\` FOREIGN KEY (\`letter_id\`) REFERENCES \`letters\`(\`id\`) ON DELETE RESTRICT ON UPDATE RESTRICT`,
    );
    await queryRunner.query(
      `ALTER TABLE \`letter_authorisations\` ADD CONSTRAINT \`fk_letter_authorisations_document_attachment_id\` FOREIGN KEY (\`document_attachment_id\`) REFERENCES \`letter_attachments\`(\`id\`) ON DELETE RESTRICT ON UPDATE RESTRICT`,
    );
    await queryRunner.query(
      `ALTER TABLE \`letter_authorisations\` ADD CONSTRAINT \`fk_letter_authorisations_recorded_by\` FOREIGN KEY (\`recorded_by_user_id\`) REFERENCES \`users\`(\`id\`) ON DELETE RESTRICT ON UPDATE RESTRICT`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE \`letter_authorisations\` DROP FOREIGN KEY \`fk_letter_authorisations_recorded_by\``,
    );
    await queryRunner.query(
      `ALTER TABLE \`letter_authorisations\` DROP FOREIGN KEY \`fk_letter_authorisations_document_attachment_id\``,
    );
    await queryRunner.query(
      `ALTER TABLE \`letter_authorisations\` DROP FOREIGN KEY \`fk_letter_authorisations_letter_id\``,
    );
    await queryRunner.query(`DROP INDEX \`uq_letter_authorisations_letter_id\` ON \`letter_authorisations\``);
    await queryRunner.query(
      `DROP INDEX \`idx_letter_authorisations_id_number\` ON \`letter_authorisations\``,
    );
    await queryRunner.query(`DROP TABLE \`letter_authorisations\``);
  }
}
