import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateUnits1795614476479 implements MigrationInterface {
  name = 'CreateUnits1795614476479';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE \`units\` (\`id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, \`code\` varchar(40) CHARACTER SET "ascii" COLLATE "ascii_general_ci" NOT NULL, \`name\` varchar(255) NOT NULL, \`kind\` varchar(40) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, \`parent_id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NULL, \`remote\` tinyint NOT NULL DEFAULT 0, \`remote_reason\` varchar(500) NULL, \`reception_address\` varchar(500) NULL, \`contact_phone\` varchar(50) NULL, \`contact_email\` varchar(255) NULL, \`active\` tinyint NOT NULL DEFAULT 1, \`created_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3), \`updated_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3), \`version\` int NOT NULL DEFAULT '1', INDEX \`idx_units_parent_id\` (\`parent_id\`), UNIQUE INDEX \`uq_units_code\` (\`code\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`unit_closure\` (\`ancestor_id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, \`descendant_id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, \`depth\` smallint UNSIGNED NOT NULL, INDEX \`idx_unit_closure_descendant\` (\`descendant_id\`, \`depth\`), PRIMARY KEY (\`ancestor_id\`, \`descendant_id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `ALTER TABLE \`units\` ADD CONSTRAINT \`fk_units_parent_id\` FOREIGN KEY (\`parent_id\`) REFERENCES \`units\`(\`id\`) ON DELETE RESTRICT ON UPDATE RESTRICT`,
    );
    await queryRunner.query(
      `ALTER TABLE \`unit_closure\` ADD CONSTRAINT \`fk_unit_closure_ancestor_id\` FOREIGN KEY (\`ancestor_id\`) REFERENCES \`units\`(\`id\`) ON DELETE RESTRICT ON UPDATE RESTRICT`,
    );
    await queryRunner.query(
      `ALTER TABLE \`unit_closure\` ADD CONSTRAINT \`fk_unit_closure_descendant_id\` FOREIGN KEY (\`descendant_id\`) REFERENCES \`units\`(\`id\`) ON DELETE RESTRICT ON UPDATE RESTRICT`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE \`unit_closure\` DROP FOREIGN KEY \`fk_unit_closure_descendant_id\``,
    );
    await queryRunner.query(`ALTER TABLE \`unit_closure\` DROP FOREIGN KEY \`fk_unit_closure_ancestor_id\``);
    await queryRunner.query(`ALTER TABLE \`units\` DROP FOREIGN KEY \`fk_units_parent_id\``);
    await queryRunner.query(`DROP INDEX \`idx_unit_closure_descendant\` ON \`unit_closure\``);
    await queryRunner.query(`DROP TABLE \`unit_closure\``);
    await queryRunner.query(`DROP INDEX \`uq_units_code\` ON \`units\``);
    await queryRunner.query(`DROP INDEX \`idx_units_parent_id\` ON \`units\``);
    await queryRunner.query(`DROP TABLE \`units\``);
  }
}
