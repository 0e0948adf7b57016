import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 18: the console shows whom each escalation notified (GET /api/v1/escalations), found by the
 * notification's source key (`escalation-<id>`); the unique key starts with the user, so this index
 * makes that lookup a range read instead of a scan of every notification.
 */
export class AddNotificationsSourceIndex1796613000000 implements MigrationInterface {
  name = 'AddNotificationsSourceIndex1796613000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX \`idx_notifications_source\` ON \`notifications\` (\`source_key\`)`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`idx_notifications_source\` ON \`notifications\``);
  }
}
