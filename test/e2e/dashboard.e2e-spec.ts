import { DashboardCountsRefresher } from '../../src/dashboard/dashboard-counts.refresher.js';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { getDataSourceToken } from '@nestjs/typeorm';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { Clock } from '../../src/common/clock.js';
import type { Dashboard } from '../../src/dashboard/dashboard.model.js';
import { testConfig } from '../support/env.js';
import { SignedSessionCookie } from '../../src/common/http/signed-session-cookie.js';
import { QUEUE_BOARD_SESSION } from '../../src/operations/queue-board-access.service.js';
import { startApi } from '../support/api.js';
import { truncateAll } from '../support/database.js';
import { login, twoAgencies } from '../support/fixtures.js';
import { insertDashboardRows, type DashboardSeed } from './matrix/dashboard.rules.js';

const TODAY = '2026-11-25';
const MONTHS = [
  '2025-12',
  '2026-01',
  '2026-02',
  '2026-03',
  '2026-04',
  '2026-05',
  '2026-06',
  '2026-07',
  '2026-08',
  '2026-09',
  '2026-10',
  '2026-11',
];
const BACKLOG = ['not_started', 'in_progress', 'overdue', 'blocked'] as const;

/**
 * GET /api/v1/dashboard against a small data set, each figure recomputed here from the seed; the
 * inspectorate leader of agency A must not count agency B's rows. Then the page's cookie session.
 */
describe('the inspectorate dashboard', () => {
  let app: NestFastifyApplication;
  let server: ReturnType<NestFastifyApplication['getHttpServer']>;
  let world: Awaited<ReturnType<typeof twoAgencies>>;
  let seed: Required<DashboardSeed>;
  let leader: { accessToken: string };
  let admin: { accessToken: string };
  let handler: { accessToken: string };
  let head: { accessToken: string };

  beforeAll(async () => {
    app = await startApi();
    server = app.getHttpServer();
    jest.spyOn(app.get(Clock), 'now').mockReturnValue(new Date('2026-11-25T03:00:00Z'));
    await truncateAll(app.get<DataSource>(getDataSourceToken()));
    world = await twoAgencies(app);
    const { divisionA, schoolA, inspectorateA, agencyA, divisionB, schoolB } = world;
    seed = {
      cases: [
        { kind: 'complaint', unitId: divisionA.id, state: 'received', receivedOn: '2026-11-03' },
        { kind: 'complaint', unitId: schoolA.id, state: 'accepted', receivedOn: '2026-11-20' },
        { kind: 'complaint', unitId: divisionA.id, state: 'decided', receivedOn: '2026-10-05' },
        { kind: 'complaint', unitId: inspectorateA.id, state: 'accepted', receivedOn: '2025-12-01' },
        { kind: 'complaint', unitId: divisionA.id, state: 'received', receivedOn: '2025-11-30' }, // before the window
        { kind: 'complaint', unitId: divisionB.id, state: 'received', receivedOn: '2026-11-10' }, // out of scope
        { kind: 'denunciation', unitId: divisionA.id, state: 'verifying', receivedOn: '2026-11-01' },
        { kind: 'denunciation', unitId: agencyA.id, state: 'concluded', receivedOn: '2026-06-15' },
        { kind: 'denunciation', unitId: divisionA.id, state: 'verifying', receivedOn: '2026-06-30' },
        { kind: 'denunciation', unitId: schoolB.id, state: 'accepted', receivedOn: '2026-06-15' }, // out of scope
      ],
      deadlines: [
        { unitId: divisionA.id, purpose: 'resolution', status: 'open', dueDate: '2026-11-20' },
        { unitId: divisionA.id, purpose: 'acceptance', status: 'open', dueDate: '2026-11-01' },
        { unitId: schoolA.id, purpose: 'resolution', status: 'open', dueDate: '2026-10-01' },
        { unitId: divisionA.id, purpose: 'resolution', status: 'open', dueDate: TODAY }, // due today: not late
        { unitId: divisionA.id, purpose: 'resolution', status: 'paused', dueDate: '2026-10-01' },
        { unitId: divisionB.id, purpose: 'resolution', status: 'open', dueDate: '2026-10-01' },
        {
          unitId: divisionA.id,
          purpose: 'resolution',
          status: 'met',
          dueDate: '2026-11-06',
          settledOn: '2026-11-05',
        },
        {
          unitId: divisionA.id,
          purpose: 'resolution',
          status: 'met',
          dueDate: '2026-11-15',
          settledOn: '2026-11-10',
        },
        {
          unitId: schoolA.id,
          purpose: 'resolution',
          status: 'missed',
          dueDate: '2026-11-01',
          settledOn: '2026-11-12',
        },
        {
          unitId: divisionA.id,
          purpose: 'resolution',
          status: 'missed',
          dueDate: '2026-08-20',
          settledOn: '2026-09-01',
        },
        {
          unitId: divisionA.id,
          purpose: 'acceptance',
          status: 'met',
          dueDate: '2026-09-10',
          settledOn: '2026-09-01',
        },
        {
          unitId: divisionB.id,
          purpose: 'resolution',
          status: 'met',
          dueDate: '2026-09-10',
          settledOn: '2026-09-01',
        },
        {
          unitId: divisionA.id,
          purpose: 'resolution',
          status: 'met',
          dueDate: '2025-11-25',
          settledOn: '2025-11-20',
        },
      ],
      enforcement: [
        { unitId: divisionA.id, status: 'not_started' },
        { unitId: divisionA.id, status: 'in_progress' },
        { unitId: divisionA.id, status: 'in_progress' },
        { unitId: schoolA.id, status: 'overdue' },
        { unitId: schoolA.id, status: 'done' },
        { unitId: inspectorateA.id, status: 'blocked' },
        { unitId: divisionB.id, status: 'blocked' },
      ],
    };
    await insertDashboardRows(app.get<DataSource>(getDataSourceToken()), seed);
    // The worker's refresh of the kept counts (ADR 0023), run here as the tests drive other jobs.
    await app.get(DashboardCountsRefresher).refresh();
    leader = await login(server, world.users.inspectorate_leader.email);
    admin = await login(server, world.users.admin.email);
    handler = await login(server, world.users.case_handler.email);
    head = await login(server, world.users.unit_head.email);
  });
  afterAll(async () => {
    await app?.close();
  });

  const unitName = (id: string) =>
    [
      world.province,
      world.agencyA,
      world.inspectorateA,
      world.divisionA,
      world.schoolA,
      world.agencyB,
      world.divisionB,
      world.schoolB,
    ].find((u) => u.id === id)!.name;

  /** The dashboard as it should be for a viewer who sees `units`, computed from the seed alone. */
  function expected(units: Set<string>) {
    const inWindow = (date: string) => date >= `${MONTHS[0]}-01` && date <= TODAY;
    const cases = seed.cases.filter((c) => units.has(c.unitId) && inWindow(c.receivedOn));
    const kindTotals = (kind: string, month?: string) =>
      cases.filter((c) => c.kind === kind && (!month || c.receivedOn.startsWith(month))).length;
    const stateOf = (kind: string, state: string) =>
      cases.filter((c) => c.kind === kind && c.state === state).length;

    const overdue = seed.deadlines.filter(
      (d) => units.has(d.unitId) && d.status === 'open' && d.dueDate < TODAY,
    );
    const perUnit = new Map<string, number>();
    for (const d of overdue) perUnit.set(d.unitId, (perUnit.get(d.unitId) ?? 0) + 1);

    const settled = seed.deadlines.filter(
      (d) => units.has(d.unitId) && d.purpose === 'resolution' && d.settledOn && inWindow(d.settledOn),
    );
    const backlog = seed.enforcement.filter((r) => units.has(r.unitId) && r.status !== 'done');
    const byUnit = new Map<string, Record<string, number>>();
    for (const r of backlog) {
      const counts = byUnit.get(r.unitId) ?? Object.fromEntries(BACKLOG.map((s) => [s, 0]));
      counts[r.status] += 1;
      byUnit.set(r.unitId, counts);
    }
    return {
      casesByMonth: MONTHS.map((month) => ({
        month,
        complaint: kindTotals('complaint', month),
        denunciation: kindTotals('denunciation', month),
      })),
      totals: { complaint: kindTotals('complaint'), denunciation: kindTotals('denunciation') },
      states: {
        received: stateOf('complaint', 'received'),
        accepted: stateOf('complaint', 'accepted'),
        decided: stateOf('complaint', 'decided'),
        verifying: stateOf('denunciation', 'verifying'),
        concluded: stateOf('denunciation', 'concluded'),
      },
      overdue: {
        total: overdue.length,
        units: [...perUnit.entries()]
          .map(([unitId, n]) => ({ unitId, unitName: unitName(unitId), overdue: n }))
          .sort((a, b) => b.overdue - a.overdue || a.unitName.localeCompare(b.unitName, 'vi')),
      },
      onTime: MONTHS.map((month) => {
        const met = settled.filter((d) => d.settledOn!.startsWith(month) && d.status === 'met').length;
        const missed = settled.filter((d) => d.settledOn!.startsWith(month) && d.status === 'missed').length;
        return {
          month,
          met,
          missed,
          rate: met + missed ? Math.round((met / (met + missed)) * 1e4) / 1e4 : null,
        };
      }),
      backlog: {
        total: backlog.length,
        byStatus: Object.fromEntries(BACKLOG.map((s) => [s, backlog.filter((r) => r.status === s).length])),
        units: Object.fromEntries(byUnit),
      },
    };
  }

  function check(body: Dashboard, want: ReturnType<typeof expected>) {
    expect(body.today).toBe(TODAY);
    expect(body.fromMonth).toBe('2025-12');
    expect(body.toMonth).toBe('2026-11');
    expect(
      body.casesByMonth.map((m) => ({
        month: m.month,
        complaint: m.complaint.total,
        denunciation: m.denunciation.total,
      })),
    ).toEqual(want.casesByMonth);
    expect(body.casesByState.complaint.total).toBe(want.totals.complaint);
    expect(body.casesByState.denunciation.total).toBe(want.totals.denunciation);
    expect(body.casesByState.complaint.byState).toMatchObject({
      received: want.states.received,
      accepted: want.states.accepted,
      decided: want.states.decided,
      refused: 0,
    });
    expect(body.casesByState.denunciation.byState).toMatchObject({
      verifying: want.states.verifying,
      concluded: want.states.concluded,
    });
    expect(body.overdue).toEqual(want.overdue);
    expect(body.onTimeTrend).toEqual(want.onTime);
    expect(body.enforcementBacklog.total).toBe(want.backlog.total);
    expect(body.enforcementBacklog.byStatus).toEqual(want.backlog.byStatus);
    expect(Object.fromEntries(body.enforcementBacklog.units.map((u) => [u.unitId, u.byStatus]))).toEqual(
      want.backlog.units,
    );
  }

  it("counts the leader's agency only: agency B's rows are not counted", async () => {
    const res = await request(server)
      .get('/api/v1/dashboard')
      .set('authorization', `Bearer ${leader.accessToken}`)
      .expect(200);
    const scope = new Set([world.agencyA.id, world.inspectorateA.id, world.divisionA.id, world.schoolA.id]);
    check(res.body, expected(scope));
    // The hand-checked figures, so that a mistake shared by the service and expected() still shows.
    expect(res.body.casesByMonth.at(-1).complaint.total).toBe(2);
    expect(res.body.casesByMonth[6].denunciation.total).toBe(2); // June 2026
    expect(res.body.overdue.total).toBe(3);
    expect(res.body.onTimeTrend.at(-1)).toEqual({ month: '2026-11', met: 2, missed: 1, rate: 0.6667 });
    expect(res.body.onTimeTrend[9]).toEqual({ month: '2026-09', met: 0, missed: 1, rate: 0 });
    expect(res.body.enforcementBacklog.total).toBe(5);
    const text = JSON.stringify(res.body);
    for (const id of [world.agencyB.id, world.divisionB.id, world.schoolB.id]) expect(text).not.toContain(id);
    expect(text).not.toContain('Hồ sơ thử'); // no subjects, only counts
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it("counts a unit head's own unit subtree only", async () => {
    const res = await request(server)
      .get('/api/v1/dashboard')
      .set('authorization', `Bearer ${head.accessToken}`)
      .expect(200);
    check(res.body, expected(new Set([world.divisionA.id, world.schoolA.id])));
    expect(res.body.enforcementBacklog.byStatus.blocked).toBe(0); // the inspectorate's is above the head
  });

  it('is refused to administrators (no reports:read): they run the system, not the casework', async () => {
    const res = await request(server)
      .get('/api/v1/dashboard')
      .set('authorization', `Bearer ${admin.accessToken}`)
      .expect(403);
    expect(res.body.code).toBe('AUTH_FORBIDDEN');
  });

  it('is refused without reports:read and without a sign-in', async () => {
    await request(server)
      .get('/api/v1/dashboard')
      .set('authorization', `Bearer ${handler.accessToken}`)
      .expect(403);
    await request(server).get('/api/v1/dashboard').expect(401);
    await request(server).post('/api/v1/dashboard/session').expect(401);
  });

  describe('the page /bang-dieu-khien', () => {
    const openSession = (token: string) =>
      request(server).post('/api/v1/dashboard/session').set('authorization', `Bearer ${token}`);
    const cookieOf = (res: request.Response) =>
      (res.headers['set-cookie'] as unknown as string[])[0].split(';')[0];

    it('answers 401 without a page session, or with a forged one or a queue-board token', async () => {
      const res = await request(server).get('/bang-dieu-khien').expect(401);
      expect(res.headers['content-type']).toContain('text/html');
      expect(res.text).toContain('Cần mở phiên xem bảng điều khiển');
      await request(server)
        .get('/bang-dieu-khien')
        .set('cookie', 'tiepdan_dashboard=forged.token.1.x')
        .expect(401);
      const other = new SignedSessionCookie(testConfig().auth.jwtSecret, QUEUE_BOARD_SESSION).sign({
        userId: world.users.inspectorate_leader.id,
        sessionId: '01968f7e-8a3b-7c1d-9e2f-ba9876543210',
        expiresAt: Math.floor(Date.now() / 1000) + 600,
      });
      await request(server).get('/bang-dieu-khien').set('cookie', `tiepdan_dashboard=${other}`).expect(401);
      await openSession(handler.accessToken).expect(403);
    });

    it('opens with the cookie: HttpOnly, SameSite=Strict, the page path only; the page shows the figures', async () => {
      const session = await openSession(leader.accessToken).expect(200);
      expect(session.body).toEqual({ url: '/bang-dieu-khien', expiresAt: expect.any(String) });
      const header = (session.headers['set-cookie'] as unknown as string[])[0];
      expect(header).toMatch(
        /^tiepdan_dashboard=[^;]+; Path=\/bang-dieu-khien; Max-Age=900; HttpOnly; SameSite=Strict$/,
      );
      const page = await request(server).get('/bang-dieu-khien').set('cookie', cookieOf(session)).expect(200);
      expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(page.headers['cache-control']).toBe('no-store');
      expect(page.headers['content-security-policy']).toContain("script-src 'self'");
      expect(page.text).not.toContain('<script');
      expect(page.text).toContain('<h1>Bảng điều khiển thanh tra</h1>');
      expect(page.text).toContain(world.schoolA.name);
      expect(page.text).not.toContain(world.divisionB.name);
      expect(page.text).toContain('66,7 %');
    });

    it('ends with the sign-in it came from', async () => {
      const fresh = await login(server, world.users.inspectorate_leader.email);
      const cookie = cookieOf(await openSession(fresh.accessToken).expect(200));
      await request(server).get('/bang-dieu-khien').set('cookie', cookie).expect(200);
      await request(server)
        .post('/api/v1/auth/logout')
        .set('authorization', `Bearer ${fresh.accessToken}`)
        .expect(204);
      await request(server).get('/bang-dieu-khien').set('cookie', cookie).expect(401);
    });
  });
});
