import { getQueueToken } from '@nestjs/bullmq';
import type { INestApplicationContext } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { Queue } from 'bullmq';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { Clock } from '../../src/common/clock.js';
import { QUEUES } from '../../src/queue/queues.js';
import { ReportingRemindersService } from '../../src/reporting-reminders/reporting-reminders.service.js';
import { UsersService } from '../../src/users/users.service.js';
import { SYSTEM_ACTOR } from '../../src/auth/domain/actor.js';
import { startApi } from '../support/api.js';
import { truncateAll } from '../support/database.js';
import { Fixtures, login } from '../support/fixtures.js';
import { until } from '../support/wait.js';
import { startWorker } from '../support/worker.js';

jest.setTimeout(60_000);

/** Noon in Vietnam on a local date. */
const at = (date: string) => new Date(`${date}T05:00:00Z`);
/** 23:30 in Vietnam (UTC+7) on a local date: 16:30 UTC. */
const lateEvening = (date: string) => new Date(`${date}T16:30:00Z`);

const quarterly = (days: number) => ({ type: 'days_after_window', days, source: 'Công văn thử nghiệm' });

async function organisation(app: INestApplicationContext) {
  const f = new Fixtures(app);
  const province = await f.unit('Ủy ban nhân dân tỉnh Thử nghiệm', 'province');
  const agencyA = await f.unit('Sở Giáo dục và Đào tạo', 'agency', province.id);
  const inspectorateA = await f.unit('Thanh tra Sở Giáo dục và Đào tạo', 'inspectorate', agencyA.id);
  const divisionA = await f.unit('Phòng Giáo dục trung học', 'division', agencyA.id);
  const agencyB = await f.unit('Sở Y tế', 'agency', province.id);
  const inspectorateB = await f.unit('Thanh tra Sở Y tế', 'inspectorate', agencyB.id);
  const agencyC = await f.unit('Sở Xây dựng', 'agency', province.id);
  const inactive = await f.user(agencyA.id, ['unit_head']);
  await app.get(UsersService).update(SYSTEM_ACTOR, inactive.id, { active: false, version: 1 });
  return {
    province,
    agencyA,
    divisionA,
    agencyB,
    agencyC,
    headA: await f.user(agencyA.id, ['unit_head']),
    leaderA: await f.user(inspectorateA.id, ['inspectorate_leader']),
    handlerA: await f.user(inspectorateA.id, ['case_handler']),
    divisionHeadA: await f.user(divisionA.id, ['unit_head']),
    inactiveHeadA: inactive,
    headB: await f.user(agencyB.id, ['unit_head']),
    leaderB: await f.user(inspectorateB.id, ['inspectorate_leader']),
    headC: await f.user(agencyC.id, ['unit_head']),
  };
}
type World = Awaited<ReturnType<typeof organisation>>;

describe('reminders of reporting deadlines', () => {
  let app: NestFastifyApplication;
  let ds: DataSource;
  let w: World;
  let tokens: Record<'leaderA' | 'headA' | 'divisionHeadA' | 'headB', string>;
  const clock = () => jest.spyOn(app.get(Clock), 'now');
  const sweep = (date: string | Date) => {
    clock().mockReturnValue(typeof date === 'string' ? at(date) : date);
    return app.get(ReportingRemindersService).sweep();
  };
  const inbox = (userId: string): Promise<{ source_key: string; title: string; body: string }[]> =>
    ds.query(
      `SELECT source_key, title, body FROM notifications WHERE user_id = ? AND kind = 'reporting_deadline'
       ORDER BY created_at, source_key`,
      [userId],
    );
  const keys = async (userId: string) => (await inbox(userId)).map((n) => n.source_key);
  const key = (unitId: string, rest: string) => `reporting-${unitId}-${rest}`;

  beforeAll(async () => {
    app = await startApi();
    ds = app.get<DataSource>(getDataSourceToken());
    await truncateAll(ds);
    w = await organisation(app);
    const server = app.getHttpServer();
    tokens = {
      leaderA: (await login(server, w.leaderA.email)).accessToken,
      headA: (await login(server, w.headA.email)).accessToken,
      divisionHeadA: (await login(server, w.divisionHeadA.email)).accessToken,
      headB: (await login(server, w.headB.email)).accessToken,
    };
    clock().mockReturnValue(at('2026-03-01'));
    // Agency B owes quarterly reports (calendar quarters, 5 days after), reminded 2 days ahead, to its
    // heads only; agency C switched reminders off. The province keeps the defaults: it has no users.
    const admin = await new Fixtures(app).user(w.province.id, ['admin']);
    const adminToken = (await login(server, admin.email)).accessToken;
    await request(server)
      .put(`/api/v1/reporting-schedules/${w.agencyB.id}`)
      .set('authorization', `Bearer ${adminToken}`)
      .send({
        version: 0,
        enabled: true,
        cutoff: 'calendar',
        reports: [{ kind: 'quarter', rule: quarterly(5) }],
        remindDaysBefore: [2],
        recipients: ['unit_head'],
      })
      .expect(200);
    await request(server)
      .put(`/api/v1/reporting-schedules/${w.agencyC.id}`)
      .set('authorization', `Bearer ${adminToken}`)
      .send({
        version: 0,
        enabled: false,
        reports: [{ kind: 'six_months', rule: { type: 'before', month: 5, day: 10, source: 'Kế hoạch' } }],
        remindDaysBefore: [10, 3, 1, 0],
        recipients: ['unit_head', 'inspectorate_leader'],
      })
      .expect(200);
  });
  afterAll(async () => {
    await app?.close();
  });

  describe('the sweep', () => {
    it('on 29/04/2026 the defaults remind agency A’s head and inspectorate leader, 10 days ahead, once', async () => {
      expect(await sweep('2026-04-28')).toEqual({ ran: true, reminded: 0 });
      // The province has no schedule either: its reminder is logged with nobody to send it to.
      expect(await sweep('2026-04-29')).toEqual({ ran: true, reminded: 2 });
      const sixMonthsA = key(w.agencyA.id, 'six_months-2026-20260510-d10');
      expect(await keys(w.headA.id)).toEqual([sixMonthsA]);
      expect(await keys(w.leaderA.id)).toEqual([sixMonthsA]);
      const [n] = await inbox(w.headA.id);
      expect(n.title).toBe('Nhắc hạn gửi báo cáo 6 tháng đầu năm 2026: trước ngày 10/05/2026');
      expect(n.body).toContain('của Sở Giáo dục và Đào tạo phải gửi trước ngày 10/05/2026');
      expect(n.body).toContain('Còn 10 ngày');
      // Not the division's head, not a case handler, not an inactive head; not agency B (quarterly
      // only) nor agency C (off).
      for (const u of [w.divisionHeadA, w.handlerA, w.inactiveHeadA, w.headB, w.leaderB, w.headC]) {
        expect(await keys(u.id)).toEqual([]);
      }
      const ledger = await ds.query(
        'SELECT unit_id, period_kind, days_before, remind_on, sent_on, recipients FROM reporting_reminders ORDER BY recipients',
      );
      expect(ledger).toEqual([
        {
          unit_id: w.province.id,
          period_kind: 'six_months',
          days_before: 10,
          remind_on: '2026-04-29',
          sent_on: '2026-04-29',
          recipients: 0,
        },
        {
          unit_id: w.agencyA.id,
          period_kind: 'six_months',
          days_before: 10,
          remind_on: '2026-04-29',
          sent_on: '2026-04-29',
          recipients: 2,
        },
      ]);
      const audit = await ds.query(
        "SELECT entity_id, actor_user_id FROM audit_log WHERE action = 'reporting.deadline_reminder' ORDER BY entity_id",
      );
      expect(audit).toEqual(
        [w.agencyA.id, w.province.id].sort().map((id) => ({ entity_id: id, actor_user_id: null })),
      );
    });

    it('a second sweep, the same day or on the days up to the next reminder day, sends nothing more', async () => {
      expect(await sweep('2026-04-29')).toEqual({ ran: true, reminded: 0 });
      expect(await sweep('2026-05-02')).toEqual({ ran: true, reminded: 0 });
      expect(await sweep('2026-05-05')).toEqual({ ran: true, reminded: 0 });
      expect(await keys(w.headA.id)).toHaveLength(1);
    });

    it('a sweep missed on 06/05 (worker down) catches up on 07/05 with the 3-day reminder, once', async () => {
      expect(await sweep('2026-05-07')).toEqual({ ran: true, reminded: 2 });
      expect(await sweep('2026-05-07')).toEqual({ ran: true, reminded: 0 });
      const d3 = key(w.agencyA.id, 'six_months-2026-20260510-d3');
      expect((await keys(w.leaderA.id)).slice(-1)).toEqual([d3]);
      const [n] = (await inbox(w.leaderA.id)).slice(-1);
      expect(n.body).toContain('Còn 2 ngày');
      // The day in Vietnam, not on the server: 16:30 UTC on 07/05 is 23:30 there, still the 7th…
      expect(await sweep(lateEvening('2026-05-07'))).toEqual({ ran: true, reminded: 0 });
      // …and 17:00 UTC is already Friday the 8th. The last day, 09/05, is a Saturday (national calendar):
      // the "on the day" reminder moves back to Friday, where it meets the day-before one — one message.
      expect(await sweep(new Date('2026-05-07T17:00:00Z'))).toEqual({ ran: true, reminded: 2 });
      const [friday] = (await inbox(w.headA.id)).slice(-1);
      expect(friday.source_key).toBe(key(w.agencyA.id, 'six_months-2026-20260510-d0'));
      expect(friday.body).toContain('Ngày mai là ngày cuối để gửi báo cáo.');
      expect(await sweep('2026-05-09')).toEqual({ ran: true, reminded: 0 });
      expect(await sweep('2026-05-10')).toEqual({ ran: true, reminded: 0 });
      expect(await keys(w.headA.id)).toEqual(
        ['d10', 'd3', 'd0'].map((d) => key(w.agencyA.id, `six_months-2026-20260510-${d}`)),
      );
    });

    it('agency B’s own schedule overrides the defaults: quarter I, two days ahead, to its head only', async () => {
      // Calendar quarter I ends 31/03; due 5 days later: last day 05/04, reminder 03/04.
      expect(await sweep('2026-04-02')).toEqual({ ran: true, reminded: 0 });
      expect(await sweep('2026-04-03')).toEqual({ ran: true, reminded: 1 });
      const [n] = await inbox(w.headB.id);
      expect(n.source_key).toBe(key(w.agencyB.id, 'quarter-2026-1-20260406-d2'));
      expect(n.title).toBe('Nhắc hạn gửi báo cáo quý i năm 2026: trước ngày 06/04/2026');
      expect(await keys(w.leaderB.id)).toEqual([]);
      expect(await keys(w.headC.id)).toEqual([]);
    });

    it('does nothing while another sweep holds the lock', async () => {
      const runner = ds.createQueryRunner();
      await runner.connect();
      try {
        await runner.query("SELECT GET_LOCK(CONCAT(DATABASE(), '.reporting-reminder-sweep'), 0)");
        expect(await sweep('2026-10-30')).toEqual({ ran: false, reminded: 0 });
      } finally {
        await runner.query("SELECT RELEASE_LOCK(CONCAT(DATABASE(), '.reporting-reminder-sweep'))");
        await runner.release();
      }
    });

    it('REPORTING_REMINDERS decides whether the worker schedules the sweep (the tests run with it off)', async () => {
      const schedulerKeys = async (w: INestApplicationContext) =>
        (await w.get<Queue>(getQueueToken(QUEUES.reportingReminders.name)).getJobSchedulers()).map(
          (j) => j.key,
        );
      const on = await startWorker({ REPORTING_REMINDERS: 'true' });
      try {
        expect(await schedulerKeys(on)).toEqual([QUEUES.reportingReminders.jobs.sweep]);
      } finally {
        await on.close();
      }
      const off = await startWorker();
      try {
        // Turned off, the worker also removes the schedule an earlier start registered.
        expect(await schedulerKeys(off)).toEqual([]);
        await off.get<Queue>(getQueueToken(QUEUES.reportingReminders.name)).obliterate({ force: true });
      } finally {
        await off.close();
      }
    });

    it('the worker runs the sweep from its queue', async () => {
      const worker = await startWorker();
      try {
        jest.spyOn(worker.get(Clock), 'now').mockReturnValue(at('2026-10-31'));
        const queue = worker.get<Queue>(getQueueToken(QUEUES.reportingReminders.name));
        await queue.add(QUEUES.reportingReminders.jobs.sweep, {}, { jobId: 'reminder-sweep-test' });
        const annual = key(w.agencyA.id, 'year-2026-20261110-d10');
        await until(async () => (await keys(w.headA.id)).includes(annual));
        expect((await keys(w.leaderA.id)).filter((k) => k === annual)).toHaveLength(1);
        await queue.obliterate({ force: true }).catch(() => undefined);
      } finally {
        await worker.close();
      }
    });
  });

  describe('GET and PUT /api/v1/reporting-schedules/{unitId}', () => {
    const put = (token: string, unitId: string, body: object) =>
      request(app.getHttpServer())
        .put(`/api/v1/reporting-schedules/${unitId}`)
        .set('authorization', `Bearer ${token}`)
        .send(body);
    const get = (token: string, unitId: string) =>
      request(app.getHttpServer())
        .get(`/api/v1/reporting-schedules/${unitId}`)
        .set('authorization', `Bearer ${token}`);
    const valid = {
      version: 0,
      enabled: true,
      reports: [
        { kind: 'six_months', rule: { type: 'before', month: 6, day: 20, source: 'Công văn 1/TTT' } },
        { kind: 'quarter', rules: [1, 2, 3, 4].map(() => quarterly(3)) },
      ],
      remindDaysBefore: [1, 5],
      recipients: ['inspectorate_leader'],
    };
    beforeEach(() => clock().mockReturnValue(at('2026-03-01')));

    it('without a row, an agency shows the defaults of periods.ts and their next deadlines', async () => {
      const res = await get(tokens.headA, w.agencyA.id).expect(200);
      expect(res.body).toMatchObject({
        unitId: w.agencyA.id,
        configured: false,
        version: 0,
        enabled: true,
        cutoff: 'nd09',
        remindDaysBefore: [10, 3, 1, 0],
        recipients: ['inspectorate_leader', 'unit_head'],
      });
      expect(res.body.reports.map((r: { kind: string }) => r.kind)).toEqual(['six_months', 'year']);
      expect(res.body.upcoming[0]).toMatchObject({
        kind: 'six_months',
        year: 2026,
        dueBefore: '2026-05-10',
        lastDay: '2026-05-09',
        // 10, 3, 1 days ahead and on the day; the last two on Friday (09/05 is a Saturday).
        reminderDays: ['2026-04-29', '2026-05-06', '2026-05-08'],
      });
    });

    it('an inspectorate leader sets the schedule (version 0 → 1), audited; a stale version is 409', async () => {
      const res = await put(tokens.leaderA, w.agencyA.id, valid).expect(200);
      expect(res.body).toMatchObject({ configured: true, version: 1, remindDaysBefore: [5, 1] });
      expect(res.body.upcoming[0]).toMatchObject({ kind: 'quarter', index: 1, lastDay: '2026-03-17' });
      const [entry] = await ds.query(
        "SELECT action, actor_user_id, changes FROM audit_log WHERE entity_type = 'reporting_schedule' AND entity_id = ? AND action = 'create'",
        [w.agencyA.id],
      );
      expect(entry).toMatchObject({ action: 'create', actor_user_id: w.leaderA.id });
      const changes = typeof entry.changes === 'string' ? JSON.parse(entry.changes) : entry.changes;
      expect(changes.recipients).toEqual({ before: null, after: ['inspectorate_leader'] });

      const stale = await put(tokens.leaderA, w.agencyA.id, { ...valid, enabled: false }).expect(409);
      expect(stale.body).toMatchObject({ code: 'REPORTING_SCHEDULE_VERSION_CONFLICT', currentVersion: 1 });
      const updated = await put(tokens.leaderA, w.agencyA.id, { ...valid, version: 1, enabled: false });
      expect(updated.status).toBe(200);
      expect(updated.body).toMatchObject({ version: 2, enabled: false });
      expect(updated.body.upcoming[0].reminderDays).toEqual([]);
    });

    it('answers 400 field by field', async () => {
      const res = await put(tokens.leaderA, w.agencyA.id, {
        version: -1,
        enabled: 'yes',
        reports: [{ kind: 'week', rule: { type: 'before', month: 13, source: '' } }],
        remindDaysBefore: [3, 3, 91],
        recipients: ['mayor'],
      }).expect(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      expect([...new Set(res.body.details.map((d: { field: string }) => d.field))].sort()).toEqual(
        [
          'enabled',
          'recipients',
          'remindDaysBefore',
          'reports[0].kind',
          'reports[0].rule.day',
          'reports[0].rule.month',
          'reports[0].rule.source',
          'version',
        ].sort(),
      );
    });

    it('answers 400 REPORTING_SCHEDULE_INVALID for a date that does not exist or a field of the other rule type', async () => {
      const res = await put(tokens.leaderA, w.agencyA.id, {
        ...valid,
        version: 2,
        reports: [
          { kind: 'year', rule: { type: 'before', month: 4, day: 31, source: 'x' } },
          { kind: 'quarter', rule: { ...quarterly(5), month: 3 } },
        ],
      }).expect(400);
      expect(res.body.code).toBe('REPORTING_SCHEDULE_INVALID');
      expect(res.body.details.map((d: { field: string }) => d.field)).toEqual([
        'reports[1].rule.month',
        'reports[0].rule',
      ]);
      expect(res.body.details[1].message).toContain("'before' needs a valid day/month");
    });

    it('is 403 for a unit head, 404 outside the caller’s units, 422 for a unit that is not an agency', async () => {
      expect((await put(tokens.headA, w.agencyA.id, valid).expect(403)).body.code).toBe('AUTH_FORBIDDEN');
      // Another agency's schedule, and for a division's head their agency above them.
      for (const [token, unit] of [
        [tokens.headA, w.agencyB.id],
        [tokens.divisionHeadA, w.agencyA.id],
        [tokens.headB, w.agencyA.id],
      ]) {
        expect((await get(token, unit).expect(404)).body.code).toBe('REPORTING_SCHEDULE_UNIT_NOT_FOUND');
      }
      expect((await put(tokens.leaderA, w.agencyB.id, valid).expect(404)).body.code).toBe(
        'REPORTING_SCHEDULE_UNIT_NOT_FOUND',
      );
      expect((await put(tokens.leaderA, w.divisionA.id, valid).expect(422)).body.code).toBe(
        'REPORTING_SCHEDULE_NOT_AGENCY',
      );
      expect((await get(tokens.headB, w.agencyB.id).expect(200)).body).toMatchObject({
        configured: true,
        cutoff: 'calendar',
        recipients: ['unit_head'],
      });
    });
  });
});
