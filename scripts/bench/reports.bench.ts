// Report query benchmark: `npm run bench:reports` (src/reports/report-data.service.ts).
//
// 1. A fresh database `<DB_NAME>_rbench`, migrated by the real migrations, with 50 units.
// 2. 1,000,000 complaint cases spread over the 50 units and two calendar years (received 2025-01-01 …
//    2026-12-31; 90 % accepted, 60 % of those decided), each accepted case with its resolution deadline in
//    case_deadlines; multi-row INSERTs of 10,000 rows, 100,000 rows a transaction, foreign keys off.
// 3. The real ReportDataService in a Nest application context (configuration, database, ReportDataModule):
//    one warm-up, then RUNS timed `ownCounters('03/GQKN', 2026, all 50 units)`; the median, against the
//    target (≤ 3 s), and the EXPLAIN of the main query.
//    Drops the database at the end; exits 1 when the target is not met.
//
// BENCH_KEEP=1 keeps the seeded database (`<DB_NAME>_rbench`) and reuses it on the next run (no re-seed).
//
// Seeding also writes each case's steps (accept, verification, decision, ~8 % of the undecided withdrawn and
// ~4 % terminated) and the copy of its resolution deadline on the case row, as the application keeps them.
//
// Findings (2 cores, 512 MiB buffer pool, MariaDB 10.11), docs/reports.md "Speed":
// - before (a scan of the wide case rows + one case_deadlines lookup per case, and a derived table over the
//   steps): median 7.1–9.3 s — target not met;
// - a first try counting the withdrawal / termination steps in a second query joined back to the cases by
//   primary key: main query ~1 s, steps query ~2.4 s (≈ 21 k random reads of wide case rows);
// - now (migration KeepResolutionFactsOnCasesForReports: the deadline's facts, the ending and the first
//   withdrawal on the case row under one covering index; one range scan "Using index", no join): median
//   927–929 ms on a quiet machine; the first run after a MariaDB restart 1,363 ms; 0.94–1.2 s with other
//   work on the machine — target met.
import '../../src/bootstrap/require-supported-node.js'; // first: refuses a Node older than engines, before any native module loads
import 'reflect-metadata';
import { spawnSync } from 'node:child_process';
import { cpus } from 'node:os';
import path from 'node:path';
import { Module, type DynamicModule, type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { getDataSourceToken } from '@nestjs/typeorm';
import mysql from 'mysql2/promise';
import type { DataSource } from 'typeorm';
import { addDays } from '../../src/common/domain/local-date.js';
import { uuid7 } from '../../src/common/ids/uuid7.js';
import type { AppConfig } from '../../src/config/app-config.js';
import { ConfigModule } from '../../src/config/config.module.js';
import { loadConfigFromEnvironment } from '../../src/config/load-config.js';
import { CONFIG_SECTIONS } from '../../src/config-sections.js';
import { DatabaseModule } from '../../src/database/database.module.js';
import { mainQuery, ReportDataService } from '../../src/reports/report-data.service.js';
import { ReportDataModule } from '../../src/reports/report-data.module.js';

const root = path.resolve(__dirname, '..', '..', '..');
const CASES = 1_000_000;
const UNITS = 50;
const SPAN_START = '2025-01-01';
const SPAN_DAYS = 730;
const WINDOW = { from: '2026-01-01', to: '2026-12-31' };
const RUNS = 3;
const TARGET_MS = 3000;
const ROWS_PER_STATEMENT = 10_000;
const ROWS_PER_TRANSACTION = 100_000;

@Module({})
class ReportsBenchModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: ReportsBenchModule,
      imports: [ConfigModule.forRoot(config), DatabaseModule, ReportDataModule],
    };
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = (n: number) => n.toLocaleString('en-US');

async function timed<T>(fn: () => Promise<T>): Promise<[number, T]> {
  const start = process.hrtime.bigint();
  const value = await fn();
  return [Number(process.hrtime.bigint() - start) / 1e6, value];
}

/** A fixed pseudo-random sequence (mulberry32), so every run seeds the same data. */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CASE_COLUMNS = [
  'id',
  'case_number',
  'letter_id',
  'unit_id',
  'track',
  'state',
  'subject',
  'search_text',
  'received_on',
  'accepted_on',
  'decided_on',
  'decision_outcome',
  'terminated_on',
  'terminated_by',
  'withdrawn_on',
  'resolution_due',
  'resolution_status',
  'resolution_settled_on',
  'resolution_target',
];
const EVENT_COLUMNS = ['id', 'case_id', 'sequence', 'event', 'from_state', 'to_state', 'event_date'];
const DEADLINE_COLUMNS = [
  'id',
  'subject_type',
  'subject_id',
  'unit_id',
  'purpose',
  'sequence',
  'rule_id',
  'rule_version',
  'trigger_date',
  'options',
  'raw_end',
  'due_date',
  'internal_target',
  'status',
  'settled_on',
  'calendar_version',
  'policy_version',
  'explanation',
];
const EXPLANATION = JSON.stringify({ vi: ['Thời hạn giải quyết khiếu nại.'], en: ['Resolution period.'] });
const OUTCOMES = ['right', 'partly_right', 'wrong'];

async function seed(
  connection: mysql.Connection,
  unitIds: string[],
): Promise<{ deadlines: number; steps: number }> {
  const random = prng(20260101);
  const base = Date.now() - 800 * 24 * 3600 * 1000;
  let deadlines = 0;
  let steps = 0;
  await connection.query('SET FOREIGN_KEY_CHECKS = 0');
  for (let done = 0; done < CASES;) {
    await connection.beginTransaction();
    const end = Math.min(CASES, done + ROWS_PER_TRANSACTION);
    while (done < end) {
      const cases: unknown[][] = [];
      const due: unknown[][] = [];
      const events: unknown[][] = [];
      for (const stop = Math.min(end, done + ROWS_PER_STATEMENT); done < stop; done++) {
        const id = uuid7(base + done);
        const unitId = unitIds[done % unitIds.length];
        const received = addDays(SPAN_START, Math.floor(random() * SPAN_DAYS));
        const accepted = random() < 0.9 ? addDays(received, Math.floor(random() * 10)) : null;
        const decided = accepted && random() < 0.6 ? addDays(accepted, Math.floor(random() * 90)) : null;
        // Of the undecided: about 8 % withdrawn and 4 % terminated (the steps the report counts).
        const ending = accepted && !decided ? random() : 1;
        const endedOn = ending < 0.12 ? addDays(accepted!, Math.floor(random() * 60)) : null;
        const dueDate = accepted ? addDays(accepted, 45) : null;
        const target = accepted && random() < 0.5 ? addDays(accepted, 30) : null;
        const status = !accepted
          ? null
          : decided
            ? decided <= dueDate!
              ? 'met'
              : 'missed'
            : endedOn
              ? 'cancelled'
              : 'open';
        const settled = decided ?? endedOn;
        const log: [string, string, string, string][] = [];
        if (accepted) log.push(['accept', 'received', 'accepted', accepted]);
        if (accepted) log.push(['start_verification', 'accepted', 'verifying', accepted]);
        if (decided) log.push(['decide', 'verifying', 'decided', decided]);
        if (endedOn) log.push([ending < 0.08 ? 'withdraw' : 'terminate', 'verifying', 'terminated', endedOn]);
        log.forEach(([event, from, to, on], i) =>
          events.push([uuid7(base + done * 4 + i), id, i + 1, event, from, to, on]),
        );
        steps += log.length;
        cases.push([
          id,
          `KN-${done}`,
          uuid7(base + done),
          unitId,
          'first_time',
          decided ? 'decided' : endedOn ? 'terminated' : accepted ? 'verifying' : 'received',
          'Khiếu nại quyết định thu hồi đất',
          `kn-${done} khieu nai quyet dinh thu hoi dat`,
          received,
          accepted,
          decided,
          decided ? OUTCOMES[done % 3] : null,
          endedOn,
          endedOn ? (ending < 0.08 ? 'withdraw' : 'terminate') : null,
          endedOn && ending < 0.08 ? endedOn : null,
          dueDate,
          status,
          settled,
          target,
        ]);
        if (accepted) {
          deadlines++;
          due.push([
            uuid7(base + done),
            'complaint_case',
            id,
            unitId,
            'resolution',
            1,
            'KN-3',
            'bench',
            accepted,
            '{}',
            dueDate,
            dueDate,
            target,
            status,
            settled,
            'bench',
            'bench',
            EXPLANATION,
          ]);
        }
      }
      await connection.query(`INSERT INTO complaint_cases (${CASE_COLUMNS.join(', ')}) VALUES ?`, [cases]);
      await connection.query(`INSERT INTO complaint_case_events (${EVENT_COLUMNS.join(', ')}) VALUES ?`, [
        events,
      ]);
      if (due.length > 0) {
        await connection.query(`INSERT INTO case_deadlines (${DEADLINE_COLUMNS.join(', ')}) VALUES ?`, [due]);
      }
    }
    await connection.commit();
  }
  await connection.query('SET FOREIGN_KEY_CHECKS = 1');
  return { deadlines, steps };
}

async function measure(app: INestApplicationContext, unitIds: string[], label: string): Promise<number> {
  const service = app.get(ReportDataService);
  const dataSource = app.get<DataSource>(getDataSourceToken());
  const run = () => service.ownCounters('03/GQKN', WINDOW, unitIds);
  const [cold, warm] = await timed(run); // warm-up: connections, pages in the buffer pool
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) times.push((await timed(run))[0]);
  const sum = (key: string) => [...warm.values()].reduce((s, row) => s + row[key], 0);
  console.log(
    `\n${label}\nownCounters('03/GQKN', ${WINDOW.from}…${WINDOW.to}, ${UNITS} units): ` +
      `${times.map((t) => t.toFixed(1)).join(', ')} ms → median ${median(times).toFixed(1)} ms ` +
      `(${RUNS} runs after a warm-up of ${cold.toFixed(1)} ms; target ≤ ${fmt(TARGET_MS)} ms: ${median(times) <= TARGET_MS ? 'met' : 'NOT met'})`,
  );
  console.log(
    `  totals: cases ${fmt(sum('cases.total'))} (carried over ${fmt(sum('cases.carried_over'))}, accepted ` +
      `${fmt(sum('cases.accepted'))}), resolved ${fmt(sum('resolved.total'))}, pending ` +
      `${fmt(sum('pending.within_period') + sum('pending.overdue'))}, withdrawn ${fmt(sum('withdrawn'))}, ` +
      `terminated ${fmt(sum('terminated'))}`,
  );
  const [sql, params] = mainQuery('03/GQKN', WINDOW, unitIds);
  const rows: Array<Record<string, unknown>> = await dataSource.query(`EXPLAIN ${sql}`, params);
  console.log('  EXPLAIN of the main query:');
  for (const row of rows) {
    console.log(
      `    ${['id', 'select_type', 'table', 'type', 'possible_keys', 'key', 'key_len', 'ref', 'rows', 'Extra']
        .map((k) => `${k}=${String(row[k] ?? 'NULL')}`)
        .join(' ')}`,
    );
  }
  return median(times);
}

async function main(): Promise<void> {
  const base = loadConfigFromEnvironment(CONFIG_SECTIONS);
  const database = `${base.db.name}_rbench`;
  Object.assign(process.env, { DB_NAME: database, LOG_LEVEL: 'warn', LOG_PRETTY: 'false' });
  const config = loadConfigFromEnvironment(CONFIG_SECTIONS);

  const server = await mysql.createConnection({
    host: base.db.host,
    port: base.db.port,
    user: base.db.user,
    password: base.db.password,
  });
  const [[{ version }]] = (await server.query('SELECT VERSION() AS version')) as unknown as [
    Array<{ version: string }>,
  ];
  const [[{ pool }]] = (await server.query('SELECT @@innodb_buffer_pool_size AS pool')) as unknown as [
    Array<{ pool: string }>,
  ];
  const cpu = cpus();
  console.log(
    `node ${process.version}; ${cpu.length} cores; ${cpu[0]?.model ?? 'unknown cpu'}; MariaDB ${version}, ` +
      `buffer pool ${Math.round(Number(pool) / 2 ** 20)} MiB`,
  );
  // BENCH_KEEP=1 keeps the seeded database for a look afterwards and reuses it on the next run.
  const keep = process.env.BENCH_KEEP === '1';
  const [existing] = (await server.query(
    `SELECT COUNT(*) AS n FROM information_schema.tables WHERE table_schema = ? AND table_name = 'complaint_cases'`,
    [database],
  )) as unknown as [Array<{ n: number }>];
  const reuse = keep && Number(existing[0].n) > 0;
  if (!reuse) {
    await server.query(`DROP DATABASE IF EXISTS \`${database}\``);
    await server.query(`CREATE DATABASE \`${database}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  }
  let app: INestApplicationContext | undefined;
  let connection: mysql.Connection | undefined;
  try {
    connection = await mysql.createConnection({
      host: config.db.host,
      port: config.db.port,
      user: config.db.user,
      password: config.db.password,
      database,
    });
    const unitIds = reuse ? await benchUnits(connection) : await migrateAndSeed(connection);
    app = await NestFactory.createApplicationContext(ReportsBenchModule.forRoot(config), { logger: false });
    await app.init();
    const figure = await measure(
      app,
      unitIds,
      reuse ? 'with the kept database:' : 'with the migrated schema:',
    );
    if (figure > TARGET_MS) process.exitCode = 1;
  } finally {
    await app?.close();
    await connection?.end();
    if (!keep) await server.query(`DROP DATABASE IF EXISTS \`${database}\``);
    await server.end();
  }
}

async function benchUnits(connection: mysql.Connection): Promise<string[]> {
  const [rows] = (await connection.query(
    "SELECT id FROM units WHERE code LIKE 'BENCH-%' ORDER BY code",
  )) as unknown as [Array<{ id: string }>];
  return rows.map((r) => r.id);
}

async function migrateAndSeed(connection: mysql.Connection): Promise<string[]> {
  const migrate = spawnSync(
    process.execPath,
    [path.join(root, 'scripts/run-built.cjs'), 'typeorm', 'migration:run'],
    { cwd: root, env: process.env, encoding: 'utf8' },
  );
  if (migrate.status !== 0) throw new Error(`migrations failed:\n${migrate.stdout}${migrate.stderr}`);
  const unitIds = Array.from({ length: UNITS }, () => uuid7());
  await connection.query('INSERT INTO units (id, code, name, kind) VALUES ?', [
    unitIds.map((id, i) => [id, `BENCH-${i}`, `Đơn vị đo hiệu năng ${i}`, 'agency']),
  ]);
  await connection.query('INSERT INTO unit_closure (ancestor_id, descendant_id, depth) VALUES ?', [
    unitIds.map((id) => [id, id, 0]),
  ]);
  const [seconds, { deadlines, steps }] = await timed(() => seed(connection, unitIds));
  await connection.query('ANALYZE TABLE complaint_cases, complaint_case_events, case_deadlines');
  console.log(
    `seeded ${fmt(CASES)} complaint cases, ${fmt(steps)} steps and ${fmt(deadlines)} resolution deadlines over ${UNITS} units ` +
      `in ${(seconds / 1000).toFixed(1)} s`,
  );

  return unitIds;
}

main().catch((error: unknown) => {
  console.error('bench:reports failed:', error instanceof Error ? error.message : error);
  process.exit(1);
});
