import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { getDataSourceToken } from '@nestjs/typeorm';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { Clock } from '../../src/common/clock.js';
import { startApi } from '../support/api.js';
import { truncateAll } from '../support/database.js';
import { login, twoAgencies } from '../support/fixtures.js';
import { ALL_PASSED } from '../support/eligibility.js';

/**
 * What one letter intake costs in round trips to the database (issue 13: intake is a chain of dependent
 * round trips; docs/load.md, "Statements per intake"). Every statement TypeORM sends passes through the
 * data source's logger (`logQuery`), transaction control included; the count is taken on a warm process
 * (the unit's calendar chain cached, as it is after the first letter of a unit).
 */
const NOW = new Date('2026-11-25T03:00:00Z');
function letter(unitId: string, n: number, extra: Record<string, unknown> = {}) {
  const id = String(n).padStart(4, '0');
  return {
    unitId,
    receivedOn: '2026-11-20',
    channel: 'post',
    classification: 'complaint',
    complaintTrack: 'first_time',
    subject: `Khiếu nại quyết định thu hồi đất số ${id}`,
    content: `Tôi khiếu nại Quyết định số ${id}/QĐ-UBND về việc thu hồi đất ở của gia đình tôi tại tổ ${n}.`,
    petitioners: [
      {
        fullName: `Lê Văn Đếm ${id}`,
        address: `Số ${id}, đường Lê Lợi, phường ${n}`,
        idNumber: `0792200${id.padStart(5, '0')}`,
      },
      { fullName: `Lê Thị Đếm ${id}`, address: `Số ${id}, đường Lê Lợi, phường ${n}` },
    ],
    eligibility: ALL_PASSED,
    ...extra,
  };
}

describe('statements per letter intake', () => {
  let app: NestFastifyApplication;
  let ds: DataSource;
  let world: Awaited<ReturnType<typeof twoAgencies>>;
  let officer: string;

  beforeAll(async () => {
    app = await startApi();
    jest.spyOn(app.get(Clock), 'now').mockReturnValue(NOW);
    ds = app.get<DataSource>(getDataSourceToken());
    await truncateAll(ds);
    world = await twoAgencies(app);
    officer = (await login(app.getHttpServer(), world.users.reception_officer.email)).accessToken;
  });

  afterAll(async () => {
    await app?.close();
  });

  /** The statements sent while `work` runs, in order. */
  async function statementsOf(work: () => Promise<unknown>): Promise<string[]> {
    const sent: string[] = [];
    const spy = jest.spyOn(ds.logger, 'logQuery').mockImplementation((query: string) => {
      sent.push(query.replace(/\s+/g, ' ').slice(0, 90));
    });
    try {
      await work();
    } finally {
      spy.mockRestore();
    }
    return sent;
  }

  function intake(body: object) {
    return request(app.getHttpServer())
      .post('/api/v1/letters')
      .set('authorization', `Bearer ${officer}`)
      .send(body)
      .expect(201);
  }

  function inTransaction(sent: string[]) {
    const start = sent.indexOf('START TRANSACTION');
    const end = sent.indexOf('COMMIT');
    expect(start).toBeGreaterThanOrEqual(0);
    expect(end).toBeGreaterThan(start);
    return sent.slice(start + 1, end);
  }

  // Before (issue 13's code): 16 statements, 13 of them inside the transaction — the unit, the calendar
  // chain twice per deadline, the deadline's sequence, the due date copied by an UPDATE, a SELECT after
  // the INSERT, the petitioners read back, the duplicate search; 22 and 19 for the denunciation below.
  it('logs a complaint with two petitioners in 13 statements, 6 inserts in its transaction', async () => {
    await intake(letter(world.divisionA.id, 1)); // warm: the unit's calendar chain is cached now
    let created: request.Response | undefined;
    const sent = await statementsOf(async () => {
      created = await intake(letter(world.divisionA.id, 2));
    });
    const writes = inTransaction(sent);
    expect(writes.map((q) => q.split(' (')[0].split('(')[0])).toEqual([
      'INSERT INTO `letters`',
      'INSERT INTO `case_deadlines`',
      'INSERT INTO `case_deadline_changes`',
      // The letter's classification for the national database (issue 20), in the same transaction.
      'INSERT INTO national_sync_outbox',
      'INSERT INTO `letter_petitioners`',
      'INSERT INTO audit_log',
    ]);
    // 11 in issue 13, then the escalation ladders kept as data (ADR 0017: the unit's chain and its ladders,
    // read before the transaction) and the national database's outbox row (issue 20, in it): 14; the
    // chain and the ladders in one statement since (docs/load.md, "Intake's CPU"): 13.
    expect(sent).toHaveLength(13);
    expect(sent.filter((q) => q.includes('AS ladderKey'))).toHaveLength(1);
    // The letter answered is the letter stored, its processing due date its deadline's.
    const stored = await request(app.getHttpServer())
      .get(`/api/v1/letters/${created!.body.id}`)
      .set('authorization', `Bearer ${officer}`)
      .expect(200);
    const { receiptSecret: _s, duplicates: _d, ...answered } = created!.body;
    // identityBasis is the reader's, not the letter's: the page view carries it, the intake answer not.
    const { petitioners: _p, identityBasis, ...read } = stored.body;
    expect(answered).toEqual(read);
    expect(identityBasis).toBe('personal_data');
    const [deadline] = await ds.query(
      "SELECT due_date AS due, sequence FROM case_deadlines WHERE subject_id = ? AND purpose = 'processing'",
      [created!.body.id],
    );
    expect(deadline).toEqual({ due: created!.body.processingDue, sequence: 1 });
  });

  it('logs a denunciation forwarded by an agency (two deadlines, a sealed original) with 7 statements in its transaction', async () => {
    const sent = await statementsOf(() =>
      intake(
        letter(world.divisionA.id, 3, {
          classification: 'denunciation',
          complaintTrack: undefined,
          channel: 'agency',
          forwardedBy: 'Sở Tài nguyên và Môi trường',
          forwardedRef: '12/STNMT',
        }),
      ),
    );
    const writes = inTransaction(sent);
    expect(writes).toHaveLength(7);
    expect(writes.every((q) => q.startsWith('INSERT'))).toBe(true);
    // Its two deadlines' ladders (processing and the forwarder's notice) read in one statement, not four.
    expect(sent.filter((q) => q.includes('AS ladderKey'))).toHaveLength(1);
    expect(sent).toHaveLength(14);
  });
});
