import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateUsersAndSessions1795614506611 implements MigrationInterface {
  name = 'CreateUsersAndSessions1795614506611';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE \`user_roles\` (\`user_id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, \`role\` varchar(40) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, PRIMARY KEY (\`user_id\`, \`role\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`users\` (\`id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, \`email\` varchar(254) NOT NULL, \`full_name\` varchar(255) NOT NULL, \`title\` varchar(255) NULL, \`unit_id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, \`password_hash\` varchar(255) NOT NULL, \`active\` tinyint NOT NULL DEFAULT 1, \`failed_login_count\` smallint UNSIGNED NOT NULL DEFAULT '0', \`locked_until\` datetime(3) NULL, \`password_changed_at\` datetime(3) NULL, \`last_login_at\` datetime(3) NULL, \`created_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3), \`updated_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3), \`version\` int NOT NULL DEFAULT '1', INDEX \`idx_users_unit_id\` (\`unit_id\`), UNIQUE INDEX \`uq_users_email\` (\`email\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`auth_sessions\` (\`id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, \`user_id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, \`created_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3), \`expires_at\` datetime(3) NOT NULL, \`revoked_at\` datetime(3) NULL, \`revoked_reason\` varchar(40) NULL, INDEX \`idx_auth_sessions_user_id\` (\`user_id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`refresh_tokens\` (\`id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, \`session_id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, \`token_hash\` char(64) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, \`created_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3), \`expires_at\` datetime(3) NOT NULL, \`used_at\` datetime(3) NULL, INDEX \`idx_refresh_tokens_session_id\` (\`session_id\`), UNIQUE INDEX \`uq_refresh_tokens_token_hash\` (\`token_hash\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `ALTER TABLE \`user_roles\` ADD CONSTRAINT \`fk_user_roles_user_id\` FOREIGN KEY (\`user_id\`) REFERENCES \`users\`(\`id\`) ON DELETE CASCADE ON UPDATE RESTRICT`,
    );
    await queryRunner.query(
      `ALTER TABLE \`users\` ADD CONSTRAINT \`fk_users_unit_id\` FOREIGN KEY (\`unit_id\`) REFERENCES \`units\`(\`id\`) ON DELETE RESTRICT ON UPDATE RESTRICT`,
    );
    await queryRunner.query(
      `ALTER TABLE \`auth_sessions\` ADD CONSTRAINT \`fk_auth_sessions_user_id\` FOREIGN KEY (\`user_id\`) REFERENCES \`users\`(\`id\`) ON DELETE RESTRICT ON UPDATE RESTRICT`,
    );
    await queryRunner.query(
      `ALTER TABLE \`refresh_tokens\` ADD CONSTRAINT \`fk_refresh_tokens_session_id\` FOREIGN KEY (\`session_id\`) REFERENCES \`auth_sessions\`(\`id\`) ON DELETE CASCADE ON UPDATE RESTRICT`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE \`refresh_tokens\` DROP FOREIGN KEY \`fk_refresh_tokens_session_id\``,
    );
    await queryRunner.query(`ALTER TABLE \`auth_sessions\` DROP FOREIGN KEY \`fk_auth_sessions_user_id\``);
    await queryRunner.query(`ALTER TABLE \`users\` DROP FOREIGN KEY \`fk_users_unit_id\``);
    await queryRunner.query(`ALTER TABLE \`user_roles\` DROP FOREIGN KEY \`fk_user_roles_user_id\``);
    await queryRunner.query(`DROP INDEX \`uq_refresh_tokens_token_hash\` ON \`refresh_tokens\``);
    await queryRunner.query(`DROP INDEX \`idx_refresh_tokens_session_id\` ON \`refresh_tokens\``);
    await queryRunner.query(`DROP TABLE \`refresh_tokens\``);
    await queryRunner.query(`DROP INDEX \`idx_auth_sessions_user_id\` ON \`auth_sessions\``);
    await queryRunner.query(`DROP TABLE \`auth_sessions\``);
    await queryRunner.query(`DROP INDEX \`uq_users_email\` ON \`users\``);
    await queryRunner.query(`DROP INDEX \`idx_users_unit_id\` ON \`users\``);
    await queryRunner.query(`DROP TABLE \`users\``);
    await queryRunner.query(`DROP TABLE \`user_roles\``);
  }
}
