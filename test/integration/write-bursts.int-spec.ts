import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { getDataSourceToken } from '@nestjs/typeorm';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { Clock } from '../../src/common/clock.js';
import { SecondPooledConnectionError } from '../../src/common/database/connection-guard.js';
import { startApi } from '../support/api.js';
import { truncateAll } from '../support/database.js';
import { testConfig } from '../support/env.js';
import { login, twoAgencies } from '../support/fixtures.js';

/**
 * A reception room on a Monday morning: more officers writing at the same moment than the API has
 * pooled connections, on a process that has just started (cold calendar caches). Every answer must be a
 * success, and the process must stay ready. docs/database.md, "The pool".
 */
const POOL_SIZE = 5; // test/support/env.ts
const BURST = 4 * POOL_SIZE;
const NOW = new Date('2026-11-25T03:00:00Z');

const ALL_PASSED = [
  'language',
  'dated',
  'identified_and_signed',
  'content_complete',
  'lawful_content',
  'legible',
].map((check) => ({ check, passed: true }));

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
});
