import type { MigrationInterface, QueryRunner } from 'typeorm';

export class WidenLetterTextAndCaseSearchColumns1795624160119 implements MigrationInterface {
  name = 'WidenLetterTextAndCaseSearchColumns1795624160119';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`letters\` DROP COLUMN \`content\``);
    await queryRunner.query(`ALTER TABLE \`letters\` ADD \`content\` mediumtext NOT NULL`);
    await queryRunner.query(`ALTER TABLE \`letters\` DROP COLUMN \`search_text\``);
    await queryRunner.query(
      `ALTER TABLE \`letters\` ADD \`search_text\` mediumtext CHARACTER SET "ascii" COLLATE "ascii_general_ci" NOT NULL`,
    );
    await queryRunner.query(`ALTER TABLE \`complaint_cases\` DROP COLUMN \`search_text\``);
    await queryRunner.query(
      `ALTER TABLE \`complaint_cases\` ADD \`search_text\` varchar(600) CHARACTER SET "ascii" COLLATE "ascii_general_ci" NOT NULL`,
    );
    await queryRunner.query(`ALTER TABLE \`denunciation_cases\` DROP COLUMN \`search_text\``);
    await queryRunner.query(
      `ALTER TABLE \`denunciation_cases\` ADD \`search_text\` varchar(600) CHARACTER SET "ascii" COLLATE "ascii_general_ci" NOT NULL`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`denunciation_cases\` DROP COLUMN \`search_text\``);
    await queryRunner.query(
      `ALTER TABLE \`denunciation_cases\` ADD \`search_text\` varchar(500) CHARACTER SET "ascii" COLLATE "ascii_general_ci" NOT NULL`,
    );
    await queryRunner.query(`ALTER TABLE \`complaint_cases\` DROP COLUMN \`search_text\``);
    await queryRunner.query(
      `ALTER TABLE \`complaint_cases\` ADD \`search_text\` varchar(500) CHARACTER SET "ascii" COLLATE "ascii_general_ci" NOT NULL`,
    );
    await queryRunner.query(`ALTER TABLE \`letters\` DROP COLUMN \`search_text\``);
    await queryRunner.query(
      `ALTER TABLE \`letters\` ADD \`search_text\` text CHARACTER SET "ascii" COLLATE "ascii_general_ci" NOT NULL`,
    );
    await queryRunner.query(`ALTER TABLE \`letters\` DROP COLUMN \`content\``);
    await queryRunner.query(`ALTER TABLE \`letters\` ADD \`content\` text NOT NULL`);
  }
}
