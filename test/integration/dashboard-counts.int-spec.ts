import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { DashboardCountsRefresher } from '../../src/dashboard/dashboard-counts.refresher.js';
import { startApi } from '../support/api.js';
import { truncateAll } from '../support/database.js';
import { Fixtures } from '../support/fixtures.js';
import { insertDashboardRows } from '../e2e/matrix/dashboard.rules.js';

jest.setTimeout(60_000);

/** The kept counts as `key → n` and the same counted live from the source tables (the oracle). */
const KEPT = `
  SELECT CONCAT('case ', unit_id, ' ', kind, ' ', month, ' ', state) AS k, n FROM dashboard_case_counts
  UNION ALL SELECT CONCAT('open ', unit_id, ' ', due_date), n FROM dashboard_open_deadlines
  UNION ALL SELECT CONCAT('settled ', unit_id, ' ', month, ' ', status), n FROM dashboard_settled_counts
  UNION ALL SELECT CONCAT('backlog ', unit_id, ' ', status), n FROM dashboard_backlog_counts`;
const LIVE = `
  SELECT CONCAT('case ', unit_id, ' complaint ', DATE_FORMAT(received_on, '%Y-%m'), ' ', state) AS k, COUNT(*) AS n
    FROM complaint_cases GROUP BY k
  UNION ALL SELECT CONCAT('case ', unit_id, ' denunciation ', DATE_FORMAT(received_on, '%Y-%m'), ' ', state) AS k, COUNT(*)
    FROM denunciation_cases GROUP BY k
  UNION ALL SELECT CONCAT('open ', unit_id, ' ', due_date) AS k, COUNT(*) FROM case_deadlines WHERE status = 'open' GROUP BY k
  UNION ALL SELECT CONCAT('settled ', unit_id, ' ', DATE_FORMAT(settled_on, '%Y-%m'), ' ', status) AS k, COUNT(*)
    FROM case_deadlines WHERE purpose = 'resolution' AND status IN ('met', 'missed') GROUP BY k
  UNION ALL SELECT CONCAT('backlog ', unit_id, ' ', status) AS k, COUNT(*) FROM enforcement_records
    WHERE status <> 'done' GROUP BY k`;

/**
 * The dashboard's kept counts (ADR 0023) on the real MariaDB: a first run counts everything; later runs
 * recount only the buckets whose rows changed since the last run began (an untouched bucket is not
 * rewritten), see a change written just before the last run but committed after it, and agree with a
 * live recount; two runs at once are serialised and leave the same counts.
 */
describe('the dashboard counts refresh', () => {
  let app: NestFastifyApplication;
  let dataSource: DataSource;
  let refresher: DashboardCountsRefresher;
  let unitA: string;
  let unitB: string;

  const asMap = async (sql: string) =>
    new Map(
      ((await dataSource.query(sql)) as { k: string; n: string | number }[]).map((r) => [r.k, Number(r.n)]),
    );
  const expectKeptEqualsLive = async () => expect(await asMap(KEPT)).toEqual(await asMap(LIVE));

  beforeAll(async () => {
    app = await startApi();
    dataSource = app.get<DataSource>(getDataSourceToken());
    refresher = app.get(DashboardCountsRefresher);
    await truncateAll(dataSource);
    const f = new Fixtures(app);
    const province = await f.unit('Tỉnh Thử nghiệm', 'province');
    unitA = (await f.unit('Sở Giáo dục và Đào tạo', 'agency', province.id)).id;
    unitB = (await f.unit('Sở Y tế', 'agency', province.id)).id;
    await insertDashboardRows(dataSource, {
      cases: [
        { kind: 'complaint', unitId: unitA, state: 'received', receivedOn: '2026-10-03' },
        { kind: 'complaint', unitId: unitA, state: 'accepted', receivedOn: '2026-10-20' },
        { kind: 'complaint', unitId: unitB, state: 'accepted', receivedOn: '2026-09-20' },
        { kind: 'denunciation', unitId: unitB, state: 'verifying', receivedOn: '2026-11-01' },
      ],
      deadlines: [
        { unitId: unitA, purpose: 'resolution', status: 'open', dueDate: '2026-11-02' },
        { unitId: unitA, purpose: 'acceptance', status: 'open', dueDate: '2026-11-02' },
        {
          unitId: unitB,
          purpose: 'resolution',
          status: 'met',
          dueDate: '2026-10-10',
          settledOn: '2026-10-05',
        },
      ],
      enforcement: [
        { unitId: unitA, status: 'in_progress' },
        { unitId: unitB, status: 'blocked' },
        { unitId: unitB, status: 'done' },
      ],
    });
    // Written an hour ago: the runs below must tell them from the rows they change.
    for (const table of ['complaint_cases', 'denunciation_cases', 'case_deadlines', 'enforcement_records']) {
      await dataSource.query(`UPDATE ${table} SET updated_at = NOW(3) - INTERVAL 1 HOUR`);
    }
  });
  afterAll(async () => {
    await app?.close();
  });

  it('counts everything on its first run and records when', async () => {
    expect((await refresher.refresh()).outcome).toBe('full');
    await expectKeptEqualsLive();
    expect((await asMap(KEPT)).get(`open ${unitA} 2026-11-02`)).toBe(2);
    const [state] = await dataSource.query(
      'SELECT refreshed_at AS at, full_at AS full FROM dashboard_refresh_state',
    );
    expect(state.at).toBeInstanceOf(Date);
    expect(state.full).toEqual(state.at);
  });

  it('recounts only what changed since the last run, including a change written just before it', async () => {
    // A bucket no row of which changes: tampered with, it must stay as it is (not recounted).
    await dataSource.query(
      "UPDATE dashboard_case_counts SET n = 99 WHERE unit_id = ? AND kind = 'complaint' AND month = '2026-09'",
      [unitB],
    );
    await dataSource.query(
      "UPDATE complaint_cases SET state = 'decided' WHERE unit_id = ? AND state = 'accepted' AND received_on = '2026-10-20'",
      [unitA],
    );
    await dataSource.query(
      "UPDATE case_deadlines SET status = 'met', settled_on = '2026-11-01' WHERE unit_id = ? AND purpose = 'resolution'",
      [unitA],
    );
    await dataSource.query(
      "UPDATE enforcement_records SET status = 'done' WHERE unit_id = ? AND status = 'blocked'",
      [unitB],
    );
    // Written (updated_at) a minute before the last run began, committed only now: still inside the overlap.
    await dataSource.query(
      `UPDATE denunciation_cases SET state = 'concluded',
         updated_at = (SELECT refreshed_at - INTERVAL 60 SECOND FROM dashboard_refresh_state WHERE id = 1)
       WHERE unit_id = ?`,
      [unitB],
    );

    const summary = await refresher.refresh();
    expect(summary).toEqual({ outcome: 'incremental', caseMonths: 2, deadlineUnits: 1, backlogUnits: 1 });
    const kept = await asMap(KEPT);
    expect(kept.get(`case ${unitB} complaint 2026-09 accepted`)).toBe(99);
    kept.set(`case ${unitB} complaint 2026-09 accepted`, 1);
    expect(kept).toEqual(await asMap(LIVE));
    expect(kept.get(`case ${unitA} complaint 2026-10 decided`)).toBe(1);
    expect(kept.get(`case ${unitB} denunciation 2026-11 concluded`)).toBe(1);
    expect(kept.get(`open ${unitA} 2026-11-02`)).toBe(1);
    expect(kept.get(`settled ${unitA} 2026-11 met`)).toBe(1);
    expect(kept.has(`backlog ${unitB} blocked`)).toBe(false);

    // The daily full recount puts the tampered bucket right.
    await dataSource.query('UPDATE dashboard_refresh_state SET full_at = full_at - INTERVAL 25 HOUR');
    expect((await refresher.refresh()).outcome).toBe('full');
    await expectKeptEqualsLive();
  });

  it('serialises two runs at once and leaves the same counts', async () => {
    await insertDashboardRows(dataSource, {
      cases: [{ kind: 'complaint', unitId: unitB, state: 'received', receivedOn: '2026-11-24' }],
      deadlines: [{ unitId: unitB, purpose: 'resolution', status: 'open', dueDate: '2026-12-01' }],
    });
    const runs = await Promise.all([refresher.refresh(), refresher.refresh()]);
    expect(runs.map((r) => r.outcome)).toEqual(['incremental', 'incremental']);
    await expectKeptEqualsLive();
  });
});
