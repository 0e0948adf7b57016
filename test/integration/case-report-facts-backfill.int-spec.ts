import { randomUUID } from 'node:crypto';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { KeepResolutionFactsOnCasesForReports1795631739852 as Migration } from '../../migrations/1795631739852-KeepResolutionFactsOnCasesForReports.js';
import { CliModule } from '../../src/cli.module.js';
import { truncateAll } from '../support/database.js';
import { testConfig } from '../support/env.js';
import { Seeder, type Values } from '../support/seeder.js';

// The migration that put the reports' facts on the case rows back-fills the cases recorded before it:
// run here over rows as the application writes them, with the copies emptied first.

const DEADLINE_JSON = { options: '{}', explanation: '{"vi":[],"en":[]}' };

describe('back-filling the case rows for the reports (migration KeepResolutionFactsOnCasesForReports)', () => {
  let app: INestApplicationContext;
  let dataSource: DataSource;

  beforeAll(async () => {
    app = await NestFactory.createApplicationContext(
      { module: class BackfillTest {}, imports: [CliModule.forRoot(testConfig())] },
      { logger: false },
    );
    dataSource = app.get<DataSource>(getDataSourceToken());
    await truncateAll(dataSource);
  });
  afterAll(async () => {
    await app?.close();
  });

  it('copies the first resolution deadline, the step into terminated (not a later notice) and the first withdrawal', async () => {
    const complaint = randomUUID();
    const denunciation = randomUUID();
    const untouched = randomUUID();
    const runner = dataSource.createQueryRunner();
    try {
      await runner.query('SET FOREIGN_KEY_CHECKS = 0');
      const seed = new Seeder(runner);
      const step = (
        table: string,
        caseId: string,
        sequence: number,
        event: string,
        from: string,
        to: string,
        on: string,
      ) =>
        seed.insert(table, {
          id: randomUUID(),
          case_id: caseId,
          sequence,
          event,
          from_state: from,
          to_state: to,
          event_date: on,
        });
      const deadline = (type: string, id: string, sequence: number, values: Values) =>
        seed.insert('case_deadlines', {
          id: randomUUID(),
          subject_type: type,
          subject_id: id,
          unit_id: randomUUID(),
          purpose: 'resolution',
          sequence,
          trigger_date: '2026-07-06',
          raw_end: values.due_date,
          ...DEADLINE_JSON,
          ...values,
        });

      await seed.insert('complaint_cases', {
        id: complaint,
        unit_id: randomUUID(),
        received_on: '2026-07-01',
        accepted_on: '2026-07-06',
        state: 'terminated',
      });
      await step('complaint_case_events', complaint, 1, 'accept', 'received', 'accepted', '2026-07-06');
      await step('complaint_case_events', complaint, 2, 'terminate', 'accepted', 'terminated', '2026-08-10');
      await step(
        'complaint_case_events',
        complaint,
        3,
        'send_notice',
        'terminated',
        'terminated',
        '2026-08-12',
      );
      await deadline('complaint_case', complaint, 1, {
        due_date: '2026-08-17',
        status: 'cancelled',
        settled_on: '2026-08-10',
        internal_target: '2026-08-01',
      });
      await deadline('complaint_case', complaint, 2, { due_date: '2026-12-01', status: 'open' });

      await seed.insert('denunciation_cases', {
        id: denunciation,
        unit_id: randomUUID(),
        received_on: '2026-07-01',
        accepted_on: '2026-07-06',
        state: 'terminated',
        complexity: 'normal',
      });
      await step('denunciation_case_events', denunciation, 1, 'accept', 'received', 'accepted', '2026-07-06');
      await step(
        'denunciation_case_events',
        denunciation,
        2,
        'withdraw',
        'accepted',
        'accepted',
        '2026-08-01',
      );
      await step(
        'denunciation_case_events',
        denunciation,
        3,
        'withdraw',
        'accepted',
        'terminated',
        '2026-08-20',
      );
      await step(
        'denunciation_case_events',
        denunciation,
        4,
        'send_notice',
        'terminated',
        'terminated',
        '2026-08-21',
      );
      await deadline('denunciation_case', denunciation, 1, {
        due_date: '2026-09-04',
        status: 'cancelled',
        settled_on: '2026-08-20',
      });

      await seed.insert('complaint_cases', {
        id: untouched,
        unit_id: randomUUID(),
        received_on: '2026-07-01',
        state: 'received',
      });
    } finally {
      await runner.query('SET FOREIGN_KEY_CHECKS = 1');
      await runner.release();
    }
    const facts = async (table: string, id: string) =>
      (
        await dataSource.query(
          `SELECT terminated_on AS terminatedOn, terminated_by AS terminatedBy, withdrawn_on AS withdrawnOn,
             resolution_due AS due, resolution_status AS status, resolution_settled_on AS settledOn,
             resolution_target AS target FROM \`${table}\` WHERE id = ?`,
          [id],
        )
      )[0];
    const empty = {
      terminatedOn: null,
      terminatedBy: null,
      withdrawnOn: null,
      due: null,
      status: null,
      settledOn: null,
      target: null,
    };
    expect(await facts('complaint_cases', complaint)).toEqual(empty);

    const qr = dataSource.createQueryRunner();
    try {
      await Migration.backfill(qr);
      await Migration.backfill(qr); // idempotent
    } finally {
      await qr.release();
    }
    expect(await facts('complaint_cases', complaint)).toEqual({
      terminatedOn: '2026-08-10',
      terminatedBy: 'terminate',
      withdrawnOn: null,
      due: '2026-08-17',
      status: 'cancelled',
      settledOn: '2026-08-10',
      target: '2026-08-01',
    });
    expect(await facts('denunciation_cases', denunciation)).toEqual({
      terminatedOn: '2026-08-20',
      terminatedBy: 'withdraw',
      withdrawnOn: '2026-08-01',
      due: '2026-09-04',
      status: 'cancelled',
      settledOn: '2026-08-20',
      target: null,
    });
    expect(await facts('complaint_cases', untouched)).toEqual(empty);
  });
});
