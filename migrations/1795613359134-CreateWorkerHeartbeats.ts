import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateWorkerHeartbeats1795613359134 implements MigrationInterface {
  name = 'CreateWorkerHeartbeats1795613359134';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE \`worker_heartbeats\` (\`worker_id\` varchar(120) NOT NULL, \`started_at\` datetime(3) NOT NULL, \`last_seen_at\` datetime(3) NOT NULL, \`beats\` int UNSIGNED NOT NULL DEFAULT '0', INDEX \`idx_worker_heartbeats_last_seen_at\` (\`last_seen_at\`), PRIMARY KEY (\`worker_id\`)) ENGINE=InnoDB`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`idx_worker_heartbeats_last_seen_at\` ON \`worker_heartbeats\``);
    await queryRunner.query(`DROP TABLE \`worker_heartbeats\``);
  }
}
