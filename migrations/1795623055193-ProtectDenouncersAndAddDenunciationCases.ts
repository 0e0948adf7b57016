import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ProtectDenouncersAndAddDenunciationCases1795623055193 implements MigrationInterface {
  name = 'ProtectDenouncersAndAddDenunciationCases1795623055193';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE \`denunciation_cases\` (\`id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, \`case_number\` varchar(20) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, \`letter_id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, \`unit_id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, \`handler_user_id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NULL, \`track\` varchar(40) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, \`state\` varchar(32) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, \`suspended_from\` varchar(32) CHARACTER SET "ascii" COLLATE "ascii_bin" NULL, \`original_case_id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NULL, \`subject\` varchar(500) NOT NULL, \`search_text\` varchar(500) CHARACTER SET "ascii" COLLATE "ascii_general_ci" NOT NULL, \`received_on\` date NOT NULL, \`accepted_on\` date NULL, \`accepted_by_user_id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NULL, \`concluded_on\` date NULL, \`conclusion_ref\` varchar(100) NULL, \`complexity\` varchar(32) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, \`complexity_reason\` varchar(1000) NULL, \`complexity_set_by_user_id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NULL, \`extensions\` tinyint UNSIGNED NOT NULL DEFAULT '0', \`conclusion_sent\` tinyint NOT NULL DEFAULT 0, \`conclusion_handled\` tinyint NOT NULL DEFAULT 0, \`withdrawn\` tinyint NOT NULL DEFAULT 0, \`version\` int NOT NULL DEFAULT '1', \`created_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3), \`updated_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3), INDEX \`idx_denunciation_cases_original\` (\`original_case_id\`), INDEX \`idx_denunciation_cases_handler_state\` (\`handler_user_id\`, \`state\`), INDEX \`idx_denunciation_cases_unit_state\` (\`unit_id\`, \`state\`), UNIQUE INDEX \`uq_denunciation_cases_number\` (\`case_number\`), UNIQUE INDEX \`uq_denunciation_cases_letter_id\` (\`letter_id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`denunciation_case_events\` (\`id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, \`case_id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, \`sequence\` smallint UNSIGNED NOT NULL, \`event\` varchar(32) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, \`from_state\` varchar(32) CHARACTER SET "ascii" COLLATE "ascii_bin" NULL, \`to_state\` varchar(32) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, \`event_date\` date NOT NULL, \`document_ref\` varchar(100) NULL, \`legal_basis\` varchar(500) NULL, \`note\` varchar(2000) NULL, \`actor_user_id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NULL, \`created_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3), UNIQUE INDEX \`uq_denunciation_case_events_sequence\` (\`case_id\`, \`sequence\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`identity_reveal_requests\` (\`id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, \`letter_id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, \`unit_id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, \`requested_by_user_id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, \`reason\` varchar(1000) NOT NULL, \`hours\` smallint UNSIGNED NOT NULL, \`status\` varchar(20) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, \`decided_by_user_id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NULL, \`decided_at\` datetime(3) NULL, \`decision_note\` varchar(1000) NULL, \`expires_at\` datetime(3) NULL, \`version\` int NOT NULL DEFAULT '1', \`created_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3), INDEX \`idx_identity_reveal_requests_unit_status\` (\`unit_id\`, \`status\`), INDEX \`idx_identity_reveal_requests_letter_requester\` (\`letter_id\`, \`requested_by_user_id\`, \`status\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`protected_letter_texts\` (\`letter_id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, \`key_id\` varchar(16) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, \`wrapped_key\` varbinary(64) NOT NULL, \`ciphertext\` mediumblob NOT NULL, PRIMARY KEY (\`letter_id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `ALTER TABLE \`letters\` ADD \`denunciation_track\` varchar(40) CHARACTER SET "ascii" COLLATE "ascii_bin" NULL`,
    );
    await queryRunner.query(`ALTER TABLE \`letters\` ADD \`identity_protected\` tinyint NOT NULL DEFAULT 0`);
    await queryRunner.query(
      `ALTER TABLE \`letters\` ADD \`identity_disclosure\` varchar(20) CHARACTER SET "ascii" COLLATE "ascii_bin" NULL`,
    );
    await queryRunner.query(
      `ALTER TABLE \`letters\` ADD \`identity_disclosure_by_user_id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NULL`,
    );
    await queryRunner.query(`ALTER TABLE \`letters\` ADD \`identity_disclosure_at\` datetime(3) NULL`);
    await queryRunner.query(
      `ALTER TABLE \`letter_attachments\` ADD \`key_id\` varchar(16) CHARACTER SET "ascii" COLLATE "ascii_bin" NULL`,
    );
    await queryRunner.query(`ALTER TABLE \`letter_attachments\` ADD \`wrapped_key\` varbinary(64) NULL`);
    await queryRunner.query(
      `ALTER TABLE \`denunciation_cases\` ADD CONSTRAINT \`fk_denunciation_cases_letter_id\` FOREIGN KEY (\`letter_id\`) REFERENCES \`letters\`(\`id\`) ON DELETE RESTRICT ON UPDATE RESTRICT`,
    );
    await queryRunner.query(
      `ALTER TABLE \`denunciation_cases\` ADD CONSTRAINT \`fk_denunciation_cases_unit_id\` FOREIGN KEY (\`unit_id\`) REFERENCES \`units\`(\`id\`) ON DELETE RESTRICT ON UPDATE RESTRICT`,
    );
    await queryRunner.query(
      `ALTER TABLE \`denunciation_cases\` ADD CONSTRAINT \`fk_denunciation_cases_handler\` FOREIGN KEY (\`handler_user_id\`) REFERENCES \`users\`(\`id\`) ON DELETE RESTRICT ON UPDATE RESTRICT`,
    );
    await queryRunner.query(
      `ALTER TABLE \`denunciation_cases\` ADD CONSTRAINT \`fk_denunciation_cases_original\` FOREIGN KEY (\`original_case_id\`) REFERENCES \`denunciation_cases\`(\`id\`) ON DELETE RESTRICT ON UPDATE RESTRICT`,
    );
    await queryRunner.query(
      `ALTER TABLE \`denunciation_case_events\` ADD CONSTRAINT \`fk_denunciation_case_events_case_id\` FOREIGN KEY (\`case_id\`) REFERENCES \`denunciation_cases\`(\`id\`) ON DELETE RESTRICT ON UPDATE RESTRICT`,
    );
    await queryRunner.query(
      `ALTER TABLE \`denunciation_case_events\` ADD CONSTRAINT \`fk_denunciation_case_events_actor\` FOREIGN KEY (\`actor_user_id\`) REFERENCES \`users\`(\`id\`) ON DELETE RESTRICT ON UPDATE RESTRICT`,
    );
    await queryRunner.query(
      `ALTER TABLE \`identity_reveal_requests\` ADD CONSTRAINT \`fk_identity_reveal_requests_letter_id\` FOREIGN KEY (\`letter_id\`) REFERENCES \`letters\`(\`id\`) ON DELETE RESTRICT ON UPDATE RESTRICT`,
    );
    await queryRunner.query(
      `ALTER TABLE \`identity_reveal_requests\` ADD CONSTRAINT \`fk_identity_reveal_requests_unit_id\` FOREIGN KEY (\`unit_id\`) REFERENCES \`units\`(\`id\`) ON DELETE RESTRICT ON UPDATE RESTRICT`,
    );
    await queryRunner.query(
      `ALTER TABLE \`identity_reveal_requests\` ADD CONSTRAINT \`fk_identity_reveal_requests_requester\` FOREIGN KEY (\`requested_by_user_id\`) REFERENCES \`users\`(\`id\`) ON DELETE RESTRICT ON UPDATE RESTRICT`,
    );
    await queryRunner.query(
      `ALTER TABLE \`identity_reveal_requests\` ADD CONSTRAINT \`fk_identity_reveal_requests_decider\` FOREIGN KEY (\`decided_by_user_id\`) REFERENCES \`users\`(\`id\`) ON DELETE RESTRICT ON UPDATE RESTRICT`,
    );
    await queryRunner.query(
      `ALTER TABLE \`protected_letter_texts\` ADD CONSTRAINT \`fk_protected_letter_texts_letter_id\` FOREIGN KEY (\`letter_id\`) REFERENCES \`letters\`(\`id\`) ON DELETE RESTRICT ON UPDATE RESTRICT`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE \`protected_letter_texts\` DROP FOREIGN KEY \`fk_protected_letter_texts_letter_id\``,
    );
    await queryRunner.query(
      `ALTER TABLE \`identity_reveal_requests\` DROP FOREIGN KEY \`fk_identity_reveal_requests_decider\``,
    );
    await queryRunner.query(
      `ALTER TABLE \`identity_reveal_requests\` DROP FOREIGN KEY \`fk_identity_reveal_requests_requester\``,
    );
    await queryRunner.query(
      `ALTER TABLE \`identity_reveal_requests\` DROP FOREIGN KEY \`fk_identity_reveal_requests_unit_id\``,
    );
    await queryRunner.query(
      `ALTER TABLE \`identity_reveal_requests\` DROP FOREIGN KEY \`fk_identity_reveal_requests_letter_id\``,
    );
    await queryRunner.query(
      `ALTER TABLE \`denunciation_case_events\` DROP FOREIGN KEY \`fk_denunciation_case_events_actor\``,
    );
    await queryRunner.query(
      `ALTER TABLE \`denunciation_case_events\` DROP FOREIGN KEY \`fk_denunciation_case_events_case_id\``,
    );
    await queryRunner.query(
      `ALTER TABLE \`denunciation_cases\` DROP FOREIGN KEY \`fk_denunciation_cases_original\``,
    );
    await queryRunner.query(
      `ALTER TABLE \`denunciation_cases\` DROP FOREIGN KEY \`fk_denunciation_cases_handler\``,
    );
    await queryRunner.query(
      `ALTER TABLE \`denunciation_cases\` DROP FOREIGN KEY \`fk_denunciation_cases_unit_id\``,
    );
    await queryRunner.query(
      `ALTER TABLE \`denunciation_cases\` DROP FOREIGN KEY \`fk_denunciation_cases_letter_id\``,
    );
    await queryRunner.query(`ALTER TABLE \`letter_attachments\` DROP COLUMN \`wrapped_key\``);
    await queryRunner.query(`ALTER TABLE \`letter_attachments\` DROP COLUMN \`key_id\``);
    await queryRunner.query(`ALTER TABLE \`letters\` DROP COLUMN \`identity_disclosure_at\``);
    await queryRunner.query(`ALTER TABLE \`letters\` DROP COLUMN \`identity_disclosure_by_user_id\``);
    await queryRunner.query(`ALTER TABLE \`letters\` DROP COLUMN \`identity_disclosure\``);
    await queryRunner.query(`ALTER TABLE \`letters\` DROP COLUMN \`identity_protected\``);
    await queryRunner.query(`ALTER TABLE \`letters\` DROP COLUMN \`denunciation_track\``);
    await queryRunner.query(`DROP TABLE \`protected_letter_texts\``);
    await queryRunner.query(
      `DROP INDEX \`idx_identity_reveal_requests_letter_requester\` ON \`identity_reveal_requests\``,
    );
    await queryRunner.query(
      `DROP INDEX \`idx_identity_reveal_requests_unit_status\` ON \`identity_reveal_requests\``,
    );
    await queryRunner.query(`DROP TABLE \`identity_reveal_requests\``);
    await queryRunner.query(
      `DROP INDEX \`uq_denunciation_case_events_sequence\` ON \`denunciation_case_events\``,
    );
    await queryRunner.query(`DROP TABLE \`denunciation_case_events\``);
    await queryRunner.query(`DROP INDEX \`uq_denunciation_cases_letter_id\` ON \`denunciation_cases\``);
    await queryRunner.query(`DROP INDEX \`uq_denunciation_cases_number\` ON \`denunciation_cases\``);
    await queryRunner.query(`DROP INDEX \`idx_denunciation_cases_unit_state\` ON \`denunciation_cases\``);
    await queryRunner.query(`DROP INDEX \`idx_denunciation_cases_handler_state\` ON \`denunciation_cases\``);
    await queryRunner.query(`DROP INDEX \`idx_denunciation_cases_original\` ON \`denunciation_cases\``);
    await queryRunner.query(`DROP TABLE \`denunciation_cases\``);
  }
}
