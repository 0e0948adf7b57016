import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AddEscalationsNotificationsAndEnforcement1795624540229 implements MigrationInterface {
  name = 'AddEscalationsNotificationsAndEnforcement1795624540229';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE \`enforcement_records\` (\`id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, \`subject_type\` varchar(40) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, \`subject_id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, \`unit_id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, \`title\` varchar(600) NOT NULL, \`decision_ref\` varchar(100) NULL, \`opened_on\` date NOT NULL, \`status\` varchar(20) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, \`closed_on\` date NULL, \`next_review_on\` date NULL, \`version\` int NOT NULL DEFAULT '1', \`created_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3), \`updated_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3), INDEX \`idx_enforcement_records_review\` (\`status\`, \`next_review_on\`), INDEX \`idx_enforcement_records_unit_status\` (\`unit_id\`, \`status\`), UNIQUE INDEX \`uq_enforcement_records_subject\` (\`subject_type\`, \`subject_id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`enforcement_obligations\` (\`id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, \`record_id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, \`position\` smallint UNSIGNED NOT NULL, \`kind\` varchar(32) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, \`description\` varchar(2000) NOT NULL, \`owning_unit_id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, \`due_date\` date NOT NULL, \`due_source\` varchar(20) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, \`deadline_id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NULL, \`status\` varchar(20) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, \`done_on\` date NULL, \`version\` int NOT NULL DEFAULT '1', \`created_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3), \`updated_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3), INDEX \`idx_enforcement_obligations_owner_status\` (\`owning_unit_id\`, \`status\`), UNIQUE INDEX \`uq_enforcement_obligations_position\` (\`record_id\`, \`position\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`enforcement_updates\` (\`id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, \`obligation_id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, \`reported_on\` date NOT NULL, \`note\` varchar(4000) NOT NULL, \`status_after\` varchar(20) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, \`reported_by_user_id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NULL, \`created_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3), INDEX \`idx_enforcement_updates_obligation\` (\`obligation_id\`, \`reported_on\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`enforcement_evidence\` (\`id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, \`update_id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, \`storage_key\` varchar(120) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, \`file_name\` varchar(255) NOT NULL, \`media_type\` varchar(100) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, \`size_bytes\` int UNSIGNED NOT NULL, \`sha256\` char(64) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, \`created_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3), INDEX \`idx_enforcement_evidence_update\` (\`update_id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`escalations\` (\`id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, \`deadline_id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, \`deadline_version\` int UNSIGNED NOT NULL, \`level\` tinyint UNSIGNED NOT NULL, \`status\` varchar(20) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, \`unit_id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, \`due_date\` date NOT NULL, \`recipients\` smallint UNSIGNED NOT NULL DEFAULT '0', \`created_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3), INDEX \`idx_escalations_unit_created\` (\`unit_id\`, \`created_at\`), UNIQUE INDEX \`uq_escalations_deadline_version_level\` (\`deadline_id\`, \`deadline_version\`, \`level\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`notifications\` (\`id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, \`user_id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, \`kind\` varchar(32) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, \`source_key\` varchar(100) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, \`title\` varchar(300) NOT NULL, \`body\` varchar(2000) NOT NULL, \`link\` varchar(300) CHARACTER SET "ascii" COLLATE "ascii_bin" NULL, \`subject_type\` varchar(40) CHARACTER SET "ascii" COLLATE "ascii_bin" NULL, \`subject_id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NULL, \`unit_id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NULL, \`read_at\` datetime(3) NULL, \`created_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3), INDEX \`idx_notifications_user_read_created\` (\`user_id\`, \`read_at\`, \`created_at\`), UNIQUE INDEX \`uq_notifications_user_source\` (\`user_id\`, \`source_key\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`email_deliveries\` (\`id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, \`notification_id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, \`user_id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, \`status\` varchar(20) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, \`send_after\` datetime(3) NOT NULL, \`attempts\` smallint UNSIGNED NOT NULL DEFAULT '0', \`last_error\` varchar(40) CHARACTER SET "ascii" COLLATE "ascii_bin" NULL, \`sent_at\` datetime(3) NULL, \`created_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3), INDEX \`idx_email_deliveries_status_send_after\` (\`status\`, \`send_after\`), UNIQUE INDEX \`uq_email_deliveries_notification\` (\`notification_id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`webhook_endpoints\` (\`id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, \`url\` varchar(500) NOT NULL, \`key_id\` varchar(16) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, \`wrapped_key\` varbinary(64) NOT NULL, \`secret_ciphertext\` varbinary(512) NOT NULL, \`events\` json NOT NULL, \`active\` tinyint NOT NULL DEFAULT 1, \`created_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`webhook_deliveries\` (\`id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, \`endpoint_id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, \`event_key\` varchar(100) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, \`event\` varchar(32) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, \`payload\` json NOT NULL, \`status\` varchar(20) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, \`attempts\` smallint UNSIGNED NOT NULL DEFAULT '0', \`next_attempt_at\` datetime(3) NOT NULL, \`response_status\` smallint UNSIGNED NULL, \`delivered_at\` datetime(3) NULL, \`created_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3), INDEX \`idx_webhook_deliveries_status_next\` (\`status\`, \`next_attempt_at\`), UNIQUE INDEX \`uq_webhook_deliveries_endpoint_event\` (\`endpoint_id\`, \`event_key\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(`ALTER TABLE \`users\` ADD \`email_digest\` tinyint NOT NULL DEFAULT 0`);
    await queryRunner.query(`ALTER TABLE \`case_deadlines\` ADD \`next_escalation_on\` date NULL`);
    await queryRunner.query(
      `ALTER TABLE \`case_deadlines\` ADD \`next_escalation_level\` tinyint UNSIGNED NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX \`idx_case_deadlines_status_next_escalation\` ON \`case_deadlines\` (\`status\`, \`next_escalation_on\`)`,
    );
    await queryRunner.query(
      `ALTER TABLE \`enforcement_records\` ADD CONSTRAINT \`fk_enforcement_records_unit_id\` FOREIGN KEY (\`unit_id\`) REFERENCES \`units\`(\`id\`) ON DELETE RESTRICT ON UPDATE RESTRICT`,
    );
    await queryRunner.query(
      `ALTER TABLE \`enforcement_obligations\` ADD CONSTRAINT \`fk_enforcement_obligations_record_id\` FOREIGN KEY (\`record_id\`) REFERENCES \`enforcement_records\`(\`id\`) ON DELETE RESTRICT ON UPDATE RESTRICT`,
    );
    await queryRunner.query(
      `ALTER TABLE \`enforcement_obligations\` ADD CONSTRAINT \`fk_enforcement_obligations_owner\` FOREIGN KEY (\`owning_unit_id\`) REFERENCES \`units\`(\`id\`) ON DELETE RESTRICT ON UPDATE RESTRICT`,
    );
    await queryRunner.query(
      `ALTER TABLE \`enforcement_updates\` ADD CONSTRAINT \`fk_enforcement_updates_obligation_id\` FOREIGN KEY (\`obligation_id\`) REFERENCES \`enforcement_obligations\`(\`id\`) ON DELETE RESTRICT ON UPDATE RESTRICT`,
    );
    await queryRunner.query(
      `ALTER TABLE \`enforcement_updates\` ADD CONSTRAINT \`fk_enforcement_updates_reporter\` FOREIGN KEY (\`reported_by_user_id\`) REFERENCES \`users\`(\`id\`) ON DELETE RESTRICT ON UPDATE RESTRICT`,
    );
    await queryRunner.query(
      `ALTER TABLE \`enforcement_evidence\` ADD CONSTRAINT \`fk_enforcement_evidence_update_id\` FOREIGN KEY (\`update_id\`) REFERENCES \`enforcement_updates\`(\`id\`) ON DELETE RESTRICT ON UPDATE RESTRICT`,
    );
    await queryRunner.query(
      `ALTER TABLE \`escalations\` ADD CONSTRAINT \`fk_escalations_deadline_id\` FOREIGN KEY (\`deadline_id\`) REFERENCES \`case_deadlines\`(\`id\`) ON DELETE RESTRICT ON UPDATE RESTRICT`,
    );
    await queryRunner.query(
      `ALTER TABLE \`notifications\` ADD CONSTRAINT \`fk_notifications_user_id\` FOREIGN KEY (\`user_id\`) REFERENCES \`users\`(\`id\`) ON DELETE RESTRICT ON UPDATE RESTRICT`,
    );
    await queryRunner.query(
      `ALTER TABLE \`email_deliveries\` ADD CONSTRAINT \`fk_email_deliveries_notification_id\` FOREIGN KEY (\`notification_id\`) REFERENCES \`notifications\`(\`id\`) ON DELETE RESTRICT ON UPDATE RESTRICT`,
    );
    await queryRunner.query(
      `ALTER TABLE \`email_deliveries\` ADD CONSTRAINT \`fk_email_deliveries_user_id\` FOREIGN KEY (\`user_id\`) REFERENCES \`users\`(\`id\`) ON DELETE RESTRICT ON UPDATE RESTRICT`,
    );
    await queryRunner.query(
      `ALTER TABLE \`webhook_deliveries\` ADD CONSTRAINT \`fk_webhook_deliveries_endpoint_id\` FOREIGN KEY (\`endpoint_id\`) REFERENCES \`webhook_endpoints\`(\`id\`) ON DELETE RESTRICT ON UPDATE RESTRICT`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE \`webhook_deliveries\` DROP FOREIGN KEY \`fk_webhook_deliveries_endpoint_id\``,
    );
    await queryRunner.query(
      `ALTER TABLE \`email_deliveries\` DROP FOREIGN KEY \`fk_email_deliveries_user_id\``,
    );
    await queryRunner.query(
      `ALTER TABLE \`email_deliveries\` DROP FOREIGN KEY \`fk_email_deliveries_notification_id\``,
    );
    await queryRunner.query(`ALTER TABLE \`notifications\` DROP FOREIGN KEY \`fk_notifications_user_id\``);
    await queryRunner.query(`ALTER TABLE \`escalations\` DROP FOREIGN KEY \`fk_escalations_deadline_id\``);
    await queryRunner.query(
      `ALTER TABLE \`enforcement_evidence\` DROP FOREIGN KEY \`fk_enforcement_evidence_update_id\``,
    );
    await queryRunner.query(
      `ALTER TABLE \`enforcement_updates\` DROP FOREIGN KEY \`fk_enforcement_updates_reporter\``,
    );
    await queryRunner.query(
      `ALTER TABLE \`enforcement_updates\` DROP FOREIGN KEY \`fk_enforcement_updates_obligation_id\``,
    );
    await queryRunner.query(
      `ALTER TABLE \`enforcement_obligations\` DROP FOREIGN KEY \`fk_enforcement_obligations_owner\``,
    );
    await queryRunner.query(
      `ALTER TABLE \`enforcement_obligations\` DROP FOREIGN KEY \`fk_enforcement_obligations_record_id\``,
    );
    await queryRunner.query(
      `ALTER TABLE \`enforcement_records\` DROP FOREIGN KEY \`fk_enforcement_records_unit_id\``,
    );
    await queryRunner.query(`DROP INDEX \`idx_case_deadlines_status_next_escalation\` ON \`case_deadlines\``);
    await queryRunner.query(`ALTER TABLE \`case_deadlines\` DROP COLUMN \`next_escalation_level\``);
    await queryRunner.query(`ALTER TABLE \`case_deadlines\` DROP COLUMN \`next_escalation_on\``);
    await queryRunner.query(`ALTER TABLE \`users\` DROP COLUMN \`email_digest\``);
    await queryRunner.query(`DROP INDEX \`uq_webhook_deliveries_endpoint_event\` ON \`webhook_deliveries\``);
    await queryRunner.query(`DROP INDEX \`idx_webhook_deliveries_status_next\` ON \`webhook_deliveries\``);
    await queryRunner.query(`DROP TABLE \`webhook_deliveries\``);
    await queryRunner.query(`DROP TABLE \`webhook_endpoints\``);
    await queryRunner.query(`DROP INDEX \`uq_email_deliveries_notification\` ON \`email_deliveries\``);
    await queryRunner.query(`DROP INDEX \`idx_email_deliveries_status_send_after\` ON \`email_deliveries\``);
    await queryRunner.query(`DROP TABLE \`email_deliveries\``);
    await queryRunner.query(`DROP INDEX \`uq_notifications_user_source\` ON \`notifications\``);
    await queryRunner.query(`DROP INDEX \`idx_notifications_user_read_created\` ON \`notifications\``);
    await queryRunner.query(`DROP TABLE \`notifications\``);
    await queryRunner.query(`DROP INDEX \`uq_escalations_deadline_version_level\` ON \`escalations\``);
    await queryRunner.query(`DROP INDEX \`idx_escalations_unit_created\` ON \`escalations\``);
    await queryRunner.query(`DROP TABLE \`escalations\``);
    await queryRunner.query(`DROP INDEX \`idx_enforcement_evidence_update\` ON \`enforcement_evidence\``);
    await queryRunner.query(`DROP TABLE \`enforcement_evidence\``);
    await queryRunner.query(`DROP INDEX \`idx_enforcement_updates_obligation\` ON \`enforcement_updates\``);
    await queryRunner.query(`DROP TABLE \`enforcement_updates\``);
    await queryRunner.query(
      `DROP INDEX \`uq_enforcement_obligations_position\` ON \`enforcement_obligations\``,
    );
    await queryRunner.query(
      `DROP INDEX \`idx_enforcement_obligations_owner_status\` ON \`enforcement_obligations\``,
    );
    await queryRunner.query(`DROP TABLE \`enforcement_obligations\``);
    await queryRunner.query(`DROP INDEX \`uq_enforcement_records_subject\` ON \`enforcement_records\``);
    await queryRunner.query(`DROP INDEX \`idx_enforcement_records_unit_status\` ON \`enforcement_records\``);
    await queryRunner.query(`DROP INDEX \`idx_enforcement_records_review\` ON \`enforcement_records\``);
    await queryRunner.query(`DROP TABLE \`enforcement_records\``);
  }
}
