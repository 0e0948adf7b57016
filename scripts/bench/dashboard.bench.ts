// Dashboard benchmark (issue 18): `npm run bench:dashboard`, over the 1,000,000-case data set of the
// report benchmark. Run `BENCH_KEEP=1 npm run bench:reports` first: it seeds `<DB_NAME>_rbench` and keeps it.
//
// 1. The real API (createApiApp) on the kept database, on a free loopback port; a province unit
//    `BENCH-ROOT` above the 50 bench units (closure rows), an administrator in it (FirstAdminService) and,
//    through the API, an inspectorate leader there — whose scope is then all 50 units, the whole data set.
// 2. The kept counts' refresh (the worker's job, ADR 0023): a full recount, then a run after 1,000 cases and
//    1,000 deadlines changed, timed.
// 3. GET /api/v1/dashboard as that leader: one warm-up, then RUNS timed calls; the median.
// 4. The console's dashboard in Debian's Chromium, cold cache (a fresh profile per run, the refresh
//    cookie set as after a sign-in): from navigation to /giam-sat until the overdue-by-unit chart shows;
//    the median of RUNS against the target of 2 s.
// Leaves the added units and accounts in the kept database (idempotent on the next run).
//
// Findings (2 cores shared, load average ~18, Dec 2026; docs/console.md, docs/dashboard.md "Figures"):
// - five live grouped counts per call (AddDashboardIndexes): API median 2,785 ms, page 5,485 ms — not met;
// - kept counts (ADR 0023): API median 103–291 ms; page 2,413 ms with the chunks loaded after the session,
//   1,713–1,800 ms with them loaded alongside it (App.tsx) — met; refresh: full 9.7–13.8 s, a busy
//   minute (200 recent cases and their deadlines) 3.5 s.
import '../../src/bootstrap/require-supported-node.js';
import { signedInChromium } from './console-browser.js';
import 'reflect-metadata';
import { cpus } from 'node:os';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { createApiApp } from '../../src/bootstrap/create-api-app.js';
import { loadConfigFromEnvironment } from '../../src/config/load-config.js';
import { CONFIG_SECTIONS } from '../../src/config-sections.js';
import {
  DashboardCountsRefresher,
  REFRESH_OVERLAP_SECONDS,
} from '../../src/dashboard/dashboard-counts.refresher.js';
import { FirstAdminService } from '../../src/users/first-admin.service.js';

const RUNS = Number(process.env.RUNS ?? 5);
const TARGET_MS = 2000;
const ADMIN = { email: 'bench-admin@tiepdan.bench', fullName: 'Quản trị đo hiệu năng' };
const LEADER = { email: 'bench-leader@tiepdan.bench', fullName: 'Lãnh đạo thanh tra đo hiệu năng' };
const PASSWORD = 'Do-hieu-nang-bang-dieu-khien-2026';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function timed<T>(f: () => Promise<T>): Promise<[number, T]> {
  const started = performance.now();
  const value = await f();
  return [performance.now() - started, value];
}

async function main(): Promise<void> {
  const base = loadConfigFromEnvironment(CONFIG_SECTIONS);
  Object.assign(process.env, { DB_NAME: `${base.db.name}_rbench`, LOG_LEVEL: 'warn', LOG_PRETTY: 'false' });
  const config = loadConfigFromEnvironment(CONFIG_SECTIONS);
  const app = await createApiApp(config);
  try {
    await app.init();
    const dataSource = app.get<DataSource>(getDataSourceToken());
    const [{ n }] = (await dataSource.query("SELECT COUNT(*) AS n FROM units WHERE code LIKE 'BENCH-%'")) as {
      n: string;
    }[];
    if (Number(n) === 0) throw new Error('no bench data: run BENCH_KEEP=1 npm run bench:reports first');
    await app.listen(0, '127.0.0.1');
    const address = app.getHttpServer().address();
    if (!address || typeof address === 'string') throw new Error('not listening');
    const url = `http://127.0.0.1:${address.port}`;

    // The province above the bench units, its administrator, and a leader whose scope is all of them.
    await app.get(FirstAdminService).createAdmin({
      ...ADMIN,
      password: PASSWORD,
      unitCode: 'BENCH-ROOT',
      unitName: 'Tỉnh đo hiệu năng',
    });
    const [{ id: rootId }] = (await dataSource.query("SELECT id FROM units WHERE code = 'BENCH-ROOT'")) as {
      id: string;
    }[];
    await dataSource.query(
      "UPDATE units SET parent_id = ? WHERE code LIKE 'BENCH-%' AND code <> 'BENCH-ROOT' AND parent_id IS NULL",
      [rootId],
    );
    await dataSource.query(
      `INSERT IGNORE INTO unit_closure (ancestor_id, descendant_id, depth)
       SELECT ?, id, 1 FROM units WHERE parent_id = ?`,
      [rootId, rootId],
    );
    const login = async (email: string) => {
      const res = await fetch(`${url}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email, password: PASSWORD }),
      });
      if (!res.ok) throw new Error(`sign-in of ${email} failed: ${res.status} ${await res.text()}`);
      return ((await res.json()) as { accessToken: string }).accessToken;
    };
    const admin = await login(ADMIN.email);
    const created = await fetch(`${url}/api/v1/users`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${admin}` },
      body: JSON.stringify({ ...LEADER, unitId: rootId, roles: ['inspectorate_leader'], password: PASSWORD }),
    });
    if (!created.ok && created.status !== 409) {
      throw new Error(`creating the leader failed: ${created.status} ${await created.text()}`);
    }
    const leader = await login(LEADER.email);

    const [[{ cases }], [{ deadlines }]] = (await Promise.all([
      dataSource.query('SELECT COUNT(*) AS cases FROM complaint_cases'),
      dataSource.query('SELECT COUNT(*) AS deadlines FROM case_deadlines'),
    ])) as [{ cases: string }[], { deadlines: string }[]];
    const cpu = cpus();
    console.log(
      `node ${process.version}; ${cpu.length} cores; ${cpu[0]?.model ?? 'unknown cpu'}; ` +
        `${Number(cases).toLocaleString('en')} complaint cases, ${Number(deadlines).toLocaleString('en')} deadlines`,
    );

    // 2. The kept counts (ADR 0023), as the worker's job keeps them: a full recount (the first run after the
    //    migration, and daily), then a run after 1,000 cases and 1,000 deadlines changed across the units.
    const refresher = app.get(DashboardCountsRefresher);
    await dataSource.query('UPDATE dashboard_refresh_state SET full_at = NULL');
    const [fullMs] = await timed(() => refresher.refresh());
    await dataSource.query(
      'UPDATE complaint_cases SET updated_at = NOW(3) WHERE id IN (SELECT id FROM (SELECT id FROM complaint_cases ORDER BY id LIMIT 1000) t)',
    );
    await dataSource.query(
      'UPDATE case_deadlines SET updated_at = NOW(3) WHERE id IN (SELECT id FROM (SELECT id FROM case_deadlines ORDER BY id LIMIT 1000) t)',
    );
    const [touchedMs, touched] = await timed(() => refresher.refresh());
    const [idleMs] = await timed(() => refresher.refresh());
    // A busy minute as it looks in use: 200 of the most recently received cases and their deadlines move.
    // The state row is set so that this run's window starts now (past the rows the runs above touched).
    await dataSource.query(
      `UPDATE dashboard_refresh_state SET refreshed_at = NOW(3) + INTERVAL ${REFRESH_OVERLAP_SECONDS} SECOND, full_at = NOW(3)`,
    );
    await dataSource.query(
      `UPDATE complaint_cases SET updated_at = NOW(3) WHERE id IN
         (SELECT id FROM (SELECT id FROM complaint_cases ORDER BY received_on DESC LIMIT 200) t)`,
    );
    await dataSource.query(
      `UPDATE case_deadlines SET updated_at = NOW(3) WHERE subject_id IN
         (SELECT id FROM (SELECT id FROM complaint_cases ORDER BY received_on DESC LIMIT 200) t)`,
    );
    console.log(
      `refresh of the kept counts: full ${fullMs.toFixed(0)} ms; after 1,000 cases and 1,000 deadlines changed ` +
        `${touchedMs.toFixed(0)} ms (${touched.caseMonths} unit-months, ${touched.deadlineUnits} units); ` +
        `the next run (the same rows, still in the overlap) ${idleMs.toFixed(0)} ms`,
    );
    const [busyMs, busy] = await timed(() => refresher.refresh());
    console.log(
      `refresh after a busy minute (200 recent cases and their deadlines): ${busyMs.toFixed(0)} ms ` +
        `(${busy.caseMonths} unit-months, ${busy.deadlineUnits} units)`,
    );

    // 3. The API.
    const get = async () => {
      const res = await fetch(`${url}/api/v1/dashboard`, { headers: { authorization: `Bearer ${leader}` } });
      if (!res.ok) throw new Error(`dashboard: ${res.status}`);
      return (await res.json()) as {
        casesByState: { complaint: { total: number } };
        overdue: { total: number; units: unknown[] };
      };
    };
    const [warm, figures] = await timed(get);
    const apiTimes: number[] = [];
    for (let i = 0; i < RUNS; i++) apiTimes.push((await timed(get))[0]);
    console.log(
      `GET /api/v1/dashboard: ${apiTimes.map((t) => t.toFixed(0)).join(', ')} ms → median ${median(apiTimes).toFixed(0)} ms ` +
        `(warm-up ${warm.toFixed(0)} ms; 12 months: ${figures.casesByState.complaint.total.toLocaleString('en')} complaints, ` +
        `${figures.overdue.total.toLocaleString('en')} overdue deadlines over ${figures.overdue.units.length} units shown)`,
    );

    // 4. The console, cold cache.
    const pageTimes: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const { context, close } = await signedInChromium(url, LEADER.email, PASSWORD);
      try {
        const page = await context.newPage();
        const [ms] = await timed(async () => {
          await page.goto(`${url}/giam-sat`);
          await page
            .locator('ul[aria-label="Hạn đã quá theo đơn vị"] li')
            .first()
            .waitFor({ timeout: 30_000 });
        });
        pageTimes.push(ms);
      } finally {
        await close();
      }
    }
    const figure = median(pageTimes);
    console.log(
      `/giam-sat interactive, cold cache: ${pageTimes.map((t) => t.toFixed(0)).join(', ')} ms → median ${figure.toFixed(0)} ms ` +
        `(target ≤ ${TARGET_MS} ms: ${figure <= TARGET_MS ? 'met' : 'NOT met'})`,
    );
    if (figure > TARGET_MS) process.exitCode = 1;
  } finally {
    await app.close();
  }
}

main().catch((error: unknown) => {
  console.error('bench:dashboard failed:', error instanceof Error ? error.message : error);
  process.exit(1);
});
