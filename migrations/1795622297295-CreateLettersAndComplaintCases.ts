import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateLettersAndComplaintCases1795622297295 implements MigrationInterface {
  name = 'CreateLettersAndComplaintCases1795622297295';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE \`case_number_counters\` (\`prefix\` varchar(4) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, \`year\` smallint UNSIGNED NOT NULL, \`last_number\` int UNSIGNED NOT NULL, PRIMARY KEY (\`prefix\`, \`year\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`letters\` (\`id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, \`unit_id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, \`received_on\` date NOT NULL, \`channel\` varchar(20) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, \`forwarded_by\` varchar(500) NULL, \`forwarded_ref\` varchar(100) NULL, \`visit_id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NULL, \`part_number\` smallint UNSIGNED NOT NULL DEFAULT '0', \`transferred_from_letter_id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NULL, \`parent_letter_id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NULL, \`classification\` varchar(20) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, \`complaint_track\` varchar(20) CHARACTER SET "ascii" COLLATE "ascii_bin" NULL, \`previous_case_id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NULL, \`subject\` varchar(500) NOT NULL, \`content\` text NOT NULL, \`search_text\` text CHARACTER SET "ascii" COLLATE "ascii_general_ci" NOT NULL, \`petitioner_count\` smallint UNSIGNED NOT NULL, \`eligible\` tinyint NOT NULL, \`eligibility\` json NOT NULL, \`flags\` json NOT NULL, \`status\` varchar(20) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, \`processing_due\` date NOT NULL, \`decision\` varchar(20) CHARACTER SET "ascii" COLLATE "ascii_bin" NULL, \`decided_on\` date NULL, \`decided_by_user_id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NULL, \`decision_legal_basis\` varchar(500) NULL, \`guidance_body\` varchar(500) NULL, \`guidance_ref\` varchar(100) NULL, \`transfer_to_unit_id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NULL, \`transfer_to_body\` varchar(500) NULL, \`transfer_ref\` varchar(100) NULL, \`return_ref\` varchar(100) NULL, \`archive_reason\` varchar(32) CHARACTER SET "ascii" COLLATE "ascii_bin" NULL, \`duplicate_of_letter_id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NULL, \`case_id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NULL, \`receipt_code\` varchar(20) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, \`receipt_secret_hash\` char(64) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, \`registered_by_user_id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NULL, \`version\` int NOT NULL DEFAULT '1', \`created_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3), \`updated_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3), UNIQUE INDEX \`uq_letters_visit\` (\`visit_id\`, \`part_number\`), INDEX \`idx_letters_transferred_from\` (\`transferred_from_letter_id\`), INDEX \`idx_letters_parent\` (\`parent_letter_id\`), INDEX \`idx_letters_unit_status_received\` (\`unit_id\`, \`status\`, \`received_on\`), UNIQUE INDEX \`uq_letters_receipt_code\` (\`receipt_code\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`complaint_cases\` (\`id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, \`case_number\` varchar(20) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, \`letter_id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, \`unit_id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, \`handler_user_id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NULL, \`track\` varchar(20) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, \`state\` varchar(32) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, \`suspended_from\` varchar(32) CHARACTER SET "ascii" COLLATE "ascii_bin" NULL, \`dialogue_held\` tinyint NOT NULL DEFAULT 0, \`previous_case_id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NULL, \`subject\` varchar(500) NOT NULL, \`search_text\` varchar(500) CHARACTER SET "ascii" COLLATE "ascii_general_ci" NOT NULL, \`received_on\` date NOT NULL, \`accepted_on\` date NULL, \`decided_on\` date NULL, \`decision_ref\` varchar(100) NULL, \`legal_effect_from\` date NULL, \`remote\` tinyint NOT NULL DEFAULT 0, \`remote_reason\` varchar(1000) NULL, \`remote_set_by_user_id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NULL, \`complicated\` tinyint NOT NULL DEFAULT 0, \`complicated_reason\` varchar(1000) NULL, \`complicated_set_by_user_id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NULL, \`version\` int NOT NULL DEFAULT '1', \`created_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3), \`updated_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3), INDEX \`idx_complaint_cases_previous\` (\`previous_case_id\`), INDEX \`idx_complaint_cases_handler_state\` (\`handler_user_id\`, \`state\`), INDEX \`idx_complaint_cases_unit_state\` (\`unit_id\`, \`state\`), UNIQUE INDEX \`uq_complaint_cases_number\` (\`case_number\`), UNIQUE INDEX \`uq_complaint_cases_letter_id\` (\`letter_id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`complaint_case_events\` (\`id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, \`case_id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, \`sequence\` smallint UNSIGNED NOT NULL, \`event\` varchar(32) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, \`from_state\` varchar(32) CHARACTER SET "ascii" COLLATE "ascii_bin" NULL, \`to_state\` varchar(32) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, \`event_date\` date NOT NULL, \`document_ref\` varchar(100) NULL, \`legal_basis\` varchar(500) NULL, \`note\` varchar(2000) NULL, \`actor_user_id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NULL, \`created_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3), UNIQUE INDEX \`uq_complaint_case_events_sequence\` (\`case_id\`, \`sequence\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`letter_attachments\` (\`id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, \`letter_id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, \`storage_key\` varchar(120) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, \`file_name\` varchar(255) NOT NULL, \`media_type\` varchar(100) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, \`size_bytes\` int UNSIGNED NOT NULL, \`sha256\` char(64) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, \`identifying\` tinyint NOT NULL DEFAULT 0, \`uploaded_by_user_id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NULL, \`created_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3), INDEX \`idx_letter_attachments_letter_id\` (\`letter_id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`letter_petitioners\` (\`id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, \`letter_id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, \`position\` smallint UNSIGNED NOT NULL, \`representative\` tinyint NOT NULL DEFAULT 0, \`key_id\` varchar(16) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, \`wrapped_key\` varbinary(64) NOT NULL, \`ciphertext\` varbinary(4096) NOT NULL, \`id_number_index\` char(32) CHARACTER SET "ascii" COLLATE "ascii_bin" NULL, \`name_address_index\` char(32) CHARACTER SET "ascii" COLLATE "ascii_bin" NULL, INDEX \`idx_letter_petitioners_name_address\` (\`name_address_index\`), INDEX \`idx_letter_petitioners_id_number\` (\`id_number_index\`), UNIQUE INDEX \`uq_letter_petitioners_position\` (\`letter_id\`, \`position\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `ALTER TABLE \`letters\` ADD CONSTRAINT \`fk_letters_unit_id\` FOREIGN KEY (\`unit_id\`) REFERENCES \`units\`(\`id\`) ON DELETE RESTRICT ON UPDATE RESTRICT`,
    );
    await queryRunner.query(
      `ALTER TABLE \`letters\` ADD CONSTRAINT \`fk_letters_visit_id\` FOREIGN KEY (\`visit_id\`) REFERENCES \`reception_visits\`(\`id\`) ON DELETE RESTRICT ON UPDATE RESTRICT`,
    );
    await queryRunner.query(
      `ALTER TABLE \`letters\` ADD CONSTRAINT \`fk_letters_transferred_from\` FOREIGN KEY (\`transferred_from_letter_id\`) REFERENCES \`letters\`(\`id\`) ON DELETE RESTRICT ON UPDATE RESTRICT`,
    );
    await queryRunner.query(
      `ALTER TABLE \`letters\` ADD CONSTRAINT \`fk_letters_parent\` FOREIGN KEY (\`parent_letter_id\`) REFERENCES \`letters\`(\`id\`) ON DELETE RESTRICT ON UPDATE RESTRICT`,
    );
    await queryRunner.query(
      `ALTER TABLE \`letters\` ADD CONSTRAINT \`fk_letters_decided_by\` FOREIGN KEY (\`decided_by_user_id\`) REFERENCES \`users\`(\`id\`) ON DELETE RESTRICT ON UPDATE RESTRICT`,
    );
    await queryRunner.query(
      `ALTER TABLE \`letters\` ADD CONSTRAINT \`fk_letters_transfer_to_unit\` FOREIGN KEY (\`transfer_to_unit_id\`) REFERENCES \`units\`(\`id\`) ON DELETE RESTRICT ON UPDATE RESTRICT`,
    );
    await queryRunner.query(
      `ALTER TABLE \`letters\` ADD CONSTRAINT \`fk_letters_duplicate_of\` FOREIGN KEY (\`duplicate_of_letter_id\`) REFERENCES \`letters\`(\`id\`) ON DELETE RESTRICT ON UPDATE RESTRICT`,
    );
    await queryRunner.query(
      `ALTER TABLE \`letters\` ADD CONSTRAINT \`fk_letters_registered_by\` FOREIGN KEY (\`registered_by_user_id\`) REFERENCES \`users\`(\`id\`) ON DELETE RESTRICT ON UPDATE RESTRICT`,
    );
    await queryRunner.query(
      `ALTER TABLE \`complaint_cases\` ADD CONSTRAINT \`fk_complaint_cases_letter_id\` FOREIGN KEY (\`letter_id\`) REFERENCES \`letters\`(\`id\`) ON DELETE RESTRICT ON UPDATE RESTRICT`,
    );
    await queryRunner.query(
      `ALTER TABLE \`complaint_cases\` ADD CONSTRAINT \`fk_complaint_cases_unit_id\` FOREIGN KEY (\`unit_id\`) REFERENCES \`units\`(\`id\`) ON DELETE RESTRICT ON UPDATE RESTRICT`,
    );
    await queryRunner.query(
      `ALTER TABLE \`complaint_cases\` ADD CONSTRAINT \`fk_complaint_cases_handler\` FOREIGN KEY (\`handler_user_id\`) REFERENCES \`users\`(\`id\`) ON DELETE RESTRICT ON UPDATE RESTRICT`,
    );
    await queryRunner.query(
      `ALTER TABLE \`complaint_cases\` ADD CONSTRAINT \`fk_complaint_cases_previous\` FOREIGN KEY (\`previous_case_id\`) REFERENCES \`complaint_cases\`(\`id\`) ON DELETE RESTRICT ON UPDATE RESTRICT`,
    );
    await queryRunner.query(
      `ALTER TABLE \`complaint_case_events\` ADD CONSTRAINT \`fk_complaint_case_events_case_id\` FOREIGN KEY (\`case_id\`) REFERENCES \`complaint_cases\`(\`id\`) ON DELETE RESTRICT ON UPDATE RESTRICT`,
    );
    await queryRunner.query(
      `ALTER TABLE \`complaint_case_events\` ADD CONSTRAINT \`fk_complaint_case_events_actor\` FOREIGN KEY (\`actor_user_id\`) REFERENCES \`users\`(\`id\`) ON DELETE RESTRICT ON UPDATE RESTRICT`,
    );
    await queryRunner.query(
      `ALTER TABLE \`letter_attachments\` ADD CONSTRAINT \`fk_letter_attachments_letter_id\` FOREIGN KEY (\`letter_id\`) REFERENCES \`letters\`(\`id\`) ON DELETE RESTRICT ON UPDATE RESTRICT`,
    );
    await queryRunner.query(
      `ALTER TABLE \`letter_attachments\` ADD CONSTRAINT \`fk_letter_attachments_uploaded_by\` FOREIGN KEY (\`uploaded_by_user_id\`) REFERENCES \`users\`(\`id\`) ON DELETE RESTRICT ON UPDATE RESTRICT`,
    );
    await queryRunner.query(
      `ALTER TABLE \`letter_petitioners\` ADD CONSTRAINT \`fk_letter_petitioners_letter_id\` FOREIGN KEY (\`letter_id\`) REFERENCES \`letters\`(\`id\`) ON DELETE RESTRICT ON UPDATE RESTRICT`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE \`letter_petitioners\` DROP FOREIGN KEY \`fk_letter_petitioners_letter_id\``,
    );
    await queryRunner.query(
      `ALTER TABLE \`letter_attachments\` DROP FOREIGN KEY \`fk_letter_attachments_uploaded_by\``,
    );
    await queryRunner.query(
      `ALTER TABLE \`letter_attachments\` DROP FOREIGN KEY \`fk_letter_attachments_letter_id\``,
    );
    await queryRunner.query(
      `ALTER TABLE \`complaint_case_events\` DROP FOREIGN KEY \`fk_complaint_case_events_actor\``,
    );
    await queryRunner.query(
      `ALTER TABLE \`complaint_case_events\` DROP FOREIGN KEY \`fk_complaint_case_events_case_id\``,
    );
    await queryRunner.query(
      `ALTER TABLE \`complaint_cases\` DROP FOREIGN KEY \`fk_complaint_cases_previous\``,
    );
    await queryRunner.query(
      `ALTER TABLE \`complaint_cases\` DROP FOREIGN KEY \`fk_complaint_cases_handler\``,
    );
    await queryRunner.query(
      `ALTER TABLE \`complaint_cases\` DROP FOREIGN KEY \`fk_complaint_cases_unit_id\``,
    );
    await queryRunner.query(
      `ALTER TABLE \`complaint_cases\` DROP FOREIGN KEY \`fk_complaint_cases_letter_id\``,
    );
    await queryRunner.query(`ALTER TABLE \`letters\` DROP FOREIGN KEY \`fk_letters_registered_by\``);
    await queryRunner.query(`ALTER TABLE \`letters\` DROP FOREIGN KEY \`fk_letters_duplicate_of\``);
    await queryRunner.query(`ALTER TABLE \`letters\` DROP FOREIGN KEY \`fk_letters_transfer_to_unit\``);
    await queryRunner.query(`ALTER TABLE \`letters\` DROP FOREIGN KEY \`fk_letters_decided_by\``);
    await queryRunner.query(`ALTER TABLE \`letters\` DROP FOREIGN KEY \`fk_letters_parent\``);
    await queryRunner.query(`ALTER TABLE \`letters\` DROP FOREIGN KEY \`fk_letters_transferred_from\``);
    await queryRunner.query(`ALTER TABLE \`letters\` DROP FOREIGN KEY \`fk_letters_visit_id\``);
    await queryRunner.query(`ALTER TABLE \`letters\` DROP FOREIGN KEY \`fk_letters_unit_id\``);
    await queryRunner.query(`DROP INDEX \`uq_letter_petitioners_position\` ON \`letter_petitioners\``);
    await queryRunner.query(`DROP INDEX \`idx_letter_petitioners_id_number\` ON \`letter_petitioners\``);
    await queryRunner.query(`DROP INDEX \`idx_letter_petitioners_name_address\` ON \`letter_petitioners\``);
    await queryRunner.query(`DROP TABLE \`letter_petitioners\``);
    await queryRunner.query(`DROP INDEX \`idx_letter_attachments_letter_id\` ON \`letter_attachments\``);
    await queryRunner.query(`DROP TABLE \`letter_attachments\``);
    await queryRunner.query(`DROP INDEX \`uq_complaint_case_events_sequence\` ON \`complaint_case_events\``);
    await queryRunner.query(`DROP TABLE \`complaint_case_events\``);
    await queryRunner.query(`DROP INDEX \`uq_complaint_cases_letter_id\` ON \`complaint_cases\``);
    await queryRunner.query(`DROP INDEX \`uq_complaint_cases_number\` ON \`complaint_cases\``);
    await queryRunner.query(`DROP INDEX \`idx_complaint_cases_unit_state\` ON \`complaint_cases\``);
    await queryRunner.query(`DROP INDEX \`idx_complaint_cases_handler_state\` ON \`complaint_cases\``);
    await queryRunner.query(`DROP INDEX \`idx_complaint_cases_previous\` ON \`complaint_cases\``);
    await queryRunner.query(`DROP TABLE \`complaint_cases\``);
    await queryRunner.query(`DROP INDEX \`uq_letters_receipt_code\` ON \`letters\``);
    await queryRunner.query(`DROP INDEX \`idx_letters_unit_status_received\` ON \`letters\``);
    await queryRunner.query(`DROP INDEX \`idx_letters_parent\` ON \`letters\``);
    await queryRunner.query(`DROP INDEX \`idx_letters_transferred_from\` ON \`letters\``);
    await queryRunner.query(`DROP INDEX \`uq_letters_visit\` ON \`letters\``);
    await queryRunner.query(`DROP TABLE \`letters\``);
    await queryRunner.query(`DROP TABLE \`case_number_counters\``);
  }
}
