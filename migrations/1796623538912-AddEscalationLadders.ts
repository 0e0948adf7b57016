import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AddEscalationLadders1796623538912 implements MigrationInterface {
  name = 'AddEscalationLadders1796623538912';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE \`escalation_ladders\` (\`id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, \`ladder_key\` varchar(40) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, \`agency_scope\` varchar(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, \`version\` int NOT NULL, \`levels\` json NULL, \`reason\` varchar(500) NOT NULL, \`changed_by_user_id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, \`created_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3), UNIQUE INDEX \`uq_escalation_ladders_key_scope_version\` (\`ladder_key\`, \`agency_scope\`, \`version\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `DROP INDEX \`uq_escalation_ladders_key_scope_version\` ON \`escalation_ladders\``,
    );
    await queryRunner.query(`DROP TABLE \`escalation_ladders\``);
  }
}
