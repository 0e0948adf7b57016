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
// Findings (2 cores, 512 MiB buffer pool, MariaDB 10.11): median 7.1–9.3 s, target NOT met. The plan is a
// full scan of complaint_cases plus one eq_ref lookup per accepted case into case_deadlines through the
// secondary unique index and then the wide clustered row (JSON explanation): ~1.3 M B-tree descents on
// tables larger than the buffer pool. Tried on the scratch database only: a covering index
// complaint_cases (unit_id, accepted_on, decided_on, decision_outcome) made it slower (8.7–13 s: the
// deadline lookups lose the id order of the scan), batched key access (join_cache_level 6, MRR) gained
// ~5 %. What is needed is a schema change (a migration, not made here): the resolution deadline's facts
// (due date, status, internal target, settled on) kept on the case row, or a report-only index over
// case_deadlines (subject_type, purpose, unit_id, trigger_date, settled_on, due_date, status,
// internal_target) read without the join (untested).
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
];
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

async function seed(connection: mysql.Connection, unitIds: string[]): Promise<number> {
  const random = prng(20260101);
  const base = Date.now() - 800 * 24 * 3600 * 1000;
  let deadlines = 0;
  await connection.query('SET FOREIGN_KEY_CHECKS = 0');
  for (let done = 0; done < CASES;) {
    await connection.beginTransaction();
    const end = Math.min(CASES, done + ROWS_PER_TRANSACTION);
    while (done < end) {
      const cases: unknown[][] = [];
      const due: unknown[][] = [];
      for (const stop = Math.min(end, done + ROWS_PER_STATEMENT); done < stop; done++) {
        const id = uuid7(base + done);
        const unitId = unitIds[done % unitIds.length];
        const received = addDays(SPAN_START, Math.floor(random() * SPAN_DAYS));
        const accepted = random() < 0.9 ? addDays(received, Math.floor(random() * 10)) : null;
        const decided = accepted && random() < 0.6 ? addDays(accepted, Math.floor(random() * 90)) : null;
        cases.push([
          id,
          `KN-${done}`,
          uuid7(base + done),
          unitId,
          'first_time',
          decided ? 'decided' : accepted ? 'verifying' : 'received',
          'Khiếu nại quyết định thu hồi đất',
          `kn-${done} khieu nai quyet dinh thu hoi dat`,
          received,
          accepted,
          decided,
          decided ? OUTCOMES[done % 3] : null,
        ]);
        if (accepted) {
          const dueDate = addDays(accepted, 45);
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
            random() < 0.5 ? addDays(accepted, 30) : null,
            decided ? (decided <= dueDate ? 'met' : 'missed') : 'open',
            decided,
            'bench',
            'bench',
            EXPLANATION,
          ]);
        }
      }
      await connection.query(`INSERT INTO complaint_cases (${CASE_COLUMNS.join(', ')}) VALUES ?`, [cases]);
      if (due.length > 0) {
        await connection.query(`INSERT INTO case_deadlines (${DEADLINE_COLUMNS.join(', ')}) VALUES ?`, [due]);
      }
    }
    await connection.commit();
  }
  await connection.query('SET FOREIGN_KEY_CHECKS = 1');
  return deadlines;
}

async function measure(app: INestApplicationContext, unitIds: string[], label: string): Promise<number> {
  const service = app.get(ReportDataService);
  const dataSource = app.get<DataSource>(getDataSourceToken());
  const run = () => service.ownCounters('03/GQKN', WINDOW, unitIds);
  const [, warm] = await timed(run); // warm-up: connections, pages in the buffer pool
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) times.push((await timed(run))[0]);
  const sum = (key: string) => [...warm.values()].reduce((s, row) => s + row[key], 0);
  console.log(
    `\n${label}\nownCounters('03/GQKN', ${WINDOW.from}…${WINDOW.to}, ${UNITS} units): ` +
      `${times.map((t) => t.toFixed(1)).join(', ')} ms → median ${median(times).toFixed(1)} ms ` +
      `(${RUNS} runs after a warm-up; target ≤ ${fmt(TARGET_MS)} ms: ${median(times) <= TARGET_MS ? 'met' : 'NOT met'})`,
  );
  console.log(
    `  totals: cases ${fmt(sum('cases.total'))} (carried over ${fmt(sum('cases.carried_over'))}, accepted ` +
      `${fmt(sum('cases.accepted'))}), resolved ${fmt(sum('resolved.total'))}, pending ` +
      `${fmt(sum('pending.within_period') + sum('pending.overdue'))}`,
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
  const base = loadConfigFromEnvironment();
  const database = `${base.db.name}_rbench`;
  Object.assign(process.env, { DB_NAME: database, LOG_LEVEL: 'warn', LOG_PRETTY: 'false' });
  const config = loadConfigFromEnvironment();

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
  await server.query(`DROP DATABASE IF EXISTS \`${database}\``);
  await server.query(`CREATE DATABASE \`${database}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  let app: INestApplicationContext | undefined;
  let connection: mysql.Connection | undefined;
  try {
    const migrate = spawnSync(
      process.execPath,
      [path.join(root, 'scripts/run-built.cjs'), 'typeorm', 'migration:run'],
      { cwd: root, env: process.env, encoding: 'utf8' },
    );
    if (migrate.status !== 0) throw new Error(`migrations failed:\n${migrate.stdout}${migrate.stderr}`);

    connection = await mysql.createConnection({
      host: config.db.host,
      port: config.db.port,
      user: config.db.user,
      password: config.db.password,
      database,
    });
    const unitIds = Array.from({ length: UNITS }, () => uuid7());
    await connection.query('INSERT INTO units (id, code, name, kind) VALUES ?', [
      unitIds.map((id, i) => [id, `BENCH-${i}`, `Đơn vị đo hiệu năng ${i}`, 'agency']),
    ]);
    await connection.query('INSERT INTO unit_closure (ancestor_id, descendant_id, depth) VALUES ?', [
      unitIds.map((id) => [id, id, 0]),
    ]);
    const [seconds, deadlines] = await timed(() => seed(connection!, unitIds));
    await connection.query('ANALYZE TABLE complaint_cases, case_deadlines');
    console.log(
      `seeded ${fmt(CASES)} complaint cases and ${fmt(deadlines)} resolution deadlines over ${UNITS} units ` +
        `in ${(seconds / 1000).toFixed(1)} s`,
    );

    app = await NestFactory.createApplicationContext(ReportsBenchModule.forRoot(config), { logger: false });
    await app.init();
    const figure = await measure(app, unitIds, 'with the migrated schema:');
    if (figure > TARGET_MS) process.exitCode = 1;
  } finally {
    await app?.close();
    await connection?.end();
    await server.query(`DROP DATABASE IF EXISTS \`${database}\``);
    await server.end();
  }
}

main().catch((error: unknown) => {
  console.error('bench:reports failed:', error instanceof Error ? error.message : error);
  process.exit(1);
});
