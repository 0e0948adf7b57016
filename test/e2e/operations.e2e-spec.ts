import { getQueueToken } from '@nestjs/bullmq';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { getDataSourceToken } from '@nestjs/typeorm';
import { Worker, type Queue } from 'bullmq';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import request from 'supertest';
import type { App } from 'supertest/types.js';
import type { DataSource } from 'typeorm';
import { uuid7 } from '../../src/common/ids/uuid7.js';
import { AppConfig } from '../../src/config/app-config.js';
import { chainPendingEntries } from '../../src/audit/audit-sequencer.js';
import { SignedSessionCookie } from '../../src/common/http/signed-session-cookie.js';
import { QUEUE_BOARD_SESSION } from '../../src/operations/queue-board-access.service.js';
import { QUEUES } from '../../src/queue/queues.js';
import { redisConnection } from '../../src/queue/redis-connection.js';
import { startApi } from '../support/api.js';
import { truncateAll } from '../support/database.js';
import { testConfig } from '../support/env.js';
import { Fixtures, login } from '../support/fixtures.js';

const METRICS_TOKEN = 'metrics-token-for-the-e2e-tests';

/** The value of one sample of the exposition text, or undefined when the series is absent. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  const wanted = Object.entries(labels).map(([k, v]) => `${k}="${v}"`);
  for (const line of text.split('\n')) {
    if (line.startsWith('#')) continue;
    const m = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!m || m[1] !== name) continue;
    // Every series also names its instance (INSTANCE_ID, ADR 0012): not what these tests look at.
    const have = (m[2] ?? '').split(',').filter((l) => l && !l.startsWith('instance_id='));
    if (wanted.every((w) => have.includes(w)) && have.length === wanted.length) return Number(m[3]);
  }
  return undefined;
}

/** A JWT's payload, unverified (the test reads its own sign-in's session id). */
const jwtPayload = (token: string) =>
  JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8')) as { sub: string; sid: string };

/** An open deadline row and escalation rows for it, straight into the tables (the sweep is not tested here). */
async function escalationRows(dataSource: DataSource, unitId: string, rows: Array<[string, number, number]>) {
  const deadlineId = uuid7();
  await dataSource.query(
    `INSERT INTO case_deadlines (id, subject_type, subject_id, unit_id, purpose, rule_id, rule_version,
       trigger_date, options, raw_end, due_date, status, calendar_version, policy_version, explanation)
     VALUES (?, 'letter', ?, ?, 'processing', 'XLD-1', 'v', '2026-11-02', '{}', '2026-11-12', '2026-11-12',
       'open', 'c', 'p', '{"vi":[],"en":[]}')`,
    [deadlineId, uuid7(), unitId],
  );
  for (const [status, level, ageMs] of rows) {
    await dataSource.query(
      `INSERT INTO escalations (id, deadline_id, deadline_version, level, status, unit_id, due_date)
       VALUES (?, ?, 1, ?, ?, ?, '2026-11-12')`,
      [uuid7(Date.now() - ageMs), deadlineId, level, status, unitId],
    );
  }
}

async function obliterateQueues(app: NestFastifyApplication): Promise<void> {
  for (const q of Object.values(QUEUES)) {
    await app.get<Queue>(getQueueToken(q.name), { strict: false }).obliterate({ force: true });
  }
}

describe('operations: /metrics and the queue board', () => {
  let app: NestFastifyApplication;
  let server: App;
  let dataSource: DataSource;
  let f: Fixtures;
  let unitId: string;
  let admin: { accessToken: string };
  let handler: { accessToken: string };

  beforeAll(async () => {
    // Queues of their own (the worker below must take no other test's job), obliterated at the end.
    const config = testConfig();
    app = await startApi(testConfig({ QUEUE_PREFIX: `${config.queue.prefix}-operations` }));
    await obliterateQueues(app);
    server = app.getHttpServer();
    dataSource = app.get<DataSource>(getDataSourceToken());
    await truncateAll(dataSource);
    f = new Fixtures(app);
    unitId = (await f.unit('Sở Vận hành', 'agency')).id;
    admin = await login(server, (await f.user(unitId, ['admin'])).email);
    handler = await login(server, (await f.user(unitId, ['case_handler'])).email);
    // Escalations an hour old, in the table before the first scrape (the part counted once).
    await escalationRows(dataSource, unitId, [
      ['skipped', 1, 3600_000],
      ['fired', 2, 3600_000],
    ]);
    await escalationRows(dataSource, unitId, [['fired', 1, 3600_000]]);
  });
  afterAll(async () => {
    if (app) await obliterateQueues(app);
    await app?.close();
  });

  describe('/metrics (no METRICS_TOKEN: loopback only)', () => {
    it('answers a scraper on the loopback interface with every queue by state, and the process metrics', async () => {
      const res = await request(server).get('/metrics').expect(200);
      expect(res.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
      for (const q of Object.values(QUEUES)) {
        for (const state of ['waiting', 'active', 'delayed', 'failed', 'completed']) {
          expect(sample(res.text, 'tiepdan_queue_jobs', { queue: q.name, state })).toEqual(
            expect.any(Number),
          );
        }
      }
      expect(sample(res.text, 'tiepdan_metrics_source_up', { source: 'redis' })).toBe(1);
      expect(sample(res.text, 'tiepdan_metrics_source_up', { source: 'database' })).toBe(1);
      expect(sample(res.text, 'tiepdan_audit_unchained_entries')).toEqual(expect.any(Number));
      expect(sample(res.text, 'process_cpu_user_seconds_total')).toEqual(expect.any(Number));
      expect(res.text).toContain('nodejs_eventloop_lag_seconds');
    });

    it('counts a job added to a queue as waiting, and its latency once a worker has completed it', async () => {
      const config = app.get(AppConfig);
      const queue = app.get<Queue>(getQueueToken(QUEUES.calendar.name), { strict: false });
      const before = sample((await request(server).get('/metrics').expect(200)).text, 'tiepdan_queue_jobs', {
        queue: 'calendar',
        state: 'waiting',
      })!;
      const job = await queue.add('operations-probe', {});
      const waiting = await request(server).get('/metrics').expect(200);
      expect(sample(waiting.text, 'tiepdan_queue_jobs', { queue: 'calendar', state: 'waiting' })).toBe(
        before + 1,
      );

      const worker = new Worker(QUEUES.calendar.name, async () => 'done', {
        connection: redisConnection(config, 'worker'),
        prefix: config.queue.prefix,
      });
      try {
        await new Promise<void>((resolve) => worker.on('completed', () => resolve()));
      } finally {
        await worker.close();
      }
      const done = await request(server).get('/metrics').expect(200);
      expect(sample(done.text, 'tiepdan_queue_jobs', { queue: 'calendar', state: 'waiting' })).toBe(before);
      expect(sample(done.text, 'tiepdan_queue_jobs', { queue: 'calendar', state: 'completed' })).toBe(1);
      expect(
        sample(done.text, 'tiepdan_queue_latency_sample_jobs', { queue: 'calendar' }),
      ).toBeGreaterThanOrEqual(1);
      expect(
        sample(done.text, 'tiepdan_queue_job_run_seconds', { queue: 'calendar', quantile: '0.5' }),
      ).toBeGreaterThanOrEqual(0);
      expect(
        sample(done.text, 'tiepdan_queue_job_wait_seconds', { queue: 'calendar', quantile: '1' }),
      ).toBeGreaterThanOrEqual(0);
      expect((await queue.getJob(job.id!))?.returnvalue).toBe('done');
    });

    it('counts escalations fired and skipped by level from the database, old rows and recent ones', async () => {
      await escalationRows(dataSource, unitId, [['fired', 1, 0]]);
      const res = await request(server).get('/metrics').expect(200);
      expect(sample(res.text, 'tiepdan_escalations_fired_total', { level: '1' })).toBe(2);
      expect(sample(res.text, 'tiepdan_escalations_fired_total', { level: '2' })).toBe(1);
      expect(sample(res.text, 'tiepdan_escalations_skipped_total', { level: '1' })).toBe(1);
      // Later scrapes count the settled part once and read only the recent rows again.
      await escalationRows(dataSource, unitId, [['fired', 1, 0]]);
      const again = await request(server).get('/metrics').expect(200);
      expect(sample(again.text, 'tiepdan_escalations_fired_total', { level: '1' })).toBe(3);
      expect(sample(again.text, 'tiepdan_escalations_fired_total', { level: '2' })).toBe(1);
      // No ids of any kind in the labels.
      expect(again.text).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-7/);
    });

    it('reports the audit entries waiting for the sequencer, and how old the oldest is', async () => {
      // The API runs no sequencer: every entry written so far waits; one is two minutes old.
      await dataSource.query(
        `INSERT INTO audit_log (occurred_at, action, entity_type, entity_id)
         VALUES (UTC_TIMESTAMP(3) - INTERVAL 2 MINUTE, 'update', 'unit', 'metrics-probe')`,
      );
      const [{ n }] = await dataSource.query('SELECT COUNT(*) AS n FROM audit_log WHERE chain_seq IS NULL');
      const waiting = (await request(server).get('/metrics').expect(200)).text;
      expect(sample(waiting, 'tiepdan_audit_unchained_entries')).toBe(Number(n));
      expect(sample(waiting, 'tiepdan_audit_oldest_unchained_seconds')).toBeGreaterThanOrEqual(120);

      await chainPendingEntries(dataSource, { batchSize: 1000 });
      const chained = (await request(server).get('/metrics').expect(200)).text;
      expect(sample(chained, 'tiepdan_audit_unchained_entries')).toBe(0);
      expect(sample(chained, 'tiepdan_audit_oldest_unchained_seconds')).toBe(0);
    });

    it('does not exist for a request that came through a proxy, and is never in the API document', async () => {
      const res = await request(server).get('/metrics').set('x-forwarded-for', '203.0.113.9').expect(404);
      expect(res.body.code).toBe('NOT_FOUND');
      await request(server).get('/api/v1/metrics').expect(404);
      const doc = await request(server).get('/api/docs-json').expect(200);
      const paths = Object.keys(doc.body.paths as object);
      expect(paths.filter((p) => p.includes('metrics') || p.startsWith('/admin/queues'))).toEqual([]);
    });
  });

  describe('/metrics with METRICS_TOKEN', () => {
    let tokenApp: NestFastifyApplication;
    beforeAll(async () => {
      tokenApp = await startApi(testConfig({ METRICS_TOKEN }));
    });
    afterAll(async () => {
      await tokenApp?.close();
    });

    it('refuses a missing or wrong token even on the loopback interface, and answers the right one', async () => {
      const s = tokenApp.getHttpServer();
      const none = await request(s).get('/metrics').expect(401);
      expect(none.body.code).toBe('METRICS_TOKEN_INVALID');
      await request(s).get('/metrics').set('authorization', `Bearer ${METRICS_TOKEN}x`).expect(401);
      await request(s).get('/metrics').set('authorization', METRICS_TOKEN).expect(401);
      const ok = await request(s).get('/metrics').set('authorization', `Bearer ${METRICS_TOKEN}`).expect(200);
      expect(sample(ok.text, 'tiepdan_queue_jobs', { queue: 'escalation', state: 'failed' })).toEqual(
        expect.any(Number),
      );
      // Through a proxy too: the token is what counts.
      await request(s)
        .get('/metrics')
        .set('x-forwarded-for', '203.0.113.9')
        .set('authorization', `Bearer ${METRICS_TOKEN}`)
        .expect(200);
    });
  });

  describe('the queue board (/admin/queues)', () => {
    const openSession = (token: string) =>
      request(server).post('/api/v1/admin/queue-board-session').set('authorization', `Bearer ${token}`);
    const cookieOf = (res: request.Response) => {
      const header = res.headers['set-cookie'] as unknown as string[];
      return header[0].split(';')[0];
    };

    it('is refused without a board session: 401 for the page, its static files and its API', async () => {
      for (const path of [
        '/admin/queues',
        '/admin/queues/',
        '/admin/queues/api/queues',
        '/admin/queues/static/favicon-32x32.png',
      ]) {
        const res = await request(server).get(path).expect(401);
        expect(res.body.code).toBe('QUEUE_BOARD_SESSION_REQUIRED');
      }
      await request(server)
        .get('/admin/queues/')
        .set('cookie', 'tiepdan_queue_board=forged.token.1.x')
        .expect(401);
    });

    it('gives a session to administrators only', async () => {
      const res = await openSession(handler.accessToken).expect(403);
      expect(res.body.code).toBe('AUTH_FORBIDDEN');
      await request(server).post('/api/v1/admin/queue-board-session').expect(401);
    });

    it('opens for an administrator with the cookie: the page, and every queue in its API', async () => {
      const session = await openSession(admin.accessToken).expect(200);
      expect(session.body).toEqual({ url: '/admin/queues/', expiresAt: expect.any(String) });
      const minutes = (Date.parse(session.body.expiresAt) - Date.now()) / 60_000;
      expect(minutes).toBeGreaterThan(14);
      expect(minutes).toBeLessThanOrEqual(15);
      const setCookie = (session.headers['set-cookie'] as unknown as string[])[0];
      expect(setCookie).toMatch(
        /^tiepdan_queue_board=[^;]+; Path=\/admin\/queues; Max-Age=900; HttpOnly; SameSite=Strict$/,
      );
      const cookie = cookieOf(session);

      const page = await request(server).get('/admin/queues/').set('cookie', cookie).expect(200);
      expect(page.headers['content-type']).toMatch(/text\/html/);
      expect(page.text).toContain('<base href="/admin/queues/"');
      expect(page.headers['content-security-policy']).toContain("script-src 'self'");
      const api = await request(server).get('/admin/queues/api/queues').set('cookie', cookie).expect(200);
      const names = (api.body.queues as Array<{ name: string }>).map((q) => q.name).sort();
      expect(names).toEqual(
        Object.values(QUEUES)
          .map((q) => q.name)
          .sort(),
      );
    });

    it('ends with the sign-in it came from', async () => {
      const signIn = await login(server, (await f.user(unitId, ['admin'])).email);
      const cookie = cookieOf(await openSession(signIn.accessToken).expect(200));
      await request(server).get('/admin/queues/api/queues').set('cookie', cookie).expect(200);
      await request(server)
        .post('/api/v1/auth/logout')
        .set('authorization', `Bearer ${signIn.accessToken}`)
        .expect(204);
      await request(server).get('/admin/queues/api/queues').set('cookie', cookie).expect(401);
    });

    it('checks the role on every request: a genuine token for a non-administrator is forbidden', async () => {
      const { sub, sid } = jwtPayload(handler.accessToken);
      const token = new SignedSessionCookie(app.get(AppConfig).auth.jwtSecret, QUEUE_BOARD_SESSION).sign({
        userId: sub,
        sessionId: sid,
        expiresAt: Math.floor(Date.now() / 1000) + 600,
      });
      const res = await request(server)
        .get('/admin/queues/api/queues')
        .set('cookie', `tiepdan_queue_board=${token}`)
        .expect(403);
      expect(res.body.code).toBe('AUTH_FORBIDDEN');
    });
  });

  describe('the queue board in a real browser', () => {
    it('renders every queue under the API’s Content-Security-Policy', async () => {
      await app.listen(0, '127.0.0.1');
      const address = app.getHttpServer().address();
      if (!address || typeof address === 'string') throw new Error('not listening');
      const baseUrl = `http://127.0.0.1:${address.port}`;
      const profile = mkdtempSync(join(tmpdir(), 'tiepdan-chromium-'));
      const browser = await chromium.launchPersistentContext(profile, {
        executablePath: '/usr/bin/chromium',
        args: [
          '--headless',
          '--no-sandbox',
          '--disable-gpu',
          '--no-first-run',
          '--disable-background-networking',
        ],
      });
      try {
        const page = await browser.newPage();
        const refused: string[] = [];
        page.on('console', (m) => {
          if (/Content Security Policy/i.test(m.text())) refused.push(m.text());
        });
        await page.goto(`${baseUrl}/health/live`);
        // What an admin client does: ask for the session with its bearer token, then open the board.
        const status = await page.evaluate(
          async (token) =>
            (
              await fetch('/api/v1/admin/queue-board-session', {
                method: 'POST',
                headers: { authorization: `Bearer ${token}` },
              })
            ).status,
          admin.accessToken,
        );
        expect(status).toBe(200);
        await page.goto(`${baseUrl}/admin/queues/`);
        for (const q of Object.values(QUEUES)) {
          await page.getByText(q.name, { exact: true }).first().waitFor({ timeout: 15_000 });
        }
        // Only the board's web font (fonts.googleapis.com) is refused: it falls back to the system font.
        expect(refused.filter((r) => !r.includes('fonts.googleapis.com'))).toEqual([]);
      } finally {
        await browser.close();
        rmSync(profile, { recursive: true, force: true });
      }
    }, 60_000);
  });
});
