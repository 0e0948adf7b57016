import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateMutexes1795616238134 implements MigrationInterface {
  name = 'CreateMutexes1795616238134';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE \`mutexes\` (\`name\` varchar(64) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, \`purpose\` varchar(255) NOT NULL, PRIMARY KEY (\`name\`)) ENGINE=InnoDB`,
    );
    // Moves, creations and (de)activations of units change the closure table across a subtree: they
    // take this row first, one at a time (src/units/units.service.ts).
    await queryRunner.query(
      `INSERT INTO \`mutexes\` (\`name\`, \`purpose\`) VALUES ('unit_tree', 'changes to the unit tree and its closure table')`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE \`mutexes\``);
  }
}
