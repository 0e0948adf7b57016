import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { getDataSourceToken } from '@nestjs/typeorm';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SYSTEM_ACTOR } from '../../src/auth/domain/actor.js';
import { Clock } from '../../src/common/clock.js';
import { SecondPooledConnectionError } from '../../src/common/database/connection-guard.js';
import { beforeCommit, transactionWithRetry } from '../../src/common/database/transactions.js';
import { searchFold } from '../../src/common/domain/vietnamese-text.js';
import { EnforcementService } from '../../src/enforcement/enforcement.service.js';
import type { CreateLetterDto } from '../../src/letters/dto/letter.dto.js';
import { LettersService } from '../../src/letters/letters.service.js';
import { startApi } from '../support/api.js';
import { truncateAll } from '../support/database.js';
import { testConfig } from '../support/env.js';
import { login, twoAgencies } from '../support/fixtures.js';
import { ALL_PASSED } from '../support/eligibility.js';

/**
 * A reception room on a Monday morning: more officers writing at the same moment than the API has
 * pooled connections, on a process that has just started (cold calendar caches). Every answer must be a
 * success, and the process must stay ready. docs/database.md, "The pool".
 */
const POOL_SIZE = 5; // test/support/env.ts
const BURST = 4 * POOL_SIZE;
const NOW = new Date('2026-11-25T03:00:00Z');

const CHANNELS = ['post', 'online_form', 'email', 'post'] as const;

function letterBody(unitId: string, n: number) {
  const id = String(n).padStart(4, '0');
  return {
    unitId,
    receivedOn: '2026-11-20',
    channel: CHANNELS[n % CHANNELS.length],
    classification: 'complaint',
    complaintTrack: 'first_time',
    subject: `Khiếu nại quyết định thu hồi đất số ${id}`,
    content: `Tôi khiếu nại Quyết định số ${id}/QĐ-UBND về việc thu hồi đất ở của gia đình tôi tại tổ ${n}.`,
    petitioners: [
      {
        fullName: `Trần Thị Đồng Thời ${id}`,
        address: `Số ${id}, đường Hai Bà Trưng, phường ${n}`,
        idNumber: `0792100${id.padStart(5, '0')}`,
      },
    ],
    eligibility: ALL_PASSED,
  };
}

describe('write paths under bursts on a freshly started API', () => {
  let world: Awaited<ReturnType<typeof twoAgencies>>;

  /** A fresh API process's state: its own pool and empty in-memory caches. */
  async function freshApi(overrides: Record<string, string> = {}) {
    const app = await startApi(testConfig(overrides));
    jest.spyOn(app.get(Clock), 'now').mockReturnValue(NOW);
    return app;
  }

  beforeAll(async () => {
    const setup = await freshApi();
    try {
      await truncateAll(setup.get<DataSource>(getDataSourceToken()));
      world = await twoAgencies(setup);
    } finally {
      await setup.close();
    }
  });

  async function tokenOf(app: NestFastifyApplication, role: keyof typeof world.users) {
    return (await login(app.getHttpServer(), world.users[role].email)).accessToken;
  }

  it(`answers ${BURST} simultaneous letter intakes (4× the pool) with 201 and stays ready`, async () => {
    // Sign in on one process, burst on a cold one: the burst is the first work the new process does.
    const signIn = await freshApi();
    const officer = await tokenOf(signIn, 'reception_officer');
    await signIn.close();
    const app = await freshApi();
    try {
      const server = app.getHttpServer();
      const answers = await Promise.all(
        Array.from({ length: BURST }, (_, n) =>
          request(server)
            .post('/api/v1/letters')
            .set('authorization', `Bearer ${officer}`)
            .send(letterBody(world.divisionA.id, n)),
        ),
      );
      const statuses = answers.map((a) => (a.status === 201 ? 201 : `${a.status} ${a.body.code}`));
      expect(statuses).toEqual(Array(BURST).fill(201));
      expect(new Set(answers.map((a) => a.body.receiptCode)).size).toBe(BURST);
      await request(server).get('/health/ready').expect(200);
      const ds = app.get<DataSource>(getDataSourceToken());
      const [{ n }] = await ds.query(
        "SELECT COUNT(*) AS n FROM letters WHERE subject LIKE 'Khiếu nại quyết định thu hồi đất số %'",
      );
      expect(Number(n)).toBeGreaterThanOrEqual(BURST);
    } finally {
      await app.close();
    }
  });

  it(`answers ${BURST} simultaneous case steps on different cases with success`, async () => {
    // Cases made one at a time, through the API, on a first process.
    const setup = await freshApi();
    let head: string;
    const cases: { id: string; version: number }[] = [];
    try {
      const officer = await tokenOf(setup, 'reception_officer');
      head = await tokenOf(setup, 'unit_head');
      const api = () => request(setup.getHttpServer());
      for (let n = 0; n < BURST; n++) {
        const letter = await api()
          .post('/api/v1/letters')
          .set('authorization', `Bearer ${officer}`)
          .send(letterBody(world.divisionA.id, 1000 + n))
          .expect(201);
        const decided = await api()
          .post(`/api/v1/letters/${letter.body.id}/decision`)
          .set('authorization', `Bearer ${officer}`)
          .send({
            decision: 'accept',
            decidedOn: '2026-11-23',
            legalBasis: 'LKN 02/2011/QH13 art. 27',
            version: letter.body.version,
          })
          .expect(201);
        const c = await api()
          .get(`/api/v1/complaint-cases/${decided.body.caseId}`)
          .set('authorization', `Bearer ${head}`)
          .expect(200);
        cases.push({ id: c.body.id, version: c.body.version });
      }
    } finally {
      await setup.close();
    }
    // The burst, on a new process: the head accepts every case at once (KN-2 met, KN-3 opened on the
    // unit's calendar) — different rows, so nothing may wait on anything but the pool.
    const app = await freshApi();
    try {
      const server = app.getHttpServer();
      const answers = await Promise.all(
        cases.map((c) =>
          request(server)
            .post(`/api/v1/complaint-cases/${c.id}/transitions`)
            .set('authorization', `Bearer ${head}`)
            .send({
              event: 'accept',
              date: '2026-11-24',
              documentRef: '01/TB-TL',
              legalBasis: 'LKN 02/2011/QH13 art. 27',
              version: c.version,
            }),
        ),
      );
      const statuses = answers.map((a) =>
        a.status === 201 || a.status === 200 ? 'ok' : `${a.status} ${a.body.code}`,
      );
      expect(statuses).toEqual(Array(BURST).fill('ok'));
      expect(answers.map((a) => a.body.state)).toEqual(Array(BURST).fill('accepted'));
      await request(server).get('/health/ready').expect(200);
    } finally {
      await app.close();
    }
  });

  /** Fires `calls` at once on a fresh process and expects every answer to be a success. */
  async function burst(
    label: string,
    calls: (server: ReturnType<NestFastifyApplication['getHttpServer']>) => Promise<request.Response>[],
  ): Promise<request.Response[]> {
    const app = await freshApi();
    try {
      const server = app.getHttpServer();
      const answers = await Promise.all(calls(server));
      const statuses = answers.map((a) =>
        a.status >= 200 && a.status < 300 ? 'ok' : `${a.status} ${JSON.stringify(a.body)}`,
      );
      expect({ label, statuses }).toEqual({ label, statuses: Array(answers.length).fill('ok') });
      await request(server).get('/health/ready').expect(200);
      return answers;
    } finally {
      await app.close();
    }
  }

  it(`answers ${BURST} simultaneous reception visits, processing decisions, assignments and calendar changes`, async () => {
    const setup = await freshApi();
    const letters: { id: string; version: number }[] = [];
    let officer: string;
    let head: string;
    let admin: string;
    try {
      officer = await tokenOf(setup, 'reception_officer');
      head = await tokenOf(setup, 'unit_head');
      admin = await tokenOf(setup, 'admin');
      for (let n = 0; n < BURST; n++) {
        const letter = await request(setup.getHttpServer())
          .post('/api/v1/letters')
          .set('authorization', `Bearer ${officer}`)
          .send(letterBody(world.divisionA.id, 2000 + n))
          .expect(201);
        letters.push({ id: letter.body.id, version: letter.body.version });
      }
    } finally {
      await setup.close();
    }
    const visits = await burst('reception visits', (server) =>
      Array.from({ length: BURST }, (_, n) =>
        request(server)
          .post('/api/v1/reception/visits')
          .set('authorization', `Bearer ${officer}`)
          .send({
            unitId: world.divisionA.id,
            visitDate: '2026-11-24',
            visitTime: '08:30',
            receivingOfficerName: 'Lê Văn Cường',
            citizens: [letterBody(world.divisionA.id, 3000 + n).petitioners[0]],
            peopleCount: 1,
            summary: `Khiếu nại quyết định thu hồi đất số ${n}`,
            contentKind: 'complaint',
            withinCompetence: true,
            outcome: 'guided',
            guidanceBody: 'Tòa án nhân dân huyện',
          }),
      ),
    );
    expect(new Set(visits.map((v) => v.body.id)).size).toBe(BURST);
    const decided = await burst('processing decisions', (server) =>
      letters.map((l) =>
        request(server)
          .post(`/api/v1/letters/${l.id}/decision`)
          .set('authorization', `Bearer ${officer}`)
          .send({
            decision: 'accept',
            decidedOn: '2026-11-23',
            legalBasis: 'LKN 02/2011/QH13 art. 27',
            version: l.version,
          }),
      ),
    );
    const caseNumbers = new Set<string>();
    const cases: { id: string; version: number }[] = [];
    const reader = await freshApi();
    try {
      for (const d of decided) {
        const c = await request(reader.getHttpServer())
          .get(`/api/v1/complaint-cases/${d.body.caseId}`)
          .set('authorization', `Bearer ${head}`)
          .expect(200);
        caseNumbers.add(c.body.caseNumber);
        cases.push({ id: c.body.id, version: c.body.version });
      }
      // Case numbers come from one counter row, taken just before each commit (ADR 0019): every one
      // distinct, and the year's numbers gap-free — none skipped by a retry or a rolled-back decision.
      expect(caseNumbers.size).toBe(BURST);
      const ds = reader.get<DataSource>(getDataSourceToken());
      const numbers: Array<{ no: string | null }> = await ds.query(
        'SELECT case_number AS no FROM complaint_cases ORDER BY case_number',
      );
      expect(numbers.map((r) => r.no)).toEqual(
        numbers.map((_, i) => `KN-2026-${String(i + 1).padStart(6, '0')}`),
      );
      expect(numbers.length).toBeGreaterThanOrEqual(BURST);
      // The case's audit entry, written after the number, carries it.
      const [audit] = await ds.query(
        "SELECT changes FROM audit_log WHERE entity_type = 'complaint_case' AND action = 'create' AND entity_id = ?",
        [cases[0].id],
      );
      const changes = typeof audit.changes === 'string' ? JSON.parse(audit.changes) : audit.changes;
      expect(changes.caseNumber).toEqual({ before: null, after: expect.stringMatching(/^KN-2026-\d{6}$/) });
    } finally {
      await reader.close();
    }
    await burst('assignments', (server) =>
      cases.map((c) =>
        request(server)
          .patch(`/api/v1/complaint-cases/${c.id}/assignment`)
          .set('authorization', `Bearer ${head}`)
          .send({ handlerUserId: world.users.case_handler.id, reason: 'Giao xác minh', version: c.version }),
      ),
    );
    // Calendar changes: one agency's calendar, distinct days of next year, all at once.
    const days = Array.from({ length: BURST }, (_, n) => `2027-03-${String(n + 2).padStart(2, '0')}`);
    await burst('calendar changes', (server) =>
      days.map((day) =>
        request(server)
          .put(`/api/v1/calendars/${world.agencyA.id}/entries/${day}`)
          .set('authorization', `Bearer ${admin}`)
          .send({ kind: 'day_off', name: `Ngày nghỉ thử ${day}` }),
      ),
    );
  });

  it('takes the case-number counter only as the last statements before the commit', async () => {
    const app = await freshApi();
    const ds = app.get<DataSource>(getDataSourceToken());
    const holder = ds.createQueryRunner();
    try {
      const server = app.getHttpServer();
      const officer = await tokenOf(app, 'reception_officer');
      const letter = await request(server)
        .post('/api/v1/letters')
        .set('authorization', `Bearer ${officer}`)
        .send(letterBody(world.divisionA.id, 5000))
        .expect(201);
      // Someone else holds the year's counter row (as the decision before this one would, at its commit).
      await ds.query(
        "INSERT IGNORE INTO case_number_counters (prefix, year, last_number) VALUES ('KN', 2026, 0)",
      );
      await holder.connect();
      await holder.startTransaction();
      await holder.query(
        "SELECT last_number FROM case_number_counters WHERE prefix = 'KN' AND year = 2026 FOR UPDATE",
      );
      const decision = request(server)
        .post(`/api/v1/letters/${letter.body.id}/decision`)
        .set('authorization', `Bearer ${officer}`)
        .send({
          decision: 'accept',
          decidedOn: '2026-11-23',
          legalBasis: 'LKN 02/2011/QH13 art. 27',
          version: letter.body.version,
        })
        .then((answer) => answer);
      // The decision waits on the counter with all its other work done: the case, its step and
      // deadlines, the letter's decision and its audit entry are written (the old order waited there
      // before writing anything: 0 rows).
      let waiting: { rows: number; query: string } | undefined;
      // innodb_trx is a snapshot InnoDB refreshes only when it was not read for 0.1 s: poll slower.
      const until = Date.now() + 10_000;
      while (!waiting && Date.now() < until) {
        await new Promise((resolve) => setTimeout(resolve, 150));
        const [row] = await ds.query(
          "SELECT trx_rows_modified AS modified, trx_query AS waits_on FROM information_schema.innodb_trx WHERE trx_state = 'LOCK WAIT'",
        );
        if (row) waiting = { rows: Number(row.modified), query: String(row.waits_on) };
      }
      expect(waiting?.query).toContain('case_number_counters');
      expect(waiting!.rows).toBeGreaterThanOrEqual(6);
      await holder.rollbackTransaction();
      const answer = await decision;
      expect(answer.status).toBe(201);
      const [c] = await ds.query(
        'SELECT case_number AS no, search_text AS st FROM complaint_cases WHERE id = ?',
        [answer.body.caseId],
      );
      expect(c.no).toMatch(/^KN-2026-\d{6}$/);
      // The work lists find it by its number: the search text was written with it.
      expect(c.st).toBe(searchFold(`${c.no} ${letterBody(world.divisionA.id, 5000).subject}`, 600));
    } finally {
      if (holder.isTransactionActive) await holder.rollbackTransaction();
      await holder.release();
      await app.close();
    }
  });

  it('runs beforeCommit hooks last in the transaction, in order, and never for work that failed', async () => {
    const app = await freshApi();
    try {
      const ds = app.get<DataSource>(getDataSourceToken());
      const seen: string[] = [];
      const result = await transactionWithRetry(ds, async (manager) => {
        beforeCommit(manager, async () => {
          // Still in the transaction: what the work wrote is there, the commit has not happened.
          const [{ n }] = await manager.query('SELECT @@in_transaction AS n');
          seen.push(`first ${n}`);
          beforeCommit(manager, async () => {
            seen.push('added by a hook');
          });
        });
        beforeCommit(manager, async () => {
          seen.push('second');
        });
        seen.push('work');
        return 'done';
      });
      expect(result).toBe('done');
      expect(seen).toEqual(['work', 'first 1', 'second', 'added by a hook']);
      const failed: string[] = [];
      await expect(
        transactionWithRetry(ds, async (manager) => {
          beforeCommit(manager, async () => {
            failed.push('hook');
          });
          throw new Error('refused');
        }),
      ).rejects.toThrow('refused');
      expect(failed).toEqual([]);
      await expect(ds.transaction(async (m) => beforeCommit(m, async () => undefined))).rejects.toThrow(
        'beforeCommit needs a transaction opened by transactionWithRetry',
      );
    } finally {
      await app.close();
    }
  });

  it(`answers ${BURST} simultaneous enforcement progress updates (four records, five obligations each)`, async () => {
    const setup = await freshApi();
    const obligations: { id: string; version: number }[] = [];
    let head: string;
    try {
      head = await tokenOf(setup, 'unit_head');
      const ds = setup.get<DataSource>(getDataSourceToken());
      for (let r = 0; r < 4; r++) {
        // A final decision's record, as the case step that makes the decision final opens it.
        const record = await ds.transaction((manager) =>
          setup.get(EnforcementService).openFor(manager, SYSTEM_ACTOR, {
            subjectType: 'complaint_case',
            subjectId: randomUUID(),
            unitId: world.divisionA.id,
            title: `KN-2026-00010${r} — vụ việc thử nghiệm`,
            decisionRef: `${r + 1}/QĐ`,
            openedOn: '2026-11-20',
          }),
        );
        let version = record.version;
        for (let o = 0; o < 5; o++) {
          const answer = await request(setup.getHttpServer())
            .post(`/api/v1/enforcement-records/${record.id}/obligations`)
            .set('authorization', `Bearer ${head}`)
            .send({
              kind: 'restore_rights',
              description: `Hoàn trả diện tích đất số ${o}`,
              owningUnitId: world.divisionA.id,
              due: { date: '2027-06-30' },
              version,
            })
            .expect(201);
          version = answer.body.version;
          const added = answer.body.obligations[answer.body.obligations.length - 1];
          obligations.push({ id: added.id, version: added.version });
        }
      }
    } finally {
      await setup.close();
    }
    await burst('enforcement updates', (server) =>
      obligations.map((o) =>
        request(server)
          .post(`/api/v1/enforcement-records/obligations/${o.id}/updates`)
          .set('authorization', `Bearer ${head}`)
          .send({
            reportedOn: '2026-11-24',
            note: 'Đang thi hành quyết định',
            status: 'in_progress',
            version: o.version,
          }),
      ),
    );
  });

  it(`answers ${BURST} simultaneous authorisations on complaint letters (issue 20) with 200`, async () => {
    const setup = await freshApi();
    let officer: string;
    const letters: { id: string; version: number }[] = [];
    try {
      officer = await tokenOf(setup, 'reception_officer');
      for (let n = 0; n < BURST; n++) {
        const created = await request(setup.getHttpServer())
          .post('/api/v1/letters')
          .set('authorization', `Bearer ${officer}`)
          .send(letterBody(world.divisionA.id, 400 + n))
          .expect(201);
        letters.push({ id: created.body.id, version: created.body.version });
      }
    } finally {
      await setup.close();
    }
    const answers = await burst('authorisations', (server) =>
      letters.map((l, n) =>
        request(server)
          .put(`/api/v1/letters/${l.id}/authorisation`)
          .set('authorization', `Bearer ${officer}`)
          .send({
            kind: 'relative',
            person: {
              fullName: `Lê Văn Ủy Quyền ${n}`,
              address: `Số ${n}, đường Hùng Vương`,
              idNumber: `0753010${String(n).padStart(5, '0')}`,
              relationship: 'con trai',
            },
            documentRef: `GUQ ${n}/2026`,
            documentDate: '2026-11-21',
            // Lodged in 2026: an individual's authorisation is notarised or certified (NĐ 155/2026 art. 21(2)).
            notarised: true,
            certificationRef: `CT ${n}`,
            version: l.version,
          }),
      ),
    );
    expect(answers.map((a) => a.body.ruleId)).toEqual(Array(BURST).fill('KN-AUTH-INDIVIDUAL-CERTIFIED'));
  });

  it(`answers ${BURST} simultaneous "end every sign-in" commands on one account (issue 18) with 200`, async () => {
    const setup = await freshApi();
    let admin: string;
    let open: number;
    try {
      admin = await tokenOf(setup, 'admin');
      // Sign-ins to end: the account's sessions, each a row the commands all lock.
      for (let n = 0; n < 3; n++) await tokenOf(setup, 'case_handler');
      const [row] = await setup
        .get<DataSource>(getDataSourceToken())
        .query('SELECT COUNT(*) AS n FROM auth_sessions WHERE user_id = ? AND revoked_at IS NULL', [
          world.users.case_handler.id,
        ]);
      open = Number(row.n);
    } finally {
      await setup.close();
    }
    const answers = await burst('ended sign-ins', (server) =>
      Array.from({ length: BURST }, () =>
        request(server)
          .post(`/api/v1/users/${world.users.case_handler.id}/sessions/end`)
          .set('authorization', `Bearer ${admin}`),
      ),
    );
    // The commands lock the same rows: one ends every open session, the others find them ended.
    expect(open).toBeGreaterThanOrEqual(3);
    expect(answers.map((a) => Number(a.body.ended)).sort((a, b) => a - b)).toEqual([
      ...Array(BURST - 1).fill(0),
      open,
    ]);
  });

  it(`answers ${BURST} simultaneous sign-ins (JSON and the console's cookie route) with 200`, async () => {
    // Each writes a session and the sign-in throttle's rows; half come by the browser route.
    const roles = ['reception_officer', 'unit_head', 'case_handler', 'inspectorate_leader'] as const;
    const answers = await burst('sign-ins', (server) =>
      Array.from({ length: BURST }, (_, n) =>
        request(server)
          .post(n % 2 === 0 ? '/api/v1/auth/login' : '/api/v1/auth/browser/login')
          .set('x-tiepdan-console', '1')
          .send({ email: world.users[roles[n % roles.length]].email, password: 'a-long-test-password' }),
      ),
    );
    expect(answers.every((a) => typeof a.body.accessToken === 'string')).toBe(true);
  });

  it('turns a wait for a connection past DB_ACQUIRE_TIMEOUT_MS into 503 DATABASE_BUSY, then recovers', async () => {
    const app = await freshApi({ DB_POOL_SIZE: '2', DB_ACQUIRE_TIMEOUT_MS: '300' });
    try {
      const server = app.getHttpServer();
      const ds = app.get<DataSource>(getDataSourceToken());
      // Both pooled connections busy for 2 s.
      const hogs = [ds.query('SELECT SLEEP(2)'), ds.query('SELECT SLEEP(2)')];
      await new Promise((resolve) => setTimeout(resolve, 100));
      const started = Date.now();
      const busy = await request(server).post('/api/v1/auth/login').send({
        email: world.users.reception_officer.email,
        password: 'a-long-test-password',
      });
      expect({ status: busy.status, code: busy.body.code }).toEqual({ status: 503, code: 'DATABASE_BUSY' });
      expect(busy.headers['retry-after']).toBe('1');
      expect(Date.now() - started).toBeLessThan(1500);
      await Promise.all(hogs);
      // When the burst is over the process answers again at once, by itself.
      const deadline = Date.now() + 5000;
      let ready = 0;
      while (Date.now() < deadline && ready !== 200) {
        ready = (await request(server).get('/health/ready')).status;
        if (ready !== 200) await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(ready).toBe(200);
      await request(server)
        .post('/api/v1/auth/login')
        .send({ email: world.users.reception_officer.email, password: 'a-long-test-password' })
        .expect(200);
    } finally {
      await app.close();
    }
  });

  it('refuses a second pooled connection inside a transaction at once, naming both call sites', async () => {
    const app = await freshApi();
    try {
      const ds = app.get<DataSource>(getDataSourceToken());
      const outcome = await ds
        .transaction(async (manager) => {
          await manager.query('SELECT 1');
          return ds.query('SELECT 2'); // the mistake: the pool, not `manager`
        })
        .then(
          () => undefined,
          (error: unknown) => error,
        );
      expect(outcome).toBeInstanceOf(SecondPooledConnectionError);
      const message = (outcome as Error).message;
      expect(message).toContain('transaction opened at');
      expect(message).toContain('second connection requested at');
      expect(message).toContain('write-bursts.int-spec');
      // A transaction opened from inside another one is the same mistake.
      const nested = await ds
        .transaction(() => ds.transaction(async (m) => m.query('SELECT 3')))
        .then(
          () => undefined,
          (error: unknown) => error,
        );
      expect(nested).toBeInstanceOf(SecondPooledConnectionError);
      // After the transaction the pool is free to use again, and the manager works inside one.
      await expect(ds.query('SELECT 4 AS n')).resolves.toEqual([{ n: 4 }]);
      await expect(ds.transaction((m) => m.query('SELECT 5 AS n'))).resolves.toEqual([{ n: 5 }]);
    } finally {
      await app.close();
    }
  });

  /** Answers grouped by outcome: `ok` for 2xx, otherwise `<status> <code>`. */
  const outcomes = (answers: request.Response[]) =>
    answers.map((a) => (a.status >= 200 && a.status < 300 ? 'ok' : `${a.status} ${a.body.code}`));

  it(`answers ${BURST} simultaneous subject-access corrections: each once, one winner on a shared record`, async () => {
    // Letters each with their own petitioner, made on a first process; the custodian finds each record.
    const setup = await freshApi();
    let custodian: string;
    const found: { idNumber: string; rowId: string; recordId: string; version: number }[] = [];
    try {
      custodian = await tokenOf(setup, 'identity_custodian');
      const letters = setup.get(LettersService);
      for (let n = 0; n <= BURST / 2; n++) {
        const body = letterBody(world.divisionA.id, 6000 + n);
        await letters.create(SYSTEM_ACTOR, body as CreateLetterDto);
        const idNumber = body.petitioners[0].idNumber;
        const search = await request(setup.getHttpServer())
          .post('/api/v1/subject-access/searches')
          .set('authorization', `Bearer ${custodian}`)
          .send({ requestRef: `YC-BURST/${n}`, idNumber })
          .expect(200);
        const [record] = search.body.records.filter((r: { kind: string }) => r.kind === 'letter_petitioner');
        found.push({ idNumber, rowId: record.rowId, recordId: record.recordId, version: record.version });
      }
    } finally {
      await setup.close();
    }
    const [shared, ...distinct] = found;
    const correction = (target: (typeof found)[number], phone: string) => ({
      requestRef: 'YC-BURST/1',
      idNumber: target.idNumber,
      kind: 'letter_petitioner',
      rowId: target.rowId,
      version: target.version,
      reason: 'Công dân đề nghị sửa số điện thoại liên lạc',
      values: { phone },
    });
    const phoneOf = (n: number) => `0912${String(n).padStart(6, '0')}`;
    const app = await freshApi();
    try {
      const server = app.getHttpServer();
      const correct = (body: object) =>
        request(server)
          .post('/api/v1/subject-access/corrections')
          .set('authorization', `Bearer ${custodian}`)
          .send(body);
      // Half on records of their own, half on one shared record with the same version read.
      const answers = await Promise.all([
        ...distinct.map((target, n) => correct(correction(target, phoneOf(n)))),
        ...Array.from({ length: BURST / 2 }, (_, n) => correct(correction(shared, phoneOf(100 + n)))),
      ]);
      const own = answers.slice(0, distinct.length);
      const onShared = answers.slice(distinct.length);
      expect(outcomes(own)).toEqual(Array(distinct.length).fill('ok'));
      expect(outcomes(onShared).sort()).toEqual([
        ...Array(BURST / 2 - 1).fill('409 SUBJECT_ACCESS_VERSION_CONFLICT'),
        'ok',
      ]);
      await request(server).get('/health/ready').expect(200);
      // Each record changed once: one version step, one audit entry, the winner's value in the record.
      const ds = app.get<DataSource>(getDataSourceToken());
      const ids = found.map((f) => f.recordId);
      const versions = await ds.query('SELECT id, version FROM letters WHERE id IN (?)', [ids]);
      const audited = await ds.query(
        "SELECT entity_id, COUNT(*) AS n FROM audit_log WHERE action = 'subject_access.correct' AND entity_id IN (?) GROUP BY entity_id",
        [ids],
      );
      for (const f of found) {
        expect(Number(versions.find((v: { id: string }) => v.id === f.recordId).version)).toBe(f.version + 1);
        expect(Number(audited.find((a: { entity_id: string }) => a.entity_id === f.recordId)?.n)).toBe(1);
      }
      const winner = onShared.findIndex((a) => a.status === 200);
      const exported = await request(server)
        .post('/api/v1/subject-access/exports')
        .set('authorization', `Bearer ${custodian}`)
        .send({ requestRef: 'YC-BURST/1', idNumber: shared.idNumber, format: 'json' })
        .expect(200);
      const record = exported.body.records.find((r: { rowId: string }) => r.rowId === shared.rowId);
      expect(record.data.phone).toBe(phoneOf(100 + winner));
    } finally {
      await app.close();
    }
  });

  it(`answers ${BURST} simultaneous eligibility checks from the intake queue: each letter checked once`, async () => {
    // Letters as the public form files them ("chưa kiểm tra"), made on a first process.
    const setup = await freshApi();
    let officer: string;
    const letters: { id: string; version: number }[] = [];
    try {
      officer = await tokenOf(setup, 'reception_officer');
      for (let n = 0; n <= BURST / 2; n++) {
        const body = { ...letterBody(world.divisionA.id, 7000 + n), channel: 'online_form', eligibility: [] };
        const letter = await setup
          .get(LettersService)
          .create(SYSTEM_ACTOR, body as CreateLetterDto, { eligibilityUnchecked: true });
        letters.push({ id: letter.id, version: letter.version });
      }
    } finally {
      await setup.close();
    }
    const [shared, ...distinct] = letters;
    const app = await freshApi();
    try {
      const server = app.getHttpServer();
      const queued = async () =>
        (
          await request(server)
            .get('/api/v1/letters/intake-queue')
            .query({ pageSize: 100 })
            .set('authorization', `Bearer ${officer}`)
            .expect(200)
        ).body.items.map((i: { id: string }) => i.id) as string[];
      expect(await queued()).toEqual(expect.arrayContaining(letters.map((l) => l.id)));
      const check = (letter: { id: string; version: number }) =>
        request(server)
          .post(`/api/v1/letters/${letter.id}/eligibility`)
          .set('authorization', `Bearer ${officer}`)
          .send({ version: letter.version, eligibility: ALL_PASSED });
      const answers = await Promise.all([
        ...distinct.map(check),
        ...Array.from({ length: BURST / 2 }, () => check(shared)),
      ]);
      expect(outcomes(answers.slice(0, distinct.length))).toEqual(Array(distinct.length).fill('ok'));
      expect(outcomes(answers.slice(distinct.length)).sort()).toEqual([
        ...Array(BURST / 2 - 1).fill('409 LETTER_VERSION_CONFLICT'),
        'ok',
      ]);
      await request(server).get('/health/ready').expect(200);
      const ds = app.get<DataSource>(getDataSourceToken());
      const ids = letters.map((l) => l.id);
      const rows = await ds.query(
        'SELECT id, version, eligibility_checked, eligible FROM letters WHERE id IN (?)',
        [ids],
      );
      const audited = await ds.query(
        "SELECT entity_id, COUNT(*) AS n FROM audit_log WHERE action = 'check_eligibility' AND entity_id IN (?) GROUP BY entity_id",
        [ids],
      );
      for (const l of letters) {
        const row = rows.find((r: { id: string }) => r.id === l.id);
        expect({ version: Number(row.version), checked: Number(row.eligibility_checked) }).toEqual({
          version: l.version + 1,
          checked: 1,
        });
        expect(Number(audited.find((a: { entity_id: string }) => a.entity_id === l.id)?.n)).toBe(1);
      }
      // Out of the queue, every one of them.
      expect((await queued()).filter((id) => ids.includes(id))).toEqual([]);
    } finally {
      await app.close();
    }
  });

  it(`answers ${BURST} simultaneous webhook test calls to a slow receiver, holding no connection meanwhile`, async () => {
    // The receiver answers nobody until every call has arrived (or 5 s have passed): the calls can only
    // all be in flight at once if none holds one of the pool's connections while it waits.
    const arrived: { delivery: string; signature: string; answer: () => void }[] = [];
    let allArrived: () => void = () => undefined;
    const together = new Promise<void>((resolve) => (allArrived = resolve));
    const receiver = createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        arrived.push({
          delivery: String(req.headers['x-tiepdan-delivery']),
          signature: String(req.headers['x-tiepdan-signature']),
          answer: () => res.writeHead(204).end(),
        });
        if (arrived.length === BURST) allArrived();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    const port = (receiver.address() as AddressInfo).port;
    const setup = await freshApi();
    let admin: string;
    let endpointId: string;
    try {
      admin = await tokenOf(setup, 'admin');
      const created = await request(setup.getHttpServer())
        .post('/api/v1/webhook-endpoints')
        .set('authorization', `Bearer ${admin}`)
        .send({ url: `http://127.0.0.1:${port}/hooks`, events: ['escalation'] })
        .expect(201);
      endpointId = created.body.id;
    } finally {
      await setup.close();
    }
    const app = await freshApi();
    try {
      const server = app.getHttpServer();
      const calls = Promise.all(
        Array.from({ length: BURST }, () =>
          request(server)
            .post(`/api/v1/webhook-endpoints/${endpointId}/test`)
            .set('authorization', `Bearer ${admin}`),
        ),
      );
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([together, new Promise((resolve) => (timer = setTimeout(resolve, 5000)))]);
      clearTimeout(timer);
      const inFlight = arrived.length;
      // Meanwhile the database is free for everyone else.
      const ready = await request(server).get('/health/ready');
      for (const call of arrived) call.answer();
      const answers = await calls;
      expect({ inFlight, ready: ready.status }).toEqual({ inFlight: BURST, ready: 200 });
      expect(outcomes(answers)).toEqual(Array(BURST).fill('ok'));
      expect(answers.every((a) => a.body.acknowledged === true && a.body.status === 204)).toBe(true);
      // Each call sent once, each with its own delivery id, and audited once.
      const sent = answers.map((a) => a.body.deliveryId as string);
      expect(new Set(sent).size).toBe(BURST);
      expect(arrived.map((a) => a.delivery).sort()).toEqual([...sent].sort());
      const [{ n }] = await app
        .get<DataSource>(getDataSourceToken())
        .query("SELECT COUNT(*) AS n FROM audit_log WHERE action = 'test' AND entity_id = ?", [endpointId]);
      expect(Number(n)).toBe(BURST);
    } finally {
      await app.close();
      await new Promise((resolve) => receiver.close(resolve));
    }
  });

  it(`creates, pauses and races ${BURST} webhook endpoints at once, each change once with its audit entry`, async () => {
    const setup = await freshApi();
    let admin: string;
    try {
      admin = await tokenOf(setup, 'admin');
    } finally {
      await setup.close();
    }
    const app = await freshApi();
    try {
      const server = app.getHttpServer();
      const asAdmin = (r: request.Test) => r.set('authorization', `Bearer ${admin}`);
      const db = app.get<DataSource>(getDataSourceToken());
      const audited = async (action: string, ids: string[]) =>
        (
          await db.query(
            `SELECT entity_id AS id FROM audit_log WHERE entity_type = 'webhook_endpoint' AND action = ?
             AND entity_id IN (${ids.map(() => '?').join(', ')})`,
            [action, ...ids],
          )
        )
          .map((r: { id: string }) => r.id)
          .sort();

      const created = await Promise.all(
        Array.from({ length: BURST }, (_, n) =>
          asAdmin(request(server).post('/api/v1/webhook-endpoints')).send({
            url: `http://127.0.0.1:9/burst/${n}`,
            events: ['escalation'],
          }),
        ),
      );
      expect(outcomes(created)).toEqual(Array(BURST).fill('ok'));
      const ids = created.map((a) => a.body.id as string).sort();
      expect(new Set(ids).size).toBe(BURST);
      expect(await audited('create', ids)).toEqual(ids);

      // Every endpoint paused at once: each row changed once, each with one entry.
      const paused = await Promise.all(
        ids.map((id) =>
          asAdmin(request(server).patch(`/api/v1/webhook-endpoints/${id}`)).send({ active: false }),
        ),
      );
      expect(outcomes(paused)).toEqual(Array(BURST).fill('ok'));
      const [{ n: stillActive }] = await db.query(
        `SELECT COUNT(*) AS n FROM webhook_endpoints WHERE active = 1 AND id IN (${ids.map(() => '?').join(', ')})`,
        ids,
      );
      expect(Number(stillActive)).toBe(0);
      expect(await audited('update', ids)).toEqual(ids);

      // The same endpoint resumed by everyone at once: one change, one entry, every caller answered.
      const raced = await Promise.all(
        Array.from({ length: BURST }, () =>
          asAdmin(request(server).patch(`/api/v1/webhook-endpoints/${ids[0]}`)).send({ active: true }),
        ),
      );
      expect(outcomes(raced)).toEqual(Array(BURST).fill('ok'));
      expect(raced.every((a) => a.body.active === true)).toBe(true);
      expect(await audited('update', [ids[0]])).toEqual([ids[0], ids[0]]);
      expect((await request(server).get('/health/ready')).status).toBe(200);
    } finally {
      await app.close();
    }
  });
});
