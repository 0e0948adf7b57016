import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateReception1795616486771 implements MigrationInterface {
  name = 'CreateReception1795616486771';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE \`reception_matters\` (\`id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, \`unit_id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, \`opened_on\` date NOT NULL, \`content_kind\` varchar(20) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, \`summary\` varchar(4000) NOT NULL, \`visit_count\` int UNSIGNED NOT NULL DEFAULT '0', \`last_visit_on\` date NOT NULL, \`created_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3), \`updated_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3), \`version\` int NOT NULL DEFAULT '1', INDEX \`idx_reception_matters_unit_opened\` (\`unit_id\`, \`opened_on\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`reception_places\` (\`id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, \`unit_id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, \`name\` varchar(255) NOT NULL, \`address\` varchar(500) NOT NULL, \`room\` varchar(255) NULL, \`hours\` varchar(500) NULL, \`active\` tinyint NOT NULL DEFAULT 1, \`created_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3), \`updated_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3), \`version\` int NOT NULL DEFAULT '1', INDEX \`idx_reception_places_unit_id\` (\`unit_id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`reception_schedules\` (\`id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, \`unit_id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, \`kind\` varchar(20) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, \`mode\` varchar(20) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, \`place_id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NULL, \`online_url\` varchar(500) NULL, \`recurrence\` json NOT NULL, \`non_working_day_policy\` varchar(20) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, \`slots\` json NOT NULL, \`valid_from\` date NOT NULL, \`valid_until\` date NOT NULL, \`receiver_name\` varchar(255) NULL, \`receiver_title\` varchar(255) NULL, \`officers\` json NOT NULL, \`topics\` varchar(1000) NULL, \`active\` tinyint NOT NULL DEFAULT 1, \`ended_from\` date NULL, \`end_reason\` varchar(500) NULL, \`created_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3), \`updated_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3), \`version\` int NOT NULL DEFAULT '1', INDEX \`idx_reception_schedules_place_id\` (\`place_id\`), INDEX \`idx_reception_schedules_unit_valid\` (\`unit_id\`, \`valid_from\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`reception_sessions\` (\`id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, \`unit_id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, \`schedule_id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NULL, \`kind\` varchar(20) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, \`mode\` varchar(20) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, \`place_id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NULL, \`online_url\` varchar(500) NULL, \`session_date\` date NOT NULL, \`start_time\` time NOT NULL, \`end_time\` time NOT NULL, \`nominal_date\` date NULL, \`moved_reason\` varchar(255) NULL, \`original_date\` date NULL, \`original_start_time\` time NULL, \`receiver_name\` varchar(255) NOT NULL, \`receiver_title\` varchar(255) NULL, \`officers\` json NOT NULL, \`topics\` varchar(1000) NULL, \`public_note\` varchar(1000) NULL, \`status\` varchar(20) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, \`status_reason\` varchar(500) NULL, \`sequence\` int UNSIGNED NOT NULL DEFAULT '0', \`published_on\` date NOT NULL, \`posting_due\` date NULL, \`posted_late\` tinyint NOT NULL DEFAULT 0, \`created_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3), \`updated_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3), \`version\` int NOT NULL DEFAULT '1', UNIQUE INDEX \`uq_reception_sessions_schedule_nominal\` (\`schedule_id\`, \`nominal_date\`), INDEX \`idx_reception_sessions_place_id\` (\`place_id\`), INDEX \`idx_reception_sessions_original_date\` (\`original_date\`), INDEX \`idx_reception_sessions_date\` (\`session_date\`), INDEX \`idx_reception_sessions_unit_date\` (\`unit_id\`, \`session_date\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`reception_visit_citizens\` (\`id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, \`visit_id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, \`position\` smallint UNSIGNED NOT NULL, \`full_name\` varchar(255) NOT NULL, \`address\` varchar(500) NOT NULL, \`id_number\` char(12) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, \`phone\` varchar(20) CHARACTER SET "ascii" COLLATE "ascii_bin" NULL, \`representative\` tinyint NOT NULL DEFAULT 0, INDEX \`idx_reception_visit_citizens_id_number\` (\`id_number\`), UNIQUE INDEX \`uq_reception_visit_citizens_position\` (\`visit_id\`, \`position\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`reception_visits\` (\`id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, \`unit_id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, \`matter_id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, \`visit_number\` smallint UNSIGNED NOT NULL, \`session_id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NULL, \`visit_date\` date NOT NULL, \`visit_time\` time NOT NULL, \`receiving_officer_name\` varchar(255) NOT NULL, \`receiving_officer_title\` varchar(255) NULL, \`recorded_by_user_id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NULL, \`people_count\` smallint UNSIGNED NOT NULL, \`summary\` varchar(4000) NOT NULL, \`content_kind\` varchar(20) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, \`earlier_handling\` varchar(1000) NULL, \`within_competence\` tinyint NOT NULL, \`outcome\` varchar(20) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, \`guidance_body\` varchar(500) NULL, \`guidance_ref\` varchar(100) NULL, \`transfer_body\` varchar(500) NULL, \`transfer_ref\` varchar(100) NULL, \`refusal_ground\` varchar(40) CHARACTER SET "ascii" COLLATE "ascii_bin" NULL, \`reply_due\` date NULL, \`refusal_notice_required\` tinyint NOT NULL DEFAULT 0, \`refusal_notice_due\` date NULL, \`deadline_calendar_version\` varchar(100) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, \`follow_up\` varchar(2000) NULL, \`notes\` varchar(2000) NULL, \`created_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3), \`updated_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3), \`version\` int NOT NULL DEFAULT '1', INDEX \`idx_reception_visits_recorded_by\` (\`recorded_by_user_id\`), INDEX \`idx_reception_visits_session_id\` (\`session_id\`), UNIQUE INDEX \`uq_reception_visits_matter_number\` (\`matter_id\`, \`visit_number\`), INDEX \`idx_reception_visits_unit_date\` (\`unit_id\`, \`visit_date\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`reception_pending_intakes\` (\`id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, \`visit_id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, \`unit_id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, \`received_on\` date NOT NULL, \`content_kind\` varchar(20) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, \`status\` varchar(20) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, \`letter_id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_bin" NULL, \`taken_at\` datetime(3) NULL, \`created_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3), INDEX \`idx_reception_pending_intakes_unit_status\` (\`unit_id\`, \`status\`, \`received_on\`), UNIQUE INDEX \`uq_reception_pending_intakes_visit_id\` (\`visit_id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `ALTER TABLE \`reception_matters\` ADD CONSTRAINT \`fk_reception_matters_unit_id\` FOREIGN KEY (\`unit_id\`) REFERENCES \`units\`(\`id\`) ON DELETE RESTRICT ON UPDATE RESTRICT`,
    );
    await queryRunner.query(
      `ALTER TABLE \`reception_places\` ADD CONSTRAINT \`fk_reception_places_unit_id\` FOREIGN KEY (\`unit_id\`) REFERENCES \`units\`(\`id\`) ON DELETE RESTRICT ON UPDATE RESTRICT`,
    );
    await queryRunner.query(
      `ALTER TABLE \`reception_schedules\` ADD CONSTRAINT \`fk_reception_schedules_unit_id\` FOREIGN KEY (\`unit_id\`) REFERENCES \`units\`(\`id\`) ON DELETE RESTRICT ON UPDATE RESTRICT`,
    );
    await queryRunner.query(
      `ALTER TABLE \`reception_schedules\` ADD CONSTRAINT \`fk_reception_schedules_place_id\` FOREIGN KEY (\`place_id\`) REFERENCES \`reception_places\`(\`id\`) ON DELETE RESTRICT ON UPDATE RESTRICT`,
    );
    await queryRunner.query(
      `ALTER TABLE \`reception_sessions\` ADD CONSTRAINT \`fk_reception_sessions_unit_id\` FOREIGN KEY (\`unit_id\`) REFERENCES \`units\`(\`id\`) ON DELETE RESTRICT ON UPDATE RESTRICT`,
    );
    await queryRunner.query(
      `ALTER TABLE \`reception_sessions\` ADD CONSTRAINT \`fk_reception_sessions_schedule_id\` FOREIGN KEY (\`schedule_id\`) REFERENCES \`reception_schedules\`(\`id\`) ON DELETE RESTRICT ON UPDATE RESTRICT`,
    );
    await queryRunner.query(
      `ALTER TABLE \`reception_sessions\` ADD CONSTRAINT \`fk_reception_sessions_place_id\` FOREIGN KEY (\`place_id\`) REFERENCES \`reception_places\`(\`id\`) ON DELETE RESTRICT ON UPDATE RESTRICT`,
    );
    await queryRunner.query(
      `ALTER TABLE \`reception_visit_citizens\` ADD CONSTRAINT \`fk_reception_visit_citizens_visit_id\` FOREIGN KEY (\`visit_id\`) REFERENCES \`reception_visits\`(\`id\`) ON DELETE RESTRICT ON UPDATE RESTRICT`,
    );
    await queryRunner.query(
      `ALTER TABLE \`reception_visits\` ADD CONSTRAINT \`fk_reception_visits_unit_id\` FOREIGN KEY (\`unit_id\`) REFERENCES \`units\`(\`id\`) ON DELETE RESTRICT ON UPDATE RESTRICT`,
    );
    await queryRunner.query(
      `ALTER TABLE \`reception_visits\` ADD CONSTRAINT \`fk_reception_visits_matter_id\` FOREIGN KEY (\`matter_id\`) REFERENCES \`reception_matters\`(\`id\`) ON DELETE RESTRICT ON UPDATE RESTRICT`,
    );
    await queryRunner.query(
      `ALTER TABLE \`reception_visits\` ADD CONSTRAINT \`fk_reception_visits_session_id\` FOREIGN KEY (\`session_id\`) REFERENCES \`reception_sessions\`(\`id\`) ON DELETE RESTRICT ON UPDATE RESTRICT`,
    );
    await queryRunner.query(
      `ALTER TABLE \`reception_visits\` ADD CONSTRAINT \`fk_reception_visits_recorded_by\` FOREIGN KEY (\`recorded_by_user_id\`) REFERENCES \`users\`(\`id\`) ON DELETE RESTRICT ON UPDATE RESTRICT`,
    );
    await queryRunner.query(
      `ALTER TABLE \`reception_pending_intakes\` ADD CONSTRAINT \`fk_reception_pending_intakes_visit_id\` FOREIGN KEY (\`visit_id\`) REFERENCES \`reception_visits\`(\`id\`) ON DELETE RESTRICT ON UPDATE RESTRICT`,
    );
    await queryRunner.query(
      `ALTER TABLE \`reception_pending_intakes\` ADD CONSTRAINT \`fk_reception_pending_intakes_unit_id\` FOREIGN KEY (\`unit_id\`) REFERENCES \`units\`(\`id\`) ON DELETE RESTRICT ON UPDATE RESTRICT`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE \`reception_pending_intakes\` DROP FOREIGN KEY \`fk_reception_pending_intakes_unit_id\``,
    );
    await queryRunner.query(
      `ALTER TABLE \`reception_pending_intakes\` DROP FOREIGN KEY \`fk_reception_pending_intakes_visit_id\``,
    );
    await queryRunner.query(
      `ALTER TABLE \`reception_visits\` DROP FOREIGN KEY \`fk_reception_visits_recorded_by\``,
    );
    await queryRunner.query(
      `ALTER TABLE \`reception_visits\` DROP FOREIGN KEY \`fk_reception_visits_session_id\``,
    );
    await queryRunner.query(
      `ALTER TABLE \`reception_visits\` DROP FOREIGN KEY \`fk_reception_visits_matter_id\``,
    );
    await queryRunner.query(
      `ALTER TABLE \`reception_visits\` DROP FOREIGN KEY \`fk_reception_visits_unit_id\``,
    );
    await queryRunner.query(
      `ALTER TABLE \`reception_visit_citizens\` DROP FOREIGN KEY \`fk_reception_visit_citizens_visit_id\``,
    );
    await queryRunner.query(
      `ALTER TABLE \`reception_sessions\` DROP FOREIGN KEY \`fk_reception_sessions_place_id\``,
    );
    await queryRunner.query(
      `ALTER TABLE \`reception_sessions\` DROP FOREIGN KEY \`fk_reception_sessions_schedule_id\``,
    );
    await queryRunner.query(
      `ALTER TABLE \`reception_sessions\` DROP FOREIGN KEY \`fk_reception_sessions_unit_id\``,
    );
    await queryRunner.query(
      `ALTER TABLE \`reception_schedules\` DROP FOREIGN KEY \`fk_reception_schedules_place_id\``,
    );
    await queryRunner.query(
      `ALTER TABLE \`reception_schedules\` DROP FOREIGN KEY \`fk_reception_schedules_unit_id\``,
    );
    await queryRunner.query(
      `ALTER TABLE \`reception_places\` DROP FOREIGN KEY \`fk_reception_places_unit_id\``,
    );
    await queryRunner.query(
      `ALTER TABLE \`reception_matters\` DROP FOREIGN KEY \`fk_reception_matters_unit_id\``,
    );
    await queryRunner.query(
      `DROP INDEX \`uq_reception_pending_intakes_visit_id\` ON \`reception_pending_intakes\``,
    );
    await queryRunner.query(
      `DROP INDEX \`idx_reception_pending_intakes_unit_status\` ON \`reception_pending_intakes\``,
    );
    await queryRunner.query(`DROP TABLE \`reception_pending_intakes\``);
    await queryRunner.query(`DROP INDEX \`idx_reception_visits_unit_date\` ON \`reception_visits\``);
    await queryRunner.query(`DROP INDEX \`uq_reception_visits_matter_number\` ON \`reception_visits\``);
    await queryRunner.query(`DROP INDEX \`idx_reception_visits_session_id\` ON \`reception_visits\``);
    await queryRunner.query(`DROP INDEX \`idx_reception_visits_recorded_by\` ON \`reception_visits\``);
    await queryRunner.query(`DROP TABLE \`reception_visits\``);
    await queryRunner.query(
      `DROP INDEX \`uq_reception_visit_citizens_position\` ON \`reception_visit_citizens\``,
    );
    await queryRunner.query(
      `DROP INDEX \`idx_reception_visit_citizens_id_number\` ON \`reception_visit_citizens\``,
    );
    await queryRunner.query(`DROP TABLE \`reception_visit_citizens\``);
    await queryRunner.query(`DROP INDEX \`idx_reception_sessions_unit_date\` ON \`reception_sessions\``);
    await queryRunner.query(`DROP INDEX \`idx_reception_sessions_date\` ON \`reception_sessions\``);
    await queryRunner.query(`DROP INDEX \`idx_reception_sessions_original_date\` ON \`reception_sessions\``);
    await queryRunner.query(`DROP INDEX \`idx_reception_sessions_place_id\` ON \`reception_sessions\``);
    await queryRunner.query(
      `DROP INDEX \`uq_reception_sessions_schedule_nominal\` ON \`reception_sessions\``,
    );
    await queryRunner.query(`DROP TABLE \`reception_sessions\``);
    await queryRunner.query(`DROP INDEX \`idx_reception_schedules_unit_valid\` ON \`reception_schedules\``);
    await queryRunner.query(`DROP INDEX \`idx_reception_schedules_place_id\` ON \`reception_schedules\``);
    await queryRunner.query(`DROP TABLE \`reception_schedules\``);
    await queryRunner.query(`DROP INDEX \`idx_reception_places_unit_id\` ON \`reception_places\``);
    await queryRunner.query(`DROP TABLE \`reception_places\``);
    await queryRunner.query(`DROP INDEX \`idx_reception_matters_unit_opened\` ON \`reception_matters\``);
    await queryRunner.query(`DROP TABLE \`reception_matters\``);
  }
}
