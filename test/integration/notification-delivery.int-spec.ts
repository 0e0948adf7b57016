import { getQueueToken } from '@nestjs/bullmq';
import type { INestApplicationContext } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { Queue } from 'bullmq';
import { createHmac, randomBytes } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import type { DataSource } from 'typeorm';
import { SYSTEM_ACTOR } from '../../src/auth/domain/actor.js';
import { CalendarAdminService } from '../../src/calendar/calendar-admin.service.js';
import { Clock } from '../../src/common/clock.js';
import { AppConfig } from '../../src/config/app-config.js';
import { verifyWebhookSignature } from '../../src/notifications/domain/webhook-signature.js';
import { localInstant } from '../../src/notifications/domain/working-hours.js';
import { EmailDeliveryService } from '../../src/notifications/email-delivery.service.js';
import { emailJobId, SWEEP_BATCH } from '../../src/notifications/notification-jobs.js';
import { NotificationsProcessor } from '../../src/notifications/notifications.processor.js';
import { NOTIFICATION_SCHEDULES } from '../../src/notifications/notifications.scheduler.js';
import { NotificationsService, type NotifyInput } from '../../src/notifications/notifications.service.js';
import { WebhookDeliveryService } from '../../src/notifications/webhook-delivery.service.js';
import { WebhookEndpointsService } from '../../src/notifications/webhook-endpoints.service.js';
import { QUEUES } from '../../src/queue/queues.js';
import { UsersService } from '../../src/users/users.service.js';
import { startApi } from '../support/api.js';
import { truncateAll } from '../support/database.js';
import { testConfig } from '../support/env.js';
import { Fixtures, TEST_PASSWORD } from '../support/fixtures.js';
import { Seeder } from '../support/seeder.js';
import { until } from '../support/wait.js';
import { startWorker } from '../support/worker.js';

jest.setTimeout(60_000);

/** An SMTP server on 127.0.0.1 that keeps what it accepts; recipients starting with `refuse`/`later` get 550/451. */
class SmtpSink {
  readonly messages: { to: string[]; raw: string }[] = [];
  private readonly server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onRcptTo: (address, _session, callback) => {
      const refusal = address.address.startsWith('refuse')
        ? 550
        : address.address.startsWith('later')
          ? 451
          : 0;
      if (!refusal) return callback();
      callback(Object.assign(new Error('not now'), { responseCode: refusal }));
    },
    onData: (stream, session, callback) => {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        this.messages.push({
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
  });
  port = 0;

  async start(): Promise<void> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.server.address() as AddressInfo).port;
  }

  to(address: string) {
    return this.messages.filter((m) => m.to.includes(address));
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

/** The decoded text of a MIME message: encoded-word headers and quoted-printable parts, roughly. */
function readable(raw: string): string {
  const words = raw
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?utf-8\?([QB])\?([^?]*)\?=/gi, (_m, enc, text) =>
      enc.toUpperCase() === 'B'
        ? Buffer.from(text, 'base64').toString('utf8')
        : Buffer.from(text.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/gi, '%$1'), 'latin1')
            .toString()
            .replace(/%([0-9A-F]{2})/gi, '=$1'),
    );
  const softBreaks = words.replace(/=\r?\n/g, '');
  const bytes: number[] = [];
  for (let i = 0; i < softBreaks.length; i++) {
    const hex = /^=([0-9A-F]{2})/.exec(softBreaks.slice(i, i + 3));
    if (hex) {
      bytes.push(parseInt(hex[1], 16));
      i += 2;
    } else bytes.push(...Buffer.from(softBreaks[i], 'utf8'));
  }
  return Buffer.from(bytes).toString('utf8');
}

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
  /** Whether the receiver accepted the signature (verifyWebhookSignature, at `receiver.nowMs`). */
  verified: boolean;
}

/**
 * A webhook receiver on 127.0.0.1. It verifies each call as docs/notifications.md tells receivers to
 * (signature over timestamp and raw body, 5-minute window on its clock `nowMs`, with any of `secrets`)
 * and answers 401 to a call that fails; else with the queued statuses (then 200).
 */
class Receiver {
  readonly calls: Received[] = [];
  readonly statuses: number[] = [];
  readonly secrets: string[] = [];
  nowMs = 0;
  private readonly server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const timestamp = req.headers['x-tiepdan-timestamp'];
      const signature = req.headers['x-tiepdan-signature'];
      const now = Math.floor(this.nowMs / 1000);
      const verified =
        typeof timestamp === 'string' &&
        typeof signature === 'string' &&
        this.secrets.some((secret) => verifyWebhookSignature(secret, timestamp, body, signature, now));
      this.calls.push({ headers: req.headers, body, verified });
      res.statusCode = verified ? (this.statuses.shift() ?? 200) : 401;
      res.end(verified ? 'ok' : 'bad signature');
    });
  });
  url = '';

  async start(): Promise<void> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/hooks/tiepdan`;
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

describe('notifications: notify in the caller’s transaction, e-mails and webhooks from the worker', () => {
  const sink = new SmtpSink();
  const receiver = new Receiver();
  let api: NestFastifyApplication;
  let worker: INestApplicationContext;
  let dataSource: DataSource;
  let queue: Queue;
  let unitId: string;
  let users: { id: string; email: string }[];
  let sourceCounter = 0;

  beforeAll(async () => {
    await sink.start();
    await receiver.start();
    const env = {
      SMTP_URL: `smtp://127.0.0.1:${sink.port}`,
      PUBLIC_BASE_URL: 'https://tiepdan.example.gov.vn',
    };
    api = await startApi(testConfig(env));
    // Emptied before the worker starts: a worker started on the last suite's rows would be busy with them
    // (deliveries, sweeps) while the tables are truncated.
    await truncateAll(api.get<DataSource>(getDataSourceToken()));
    worker = await startWorker(env);
    dataSource = worker.get<DataSource>(getDataSourceToken());
    queue = worker.get<Queue>(getQueueToken(QUEUES.notifications.name));
    worker.get(NotificationsProcessor).worker.concurrency = 4;
    // The scheduled runs use real time: the tests drive the sweeps and digests themselves.
    const schedulers = (await queue.getJobSchedulers()).map((s) => s.key).sort();
    expect(schedulers).toEqual(Object.keys(NOTIFICATION_SCHEDULES).sort());
    for (const key of schedulers) await queue.removeJobScheduler(key);
  });
  beforeEach(async () => {
    jest.restoreAllMocks();
    await truncateAll(dataSource);
    sink.messages.length = 0;
    receiver.calls.length = 0;
    receiver.statuses.length = 0;
    receiver.secrets.length = 0;
    const f = new Fixtures(api);
    const province = await f.unit('Ủy ban nhân dân tỉnh Thử nghiệm', 'province');
    unitId = (await f.unit('Sở Tư pháp', 'agency', province.id)).id;
    users = [await f.user(unitId, ['unit_head']), await f.user(unitId, ['inspectorate_leader'])];
  });
  afterAll(async () => {
    await queue?.obliterate({ force: true }).catch(() => undefined);
    await worker?.close();
    await api?.close();
    await sink.close();
    await receiver.close();
  });

  /** Moves time in both processes (the API writes the rows, the worker sends them) and at the receiver. */
  function setNow(ms: number): void {
    for (const context of [api, worker] as INestApplicationContext[]) {
      jest.spyOn(context.get(Clock), 'now').mockImplementation(() => new Date(ms));
    }
    receiver.nowMs = ms;
  }

  const input = (over: Partial<NotifyInput> = {}): NotifyInput => ({
    userIds: users.map((u) => u.id),
    kind: 'escalation',
    sourceKey: `escalation-${++sourceCounter}-${randomBytes(4).toString('hex')}`,
    title: 'Vụ việc KN-2026-0012 sắp quá hạn giải quyết',
    body: 'Thời hạn giải quyết: 20/03/2026. Cấp nhắc: 1.',
    link: '/api/v1/complaint-cases/0190a1b2-0000-7000-8000-000000000001',
    subjectType: 'complaint_case',
    subjectId: '0190a1b2-0000-7000-8000-000000000001',
    unitId,
    webhookPayload: { caseId: '0190a1b2-0000-7000-8000-000000000001', level: 1, dueDate: '2026-03-20' },
    ...over,
  });

  const notify = (i: NotifyInput) =>
    api.get<DataSource>(getDataSourceToken()).transaction((m) => api.get(NotificationsService).notify(m, i));

  const emailRows = async (): Promise<
    {
      id: string;
      user_id: string;
      status: string;
      send_after: Date;
      attempts: number;
      last_error: string | null;
    }[]
  > => dataSource.query('SELECT * FROM email_deliveries ORDER BY user_id');

  async function endpoint(events = ['escalation']) {
    const created = await api
      .get(WebhookEndpointsService)
      .create(SYSTEM_ACTOR, { url: receiver.url, events });
    receiver.secrets.push(created.secret);
    return created;
  }

  /**
   * A call signed at `sentAtMs` by the worker's clock: `X-Tiepdan-Timestamp` in unix seconds and
   * `X-Tiepdan-Signature: v1=<HMAC-SHA256 of "<timestamp>.<raw body>">`, computed here independently of
   * the code under test (a signature over the body alone does not match), that no longer verifies once
   * it is more than 5 minutes old.
   */
  function expectSignedAt(call: Received, secret: string, sentAtMs: number): void {
    const timestamp = String(Math.floor(sentAtMs / 1000));
    expect(call.headers['x-tiepdan-timestamp']).toBe(timestamp);
    const expected = createHmac('sha256', secret).update(`${timestamp}.${call.body}`).digest('hex');
    expect(call.headers['x-tiepdan-signature']).toBe(`v1=${expected}`);
    expect(call.verified).toBe(true);
    const replayedAt = Math.floor(sentAtMs / 1000) + 301;
    expect(verifyWebhookSignature(secret, timestamp, call.body, `v1=${expected}`, replayedAt)).toBe(false);
  }

  it('has a handler in the worker for every job of the notifications queue', () => {
    expect(worker.get(NotificationsProcessor).handledJobNames().sort()).toEqual(
      Object.values(QUEUES.notifications.jobs).sort(),
    );
  });

  it('creates a notification per active recipient once: a repeat of the cause adds nothing', async () => {
    setNow(localInstant('2026-03-11', '10:00'));
    const inactive = await new Fixtures(api).user(unitId, ['case_handler']);
    await api
      .get<DataSource>(getDataSourceToken())
      .query('UPDATE users SET active = 0 WHERE id = ?', [inactive.id]);
    await endpoint();
    const first = input({ userIds: [users[0].id, users[0].id, users[1].id, inactive.id] });
    expect(await notify(first)).toEqual({ created: 2 });
    expect(await notify(first)).toEqual({ created: 0 });
    expect(await notify({ ...first, title: 'Tiêu đề khác' })).toEqual({ created: 0 });

    const rows = await dataSource.query(
      'SELECT user_id, source_key, title FROM notifications ORDER BY user_id',
    );
    expect(rows).toHaveLength(2);
    expect(rows.map((r: { user_id: string }) => r.user_id).sort()).toEqual(users.map((u) => u.id).sort());
    expect(await emailRows()).toHaveLength(2);
    const hooks = await dataSource.query('SELECT event_key, event, status, payload FROM webhook_deliveries');
    expect(hooks).toHaveLength(1);
    expect(hooks[0]).toMatchObject({ event_key: first.sourceKey, event: 'escalation', status: 'pending' });
  });

  it('rolls back with the caller: nothing remains of a notify in a failed transaction', async () => {
    await expect(
      api.get<DataSource>(getDataSourceToken()).transaction(async (m) => {
        await api.get(NotificationsService).notify(m, input());
        throw new Error('the escalation failed');
      }),
    ).rejects.toThrow('the escalation failed');
    expect(await dataSource.query('SELECT id FROM notifications')).toEqual([]);
    expect(await emailRows()).toEqual([]);
  });

  it('refuses a source key that is not short ASCII, before writing anything', async () => {
    await expect(notify(input({ sourceKey: 'leo-thang-cấp-1' }))).rejects.toMatchObject({
      code: 'NOTIFICATION_INPUT_INVALID',
    });
    expect(await dataSource.query('SELECT id FROM notifications')).toEqual([]);
  });

  it.each([
    [
      'a weekday evening waits for the next working morning',
      '2026-03-11',
      '18:00',
      '2026-03-12T00:30:00.000Z',
    ],
    [
      'Friday evening before Tết waits until the Monday after it',
      '2026-02-13',
      '17:30',
      '2026-02-23T00:30:00.000Z',
    ],
    ['office hours on a working day: now', '2026-03-11', '10:00', '2026-03-11T03:00:00.000Z'],
  ])('e-mail send_after: %s', async (_name, date, time, expected) => {
    setNow(localInstant(date, time));
    await notify(input());
    const rows = await emailRows();
    expect(rows).toHaveLength(2);
    for (const row of rows) {
      expect(row.status).toBe('pending');
      expect(row.send_after.toISOString()).toBe(expected);
    }
  });

  it("follows the unit's calendar: a day off of the unit delays the e-mail", async () => {
    await api
      .get(CalendarAdminService)
      .setEntry(SYSTEM_ACTOR, unitId, '2026-03-12', { kind: 'day_off', name: 'Nghỉ' });
    setNow(localInstant('2026-03-11', '18:00'));
    await notify(input());
    for (const row of await emailRows())
      expect(row.send_after.toISOString()).toBe('2026-03-13T00:30:00.000Z');
  });

  it('holds the e-mails of digest users for the next working morning (in_digest)', async () => {
    await dataSource.query('UPDATE users SET email_digest = 1 WHERE id = ?', [users[0].id]);
    setNow(localInstant('2026-03-11', '10:00'));
    await notify(input());
    const rows = await emailRows();
    const digest = rows.find((r) => r.user_id === users[0].id)!;
    const single = rows.find((r) => r.user_id === users[1].id)!;
    expect(digest).toMatchObject({ status: 'in_digest' });
    expect(digest.send_after.toISOString()).toBe('2026-03-12T00:30:00.000Z');
    expect(single).toMatchObject({ status: 'pending' });
    expect(single.send_after.toISOString()).toBe('2026-03-11T03:00:00.000Z');
  });

  it('writes no e-mail rows when e-mail is not configured', async () => {
    jest.replaceProperty(api.get(AppConfig).mail, 'smtpUrl', undefined);
    expect(await notify(input())).toEqual({ created: 2 });
    expect(await emailRows()).toEqual([]);
  });

  it('delivers the e-mail through the worker exactly once, even when its job is added twice', async () => {
    setNow(localInstant('2026-03-11', '10:00'));
    await notify(input({ userIds: [users[0].id] }));
    const [row] = await emailRows();
    await queue.add(
      QUEUES.notifications.jobs.emailSend,
      { deliveryId: row.id },
      { jobId: emailJobId(row.id) },
    );
    await queue.add(
      QUEUES.notifications.jobs.emailSend,
      { deliveryId: row.id },
      { jobId: `${emailJobId(row.id)}-again` },
    );
    await until(async () => (await emailRows())[0].status === 'sent');
    await until(async () => (await queue.getJobCounts('active', 'wait')).active === 0);
    await new Promise((r) => setTimeout(r, 300));
    expect(sink.messages).toHaveLength(1);
    expect(sink.messages[0].to).toEqual([users[0].email]);
    const text = readable(sink.messages[0].raw);
    expect(text).toContain('Subject: [Tiếp dân] Vụ việc KN-2026-0012 sắp quá hạn giải quyết');
    expect(text).toContain(
      'https://tiepdan.example.gov.vn/api/v1/complaint-cases/0190a1b2-0000-7000-8000-000000000001',
    );
    expect(text).toContain('Thời hạn giải quyết: 20/03/2026.');
    const [sent] = await emailRows();
    expect(sent).toMatchObject({ status: 'sent', attempts: 1, last_error: null });
  });

  it('sends once when two sends of one row race (the row lock), and not before send_after', async () => {
    setNow(localInstant('2026-03-11', '18:00'));
    await notify(input({ userIds: [users[0].id] }));
    const [row] = await emailRows();
    const emails = worker.get(EmailDeliveryService);
    expect(await emails.send(row.id)).toBe('not-due');
    expect(await emails.sweep()).toEqual({ ran: true, enqueued: 0 });
    setNow(localInstant('2026-03-12', '07:30'));
    const outcomes = await Promise.all([emails.send(row.id), emails.send(row.id)]);
    expect(outcomes.sort()).toEqual(['sent', 'skipped']);
    expect(sink.to(users[0].email)).toHaveLength(1);
  });

  it('sweeps due e-mails into jobs that the worker sends', async () => {
    setNow(localInstant('2026-03-11', '18:00'));
    await notify(input());
    setNow(localInstant('2026-03-12', '08:00'));
    expect(await worker.get(EmailDeliveryService).sweep()).toEqual({ ran: true, enqueued: 2 });
    await until(() => sink.messages.length === 2);
    expect(sink.messages.flatMap((m) => m.to).sort()).toEqual(users.map((u) => u.email).sort());
  });

  it('retries an e-mail the server deferred (451) after the backoff, and fails one it refused (550)', async () => {
    const svc = api.get(UsersService);
    const later = await svc.create(SYSTEM_ACTOR, {
      email: `later.${randomBytes(4).toString('hex')}@test.tiepdan.vn`,
      fullName: 'Cán bộ Hoãn',
      unitId,
      roles: ['case_handler'],
      password: TEST_PASSWORD,
    });
    const refused = await svc.create(SYSTEM_ACTOR, {
      email: `refuse.${randomBytes(4).toString('hex')}@test.tiepdan.vn`,
      fullName: 'Cán bộ Từ chối',
      unitId,
      roles: ['case_handler'],
      password: TEST_PASSWORD,
    });
    setNow(localInstant('2026-03-11', '10:00'));
    await notify(input({ userIds: [later.id, refused.id] }));
    const rows = await emailRows();
    const emails = worker.get(EmailDeliveryService);
    const laterRow = rows.find((r) => r.user_id === later.id)!;
    const refusedRow = rows.find((r) => r.user_id === refused.id)!;
    expect(await emails.send(laterRow.id)).toBe('retry');
    expect(await emails.send(refusedRow.id)).toBe('failed');
    const after = await emailRows();
    expect(after.find((r) => r.id === laterRow.id)).toMatchObject({
      status: 'pending',
      attempts: 1,
      last_error: 'SMTP_EENVELOPE_451',
    });
    expect(after.find((r) => r.id === laterRow.id)!.send_after.toISOString()).toBe(
      '2026-03-11T03:01:00.000Z',
    );
    expect(after.find((r) => r.id === refusedRow.id)).toMatchObject({
      status: 'failed',
      attempts: 1,
      last_error: 'SMTP_EENVELOPE_550',
    });
    expect(sink.messages).toEqual([]);
  });

  it('sends one digest a working morning listing every due item, and none again that day', async () => {
    const digestUser = users[0];
    await dataSource.query('UPDATE users SET email_digest = 1 WHERE id = ?', [digestUser.id]);
    const emails = worker.get(EmailDeliveryService);
    setNow(localInstant('2026-03-11', '10:00'));
    await notify(input({ userIds: [digestUser.id], title: 'Thông báo thứ nhất' }));
    setNow(localInstant('2026-03-11', '16:00'));
    await notify(input({ userIds: [digestUser.id], title: 'Thông báo thứ hai' }));

    setNow(localInstant('2026-03-11', '16:30')); // not due yet: the items wait for tomorrow morning
    expect(await emails.digest()).toEqual({ ran: true, sent: 0 });
    setNow(localInstant('2026-03-12', '07:15')); // before office hours
    expect(await emails.digest()).toEqual({ ran: true, sent: 0 });

    setNow(localInstant('2026-03-12', '07:40'));
    expect(await emails.digest()).toEqual({ ran: true, sent: 1 });
    expect(await emails.digest()).toEqual({ ran: true, sent: 0 });
    const mine = sink.to(digestUser.email);
    expect(mine).toHaveLength(1);
    const text = readable(mine[0].raw);
    expect(text).toContain('Tổng hợp 2 thông báo ngày 12/03/2026');
    expect(text).toContain('1. Thông báo thứ nhất');
    expect(text).toContain('2. Thông báo thứ hai');

    // Made after this morning's digest: it waits for the next working morning.
    setNow(localInstant('2026-03-12', '09:00'));
    await notify(input({ userIds: [digestUser.id], title: 'Thông báo thứ ba' }));
    setNow(localInstant('2026-03-12', '16:45'));
    expect(await emails.digest()).toEqual({ ran: true, sent: 0 });
    setNow(localInstant('2026-03-13', '07:45'));
    expect(await emails.digest()).toEqual({ ran: true, sent: 1 });
    expect(sink.to(digestUser.email)).toHaveLength(2);
    expect((await emailRows()).every((r) => r.status === 'sent')).toBe(true);
  });

  it(`reaches every due digest: a first page of ${SWEEP_BATCH} users whose unit is off work keeps no one out`, async () => {
    const digestUser = users[0];
    await dataSource.query('UPDATE users SET email_digest = 1 WHERE id = ?', [digestUser.id]);
    setNow(localInstant('2026-03-11', '10:00'));
    await notify(input({ userIds: [digestUser.id], title: 'Thông báo chờ tổng hợp' }));
    // A unit on a day off on the 12th, with a full page of digest users sorting before digestUser.
    const closed = await new Fixtures(api).unit('Trung tâm nghỉ bù', 'public_service_unit', unitId);
    await api
      .get(CalendarAdminService)
      .setEntry(SYSTEM_ACTOR, closed.id, '2026-03-12', { kind: 'day_off', name: 'Nghỉ bù' });
    const runner = dataSource.createQueryRunner();
    try {
      await runner.query('SET FOREIGN_KEY_CHECKS = 0');
      const seed = new Seeder(runner);
      for (let i = 0; i < SWEEP_BATCH; i++) {
        const id = `00000000-0000-7000-8000-${String(i).padStart(12, '0')}`;
        await seed.insert('users', { id, unit_id: closed.id, active: 1, email_digest: 1 });
        await seed.insert('email_deliveries', {
          id: `00000000-0000-7000-9000-${String(i).padStart(12, '0')}`,
          user_id: id,
          status: 'in_digest',
          send_after: new Date(localInstant('2026-03-12', '00:00')),
        });
      }
    } finally {
      await runner.query('SET FOREIGN_KEY_CHECKS = 1');
      await runner.release();
    }
    setNow(localInstant('2026-03-12', '07:40'));
    expect(await worker.get(EmailDeliveryService).digest()).toEqual({ ran: true, sent: 1 });
    expect(sink.to(digestUser.email)).toHaveLength(1);
  });

  it('skips a sweep that overlaps another run (database lock)', async () => {
    const runner = dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.query("SELECT GET_LOCK(CONCAT(DATABASE(), '.notifications-email-sweep'), 0)");
      await runner.query("SELECT GET_LOCK(CONCAT(DATABASE(), '.notifications-webhook-sweep'), 0)");
      expect(await worker.get(EmailDeliveryService).sweep()).toEqual({ ran: false, enqueued: 0 });
      expect(await worker.get(WebhookDeliveryService).sweep()).toEqual({ ran: false, enqueued: 0 });
    } finally {
      await runner.query('SELECT RELEASE_ALL_LOCKS()').catch(() => undefined);
      await runner.release();
    }
    expect((await worker.get(EmailDeliveryService).sweep()).ran).toBe(true);
  });

  it('POSTs the webhook signed with the endpoint secret, through the sweep and the worker', async () => {
    setNow(localInstant('2026-03-11', '22:00')); // webhooks do not wait for office hours
    const { id: endpointId, secret } = await endpoint(['escalation', 'enforcement_overdue']);
    await endpoint(['enforcement_review']); // not subscribed to escalations
    const cause = input();
    await notify(cause);
    expect(await worker.get(WebhookDeliveryService).sweep()).toEqual({ ran: true, enqueued: 1 });
    await until(() => receiver.calls.length === 1);
    await until(
      async () => (await dataSource.query('SELECT status FROM webhook_deliveries'))[0].status === 'delivered',
    );

    const [call] = receiver.calls;
    const [row] = await dataSource.query('SELECT * FROM webhook_deliveries');
    expect(row).toMatchObject({
      endpoint_id: endpointId,
      status: 'delivered',
      attempts: 1,
      response_status: 200,
    });
    expect(call.headers['content-type']).toBe('application/json');
    expect(call.headers['x-tiepdan-event']).toBe('escalation');
    expect(call.headers['x-tiepdan-delivery']).toBe(row.id);
    expectSignedAt(call, secret, localInstant('2026-03-11', '22:00'));
    // The captured call, replayed as it was 6 minutes later, is refused by a receiver that verifies.
    receiver.nowMs += 6 * 60_000;
    const replayed = await fetch(receiver.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-tiepdan-delivery': row.id,
        'x-tiepdan-timestamp': String(call.headers['x-tiepdan-timestamp']),
        'x-tiepdan-signature': String(call.headers['x-tiepdan-signature']),
      },
      body: call.body,
    });
    expect(replayed.status).toBe(401);
    expect(receiver.calls[1].verified).toBe(false);
    expect(JSON.parse(call.body)).toEqual({
      id: row.id,
      event: 'escalation',
      eventKey: cause.sourceKey,
      createdAt: new Date(localInstant('2026-03-11', '22:00')).toISOString(),
      data: cause.webhookPayload,
    });
  });

  it('retries a webhook answered with 500 after a minute, then gives up after the sixth attempt', async () => {
    const start = localInstant('2026-03-11', '10:00');
    setNow(start);
    const { secret } = await endpoint();
    await notify(input());
    const webhooks = worker.get(WebhookDeliveryService);
    const [{ id }] = await dataSource.query('SELECT id FROM webhook_deliveries');

    receiver.statuses.push(500);
    expect(await webhooks.send(id)).toBe('retry');
    let [row] = await dataSource.query('SELECT * FROM webhook_deliveries');
    expect(row).toMatchObject({ status: 'pending', attempts: 1, response_status: 500 });
    expect(row.next_attempt_at.toISOString()).toBe(new Date(start + 60_000).toISOString());
    expect(await webhooks.send(id)).toBe('not-due');
    expect(await webhooks.sweep()).toEqual({ ran: true, enqueued: 0 });

    setNow(start + 61_000);
    expect(await webhooks.sweep()).toEqual({ ran: true, enqueued: 1 });
    await until(
      async () => (await dataSource.query('SELECT status FROM webhook_deliveries'))[0].status === 'delivered',
    );
    expect(receiver.calls).toHaveLength(2);
    const [first, second] = receiver.calls;
    expect(second.body).toBe(first.body);
    expect(second.headers['x-tiepdan-delivery']).toBe(first.headers['x-tiepdan-delivery']);
    // Each attempt is signed afresh, with its own time: the retry is not a replay of the first call.
    expectSignedAt(first, secret, start);
    expectSignedAt(second, secret, start + 61_000);
    expect(second.headers['x-tiepdan-signature']).not.toBe(first.headers['x-tiepdan-signature']);
    [row] = await dataSource.query('SELECT * FROM webhook_deliveries');
    expect(row).toMatchObject({ status: 'delivered', attempts: 2, response_status: 200 });

    // Another cause, never acknowledged: 1 m, 5 m, 30 m, 2 h, 12 h, then failed.
    await notify(input());
    const [{ id: doomed }] = await dataSource.query(
      "SELECT id FROM webhook_deliveries WHERE status = 'pending'",
    );
    let now = start + 61_000;
    setNow(now);
    const outcomes: string[] = [];
    for (const wait of [0, 60_000, 300_000, 1_800_000, 7_200_000, 43_200_000]) {
      now += wait;
      setNow(now);
      receiver.statuses.push(503);
      outcomes.push(await webhooks.send(doomed));
    }
    expect(outcomes).toEqual(['retry', 'retry', 'retry', 'retry', 'retry', 'failed']);
    const [failed] = await dataSource.query('SELECT * FROM webhook_deliveries WHERE id = ?', [doomed]);
    expect(failed).toMatchObject({ status: 'failed', attempts: 6, response_status: 503 });
  });

  it('holds the calls of a paused endpoint until it is resumed', async () => {
    setNow(localInstant('2026-03-11', '10:00'));
    const { id } = await endpoint();
    await notify(input());
    await api.get(WebhookEndpointsService).update(SYSTEM_ACTOR, id, { active: false });
    const webhooks = worker.get(WebhookDeliveryService);
    expect(await webhooks.sweep()).toEqual({ ran: true, enqueued: 0 });
    const [{ id: deliveryId }] = await dataSource.query('SELECT id FROM webhook_deliveries');
    expect(await webhooks.send(deliveryId)).toBe('paused');
    await notify(input()); // a paused endpoint gets no new calls
    expect(await dataSource.query('SELECT id FROM webhook_deliveries')).toHaveLength(1);
    await api.get(WebhookEndpointsService).update(SYSTEM_ACTOR, id, { active: true });
    expect(await webhooks.send(deliveryId)).toBe('delivered');
    expect(receiver.calls).toHaveLength(1);
  });
});
