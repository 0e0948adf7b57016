import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateLetterSubscriptions1796623444957 implements MigrationInterface {
  name = 'CreateLetterSubscriptions1796623444957';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE \`letter_subscriptions\` (\`id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, \`letter_id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, \`key_id\` varchar(16) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, \`wrapped_key\` varbinary(64) NOT NULL, \`ciphertext\` blob NOT NULL, \`unsubscribe_hash\` char(64) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, \`unsubscribed_at\` datetime(3) NULL, \`created_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3), UNIQUE INDEX \`uq_letter_subscriptions_unsubscribe\` (\`unsubscribe_hash\`), UNIQUE INDEX \`uq_letter_subscriptions_letter\` (\`letter_id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`letter_subscription_messages\` (\`id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, \`subscription_id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, \`event_key\` char(64) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, \`event_date\` date NOT NULL, \`text\` varchar(500) NOT NULL, \`status\` varchar(20) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, \`attempts\` smallint UNSIGNED NOT NULL DEFAULT '0', \`last_error\` varchar(40) CHARACTER SET "ascii" COLLATE "ascii_bin" NULL, \`sent_at\` datetime(3) NULL, \`created_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3), INDEX \`idx_letter_subscription_messages_status\` (\`status\`), UNIQUE INDEX \`uq_letter_subscription_messages_event\` (\`subscription_id\`, \`event_key\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `ALTER TABLE \`letter_subscriptions\` ADD CONSTRAINT \`fk_letter_subscriptions_letter_id\` FOREIGN KEY (\`letter_id\`) REFERENCES \`letters\`(\`id\`) ON DELETE RESTRICT ON UPDATE RESTRICT`,
    );
    await queryRunner.query(
      `ALTER TABLE \`letter_subscription_messages\` ADD CONSTRAINT \`fk_letter_subscription_messages_subscription_id\` FOREIGN KEY (\`subscription_id\`) REFERENCES \`letter_subscriptions\`(\`id\`) ON DELETE RESTRICT ON UPDATE RESTRICT`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE \`letter_subscription_messages\` DROP FOREIGN KEY \`fk_letter_subscription_messages_subscription_id\``,
    );
    await queryRunner.query(
      `ALTER TABLE \`letter_subscriptions\` DROP FOREIGN KEY \`fk_letter_subscriptions_letter_id\``,
    );
    await queryRunner.query(
      `DROP INDEX \`uq_letter_subscription_messages_event\` ON \`letter_subscription_messages\``,
    );
    await queryRunner.query(
      `DROP INDEX \`idx_letter_subscription_messages_status\` ON \`letter_subscription_messages\``,
    );
    await queryRunner.query(`DROP TABLE \`letter_subscription_messages\``);
    await queryRunner.query(`DROP INDEX \`uq_letter_subscriptions_letter\` ON \`letter_subscriptions\``);
    await queryRunner.query(`DROP INDEX \`uq_letter_subscriptions_unsubscribe\` ON \`letter_subscriptions\``);
    await queryRunner.query(`DROP TABLE \`letter_subscriptions\``);
  }
}
