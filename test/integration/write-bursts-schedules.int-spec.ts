import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { getDataSourceToken } from '@nestjs/typeorm';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { Clock } from '../../src/common/clock.js';
import { addDays, type LocalDate } from '../../src/common/domain/local-date.js';
import { startApi } from '../support/api.js';
import { truncateAll } from '../support/database.js';
import { testConfig } from '../support/env.js';
import { login, twoAgencies } from '../support/fixtures.js';

/**
 * Bursts on the write paths of reception sessions (postpone, cancel) and of reporting schedules (the
 * console's /quan-tri/lich-bao-cao): more simultaneous callers than the pool has connections, on a
 * process that has just started, as in test/integration/write-bursts.int-spec.ts. Every answer is the
 * expected one (a success, or the version conflict of a caller who lost a race on one record), nothing is
 * half-written, each change happens once with exactly one audit entry, and the public calendar shows
 * every change at once (its cache emptied after each commit).
 */
const POOL_SIZE = 5; // test/support/env.ts
const BURST = 4 * POOL_SIZE;
const NOW = new Date('2026-11-25T03:00:00Z');

type Server = ReturnType<NestFastifyApplication['getHttpServer']>;

/** A success as 'ok', anything else as its status and code. */
const outcome = (a: request.Response) =>
  a.status >= 200 && a.status < 300 ? 'ok' : `${a.status} ${a.body.code as string}`;

/** Mondays to Fridays from 2026-12-01 that are working days and stay so a week later (not near 1 January). */
function workingDays(count: number): LocalDate[] {
  const days: LocalDate[] = [];
  for (let day = '2026-12-01' as LocalDate; days.length < count; day = addDays(day, 1)) {
    const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
    if (weekday === 0 || weekday === 6) continue;
    if (day === '2026-12-25' || day === '2027-01-01') continue;
    days.push(day);
  }
  return days;
}

describe('reception sessions and reporting schedules under write bursts on a freshly started API', () => {
  let world: Awaited<ReturnType<typeof twoAgencies>>;
  let commune: { id: string; code: string };
  let communes: { id: string }[];

  async function freshApi() {
    const app = await startApi(testConfig());
    jest.spyOn(app.get(Clock), 'now').mockReturnValue(NOW);
    return app;
  }

  beforeAll(async () => {
    const setup = await freshApi();
    try {
      await truncateAll(setup.get<DataSource>(getDataSourceToken()));
      world = await twoAgencies(setup);
      commune = await world.f.unit('Ủy ban nhân dân xã Đồng Thời', 'commune', world.divisionA.id);
      communes = [];
      for (let n = 0; n <= BURST; n++) {
        communes.push(await world.f.unit(`Xã Lịch Báo Cáo ${n}`, 'commune', world.divisionA.id));
      }
    } finally {
      await setup.close();
    }
  });

  async function tokenOf(app: NestFastifyApplication, role: keyof typeof world.users) {
    return (await login(app.getHttpServer(), world.users[role].email)).accessToken;
  }

  /** Audit entries of `action` on each of `ids`, by id. */
  async function auditCounts(ds: DataSource, entityType: string, action: string, ids: string[]) {
    const rows: { id: string; n: number | string }[] = await ds.query(
      `SELECT entity_id AS id, COUNT(*) AS n FROM audit_log
        WHERE entity_type = ? AND action = ? AND entity_id IN (${ids.map(() => '?').join(', ')})
        GROUP BY entity_id`,
      [entityType, action, ...ids],
    );
    const counts = Object.fromEntries(ids.map((id) => [id, 0]));
    for (const row of rows) counts[row.id] = Number(row.n);
    return counts;
  }

  it(`answers ${BURST} postponements and ${BURST} cancellations at once, and ${BURST} callers racing on one session`, async () => {
    // One session a working day for the commune (the head's periodic reception), made on a first process.
    const days = workingDays(2 * BURST + 1);
    const sessions: { id: string; date: LocalDate; version: number }[] = [];
    let officer: string;
    const setup = await freshApi();
    try {
      officer = await tokenOf(setup, 'reception_officer');
      const api = () => request(setup.getHttpServer());
      const place = await api()
        .post('/api/v1/reception/places')
        .set('authorization', `Bearer ${officer}`)
        .send({
          unitId: commune.id,
          name: 'Trụ sở tiếp công dân xã',
          address: '1 Lê Lợi',
          hours: '7:30–11:30',
        })
        .expect(201);
      for (const date of days) {
        const created = await api()
          .post('/api/v1/reception/sessions')
          .set('authorization', `Bearer ${officer}`)
          .send({
            unitId: commune.id,
            kind: 'periodic',
            placeId: place.body.id,
            date,
            startTime: '07:30',
            endTime: '11:30',
            receiverName: 'Nguyễn Văn Hùng',
            receiverTitle: 'Chủ tịch Ủy ban nhân dân xã',
          })
          .expect(201);
        sessions.push({ id: created.body.session.id, date, version: created.body.session.version });
      }
    } finally {
      await setup.close();
    }
    const toPostpone = sessions.slice(0, BURST);
    const toCancel = sessions.slice(BURST, 2 * BURST);
    const contested = sessions[2 * BURST];

    const app = await freshApi();
    try {
      const server: Server = app.getHttpServer();
      const publicJson = async (month: string) =>
        (
          await request(server)
            .get(`/lich-tiep-cong-dan.json?don-vi=${commune.code}&thang=${month}`)
            .expect(200)
        ).body as { sessions: { id: string; status: string; date: string }[] };
      // The public calendar of both months rendered and cached before the burst.
      await publicJson('2026-12');
      await publicJson('2027-01');

      const post = (path: string, body: object) =>
        request(server).post(path).set('authorization', `Bearer ${officer}`).send(body);
      const answers = await Promise.all([
        ...toPostpone.map((s) =>
          post(`/api/v1/reception/sessions/${s.id}/postpone`, {
            version: s.version,
            newDate: addDays(s.date, 7),
            reason: 'Chủ tịch đi công tác đột xuất',
          }),
        ),
        ...toCancel.map((s) =>
          post(`/api/v1/reception/sessions/${s.id}/cancel`, {
            version: s.version,
            reason: 'Trùng lịch họp Hội đồng nhân dân',
          }),
        ),
        // Half of the racers postpone the same session, half cancel it, all from the same version.
        ...Array.from({ length: BURST }, (_, n) =>
          n % 2 === 0
            ? post(`/api/v1/reception/sessions/${contested.id}/postpone`, {
                version: contested.version,
                newDate: addDays(contested.date, 7),
                reason: `Hoãn lần ${n}`,
              })
            : post(`/api/v1/reception/sessions/${contested.id}/cancel`, {
                version: contested.version,
                reason: `Hủy lần ${n}`,
              }),
        ),
      ]);
      const own = answers.slice(0, 2 * BURST);
      const raced = answers.slice(2 * BURST);
      expect(own.map(outcome)).toEqual(Array(2 * BURST).fill('ok'));
      expect(raced.map(outcome).sort()).toEqual(
        ['ok', ...Array(BURST - 1).fill('409 RECEPTION_VERSION_CONFLICT')].sort(),
      );
      await request(server).get('/health/ready').expect(200);

      // Each change whole and once: status, dates, one SEQUENCE step, one version step, one audit entry.
      const ds = app.get<DataSource>(getDataSourceToken());
      const rows: {
        id: string;
        status: string;
        session_date: string;
        original_date: string | null;
        sequence: number;
        version: number;
      }[] = await ds.query(
        `SELECT id, status, DATE_FORMAT(session_date, '%Y-%m-%d') AS session_date,
                DATE_FORMAT(original_date, '%Y-%m-%d') AS original_date, sequence, version
           FROM reception_sessions WHERE unit_id = ?`,
        [commune.id],
      );
      const byId = new Map(rows.map((r) => [r.id, r]));
      expect(rows).toHaveLength(sessions.length);
      for (const s of toPostpone) {
        expect(byId.get(s.id)).toEqual({
          id: s.id,
          status: 'postponed',
          session_date: addDays(s.date, 7),
          original_date: s.date,
          sequence: 1,
          version: s.version + 1,
        });
      }
      for (const s of toCancel) {
        expect(byId.get(s.id)).toEqual({
          id: s.id,
          status: 'cancelled',
          session_date: s.date,
          original_date: null,
          sequence: 1,
          version: s.version + 1,
        });
      }
      const winner = raced.find((a) => a.status === 200)!;
      const won = winner.body.session.status as 'postponed' | 'cancelled';
      expect(byId.get(contested.id)).toMatchObject({
        status: won,
        sequence: 1,
        version: contested.version + 1,
      });
      const postponed = await auditCounts(ds, 'reception_session', 'postpone', [
        ...toPostpone.map((s) => s.id),
        contested.id,
      ]);
      const cancelled = await auditCounts(ds, 'reception_session', 'cancel', [
        ...toCancel.map((s) => s.id),
        contested.id,
      ]);
      expect({ postponed, cancelled }).toEqual({
        postponed: {
          ...Object.fromEntries(toPostpone.map((s) => [s.id, 1])),
          [contested.id]: won === 'postponed' ? 1 : 0,
        },
        cancelled: {
          ...Object.fromEntries(toCancel.map((s) => [s.id, 1])),
          [contested.id]: won === 'cancelled' ? 1 : 0,
        },
      });

      // The public calendar, cached before the burst, shows every change right after it.
      const shown = [...(await publicJson('2026-12')).sessions, ...(await publicJson('2027-01')).sessions];
      const statusOn = (id: string, date: string) =>
        shown.find((p) => p.id === id && p.date === date)?.status;
      expect(toCancel.filter((s) => statusOn(s.id, s.date) !== 'cancelled')).toEqual([]);
      expect(toPostpone.filter((s) => statusOn(s.id, addDays(s.date, 7)) !== 'postponed')).toEqual([]);
    } finally {
      await app.close();
    }
  });

  it(`answers ${BURST} reporting schedules saved at once, and ${BURST} callers racing on one agency's`, async () => {
    const setup = await freshApi();
    let admin: string;
    try {
      admin = await tokenOf(setup, 'admin');
    } finally {
      await setup.close();
    }
    const own = communes.slice(0, BURST);
    const contested = communes[BURST];
    const schedule = (version: number, month: number) => ({
      version,
      enabled: true,
      reports: [{ kind: 'year', rule: { type: 'before', month, day: 10, source: 'Kế hoạch thử' } }],
      remindDaysBefore: [3, 0],
      recipients: ['unit_head'],
    });

    /** Every agency's schedule at `version`, and BURST racers on the contested one, at once. */
    async function round(version: number, month: number, action: 'create' | 'update') {
      const app = await freshApi();
      try {
        const server: Server = app.getHttpServer();
        const put = (unitId: string, body: object) =>
          request(server)
            .put(`/api/v1/reporting-schedules/${unitId}`)
            .set('authorization', `Bearer ${admin}`)
            .send(body);
        const answers = await Promise.all([
          ...own.map((u) => put(u.id, schedule(version, month))),
          ...Array.from({ length: BURST }, (_, n) => put(contested.id, schedule(version, 1 + (n % 10)))),
        ]);
        expect(answers.slice(0, BURST).map(outcome)).toEqual(Array(BURST).fill('ok'));
        expect(answers.slice(0, BURST).map((a) => a.body.version)).toEqual(Array(BURST).fill(version + 1));
        expect(answers.slice(BURST).map(outcome).sort()).toEqual(
          ['ok', ...Array(BURST - 1).fill('409 REPORTING_SCHEDULE_VERSION_CONFLICT')].sort(),
        );
        await request(server).get('/health/ready').expect(200);
        const winner = answers.slice(BURST).find((a) => a.status === 200)!;
        const ds = app.get<DataSource>(getDataSourceToken());
        const rows: { unit_id: string; version: number; reports: unknown }[] = await ds.query(
          'SELECT unit_id, version, reports FROM reporting_schedules',
        );
        const parse = (v: unknown) => (typeof v === 'string' ? JSON.parse(v) : v);
        expect(rows).toHaveLength(BURST + 1);
        expect(rows.filter((r) => r.version !== version + 1)).toEqual([]);
        // Each schedule whole: the contested one is the winner's, the others their caller's.
        expect(parse(rows.find((r) => r.unit_id === contested.id)!.reports)).toEqual(winner.body.reports);
        expect(rows.filter((r) => r.unit_id !== contested.id).map((r) => parse(r.reports))).toEqual(
          Array(BURST).fill(answers[0].body.reports),
        );
        // One audit entry per saved schedule, so far exactly one `action` each.
        const ids = communes.map((u) => u.id);
        expect(await auditCounts(ds, 'reporting_schedule', action, ids)).toEqual(
          Object.fromEntries(ids.map((id) => [id, 1])),
        );
      } finally {
        await app.close();
      }
    }

    await round(0, 11, 'create');
    await round(1, 12, 'update');
  });
});
