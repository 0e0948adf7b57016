import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AddSignInThrottles1796611800391 implements MigrationInterface {
  name = 'AddSignInThrottles1796611800391';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE \`sign_in_throttles\` (\`throttle_key\` char(64) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, \`failures\` int NOT NULL DEFAULT '0', \`blocked_until\` datetime(3) NULL, \`last_failure_at\` datetime(3) NOT NULL, INDEX \`idx_sign_in_throttles_last_failure_at\` (\`last_failure_at\`), PRIMARY KEY (\`throttle_key\`)) ENGINE=InnoDB`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`idx_sign_in_throttles_last_failure_at\` ON \`sign_in_throttles\``);
    await queryRunner.query(`DROP TABLE \`sign_in_throttles\``);
  }
}
