// Escalation sweep benchmark: `npm run bench:escalations` (docs/operations-queues.md).
//
// 1. A fresh database `<DB_NAME>_bench`, migrated by the real migrations, with one unit.
// 2. Open deadlines in `case_deadlines`, seeded with multi-row INSERTs (10,000 rows a statement, 100,000
//    a transaction): DUE of them with `next_escalation_on` = today (spread evenly over the table), all the
//    others due on one of the next 365 days. First N = 100,000; then 900,000 more (none due) for
//    N = 1,000,000, so both sizes sweep the same 10,000 deadlines.
// 3. The real EscalationService in a Nest application context with the smallest module set that provides
//    it (configuration, database, queues as a producer, clock, EscalationsModule: no processors), its jobs
//    going to a throwaway queue prefix. For each N: one warm-up sweep, then RUNS timed `sweep(10000)`, the
//    queue obliterated between runs so that each run adds 10,000 jobs; the sweep's SELECT alone, timed
//    SELECT_RUNS times; its EXPLAIN, ANALYZE and the index entries examined (handler counters), with the
//    sweep's LIMIT and with a LIMIT above the number due (the usual case: fewer due than a batch).
// Prints the medians, the ratio 1,000,000 / 100,000 (target ≤ 1.5), then drops the database and the queue.
import '../../src/bootstrap/require-supported-node.js'; // first: refuses a Node older than engines, before any native module loads
import 'reflect-metadata';
import { spawnSync } from 'node:child_process';
import { cpus } from 'node:os';
import path from 'node:path';
import { getQueueToken } from '@nestjs/bullmq';
import { Module, type DynamicModule, type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { Queue } from 'bullmq';
import mysql from 'mysql2/promise';
import type { DataSource, QueryRunner } from 'typeorm';
import { Clock, ClockModule } from '../../src/common/clock.js';
import { addDays } from '../../src/common/domain/local-date.js';
import { uuid7 } from '../../src/common/ids/uuid7.js';
import type { AppConfig } from '../../src/config/app-config.js';
import { ConfigModule } from '../../src/config/config.module.js';
import { loadConfigFromEnvironment } from '../../src/config/load-config.js';
import { CONFIG_SECTIONS } from '../../src/config-sections.js';
import { DatabaseModule } from '../../src/database/database.module.js';
import { EscalationService } from '../../src/escalations/escalation.service.js';
import { EscalationsModule } from '../../src/escalations/escalations.module.js';
import { QueueModule } from '../../src/queue/queue.module.js';
import { QUEUES } from '../../src/queue/queues.js';

const root = path.resolve(__dirname, '..', '..', '..');
const SIZES = [100_000, 1_000_000];
const DUE = 10_000;
const SWEEP_LIMIT = 10_000;
const RUNS = 3;
const SELECT_RUNS = 5;
/** A LIMIT above the number due: the scan must stop at the end of the due range, not at the LIMIT. */
const OVER_LIMIT = 20_000;
const ROWS_PER_STATEMENT = 10_000;
const ROWS_PER_TRANSACTION = 100_000;
const TARGET_RATIO = 1.5;

/** The sweep's query, as EscalationService.sweep sends it (keep the two in step). */
const SWEEP_SELECT = (limit: number) =>
  `SELECT id, version, next_escalation_level AS level FROM case_deadlines
           WHERE status = 'open' AND next_escalation_on <= ?
           ORDER BY next_escalation_on, id LIMIT ${limit}`;

/** The smallest module set that provides EscalationService: no processors, no schedulers, no HTTP. */
@Module({})
class SweepBenchModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: SweepBenchModule,
      imports: [
        ConfigModule.forRoot(config),
        DatabaseModule,
        QueueModule.forRoot('producer'),
        ClockModule,
        EscalationsModule,
      ],
    };
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (n: number) => n.toFixed(1);
const fmt = (n: number) => n.toLocaleString('en-US');

async function timed<T>(fn: () => Promise<T>): Promise<[number, T]> {
  const start = process.hrtime.bigint();
  const value = await fn();
  return [Number(process.hrtime.bigint() - start) / 1e6, value];
}

const EXPLANATION = JSON.stringify({
  vi: [
    'Thời hạn giải quyết đơn: 10 ngày làm việc kể từ ngày nhận đơn (Điều 7 Nghị định 124/2020/NĐ-CP).',
    'Không tính ngày nghỉ, ngày lễ theo lịch làm việc của đơn vị.',
  ],
  en: [
    'Time limit for processing the letter: 10 working days from receipt (art. 7, Decree 124/2020).',
    'Days off and holidays of the unit calendar are not counted.',
  ],
});
const COLUMNS = [
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
  'status',
  'calendar_version',
  'policy_version',
  'explanation',
  'version',
  'next_escalation_on',
  'next_escalation_level',
];

/**
 * Adds `count` open deadlines; every `dueEvery`-th one is due today (0: none), the others on one of the
 * next 365 days. Ids are UUIDv7 in insertion order, as the application makes them.
 */
async function seed(
  connection: mysql.Connection,
  unitId: string,
  today: string,
  count: number,
  dueEvery: number,
): Promise<number> {
  const future = Array.from({ length: 365 }, (_, i) => addDays(today, i + 1));
  const trigger = addDays(today, -20);
  const dueDate = addDays(today, 10);
  const base = Date.now() - 400 * 24 * 3600 * 1000;
  let due = 0;
  for (let done = 0; done < count;) {
    await connection.beginTransaction();
    const end = Math.min(count, done + ROWS_PER_TRANSACTION);
    while (done < end) {
      const rows: unknown[][] = [];
      for (const stop = Math.min(end, done + ROWS_PER_STATEMENT); done < stop; done++) {
        const isDue = dueEvery > 0 && done % dueEvery === 0;
        if (isDue) due++;
        rows.push([
          uuid7(base + done),
          'letter',
          uuid7(base + done),
          unitId,
          'processing',
          1,
          'XLD-1',
          '2020-12-01',
          trigger,
          '{}',
          dueDate,
          dueDate,
          'open',
          'bench',
          'bench',
          EXPLANATION,
          1,
          isDue ? today : future[done % future.length],
          1 + (done % 3),
        ]);
      }
      await connection.query(`INSERT INTO case_deadlines (${COLUMNS.join(', ')}) VALUES ?`, [rows]);
    }
    await connection.commit();
  }
  return due;
}

const HANDLER_COUNTERS = [
  'Handler_read_key',
  'Handler_read_next',
  'Handler_icp_attempts',
  'Handler_icp_match',
];

async function handlerCounters(runner: QueryRunner): Promise<Map<string, number>> {
  const rows: Array<{ Variable_name: string; Value: string }> = await runner.query(
    `SHOW SESSION STATUS WHERE Variable_name IN (${HANDLER_COUNTERS.map(() => '?').join(', ')})`,
    HANDLER_COUNTERS,
  );
  return new Map(rows.map((r) => [r.Variable_name, Number(r.Value)]));
}

/**
 * The plan of the sweep's SELECT (EXPLAIN), what it really did (ANALYZE FORMAT=JSON), and the index
 * entries the storage engine actually stepped through (the session's handler counters around one run).
 */
async function explain(runner: QueryRunner, limit: number, today: string): Promise<void> {
  const sql = SWEEP_SELECT(limit);
  console.log(`  LIMIT ${fmt(limit)}:`);
  const rows: Array<Record<string, unknown>> = await runner.query(`EXPLAIN ${sql}`, [today]);
  for (const row of rows) {
    console.log(
      `    EXPLAIN ${[
        'id',
        'select_type',
        'table',
        'type',
        'possible_keys',
        'key',
        'key_len',
        'ref',
        'rows',
        'Extra',
      ]
        .map((k) => `${k}=${row[k] ?? 'NULL'}`)
        .join(' ')}`,
    );
  }
  const [analyzed] = (await runner.query(`ANALYZE FORMAT=JSON ${sql}`, [today])) as Array<
    Record<string, string>
  >;
  const plan = JSON.parse(Object.values(analyzed)[0]) as {
    query_block: { nested_loop?: Array<{ table: Record<string, unknown> }>; table?: Record<string, unknown> };
  };
  const t = plan.query_block.nested_loop?.[0]?.table ?? plan.query_block.table ?? {};
  const stats = (t.r_engine_stats ?? {}) as Record<string, number>;
  console.log(
    `    ANALYZE access_type=${t.access_type} used_key_parts=${JSON.stringify(t.used_key_parts)} ` +
      `rows(estimated)=${t.rows} r_rows=${t.r_rows} pages_accessed=${stats.pages_accessed ?? 'n/a'} ` +
      `r_table_time_ms=${Number(t.r_table_time_ms ?? NaN).toFixed(1)}`,
  );
  const before = await handlerCounters(runner);
  const result: unknown[] = await runner.query(sql, [today]);
  const after = await handlerCounters(runner);
  const delta = HANDLER_COUNTERS.map((k) => `${k}=${fmt((after.get(k) ?? 0) - (before.get(k) ?? 0))}`);
  console.log(`    examined: ${delta.join(' ')} → ${fmt(result.length)} rows returned`);
}

interface Figures {
  size: number;
  sweeps: number[];
  selects: number[];
}

async function measure(app: INestApplicationContext, size: number): Promise<Figures> {
  const service = app.get(EscalationService);
  const queue = app.get<Queue>(getQueueToken(QUEUES.escalation.name), { strict: false });
  const dataSource = app.get<DataSource>(getDataSourceToken());
  const today = app.get(Clock).today();

  const sweep = async () => {
    const [time, result] = await timed(() => service.sweep(SWEEP_LIMIT));
    const waiting = await queue.getWaitingCount();
    if (!result.ran || result.due !== DUE || waiting !== DUE) {
      throw new Error(`sweep: ${JSON.stringify(result)}, ${waiting} jobs waiting (expected ${DUE})`);
    }
    await queue.obliterate({ force: true });
    return time;
  };
  await sweep(); // warm-up: connections, scripts loaded in Redis, pages in the buffer pool
  const sweeps: number[] = [];
  for (let i = 0; i < RUNS; i++) sweeps.push(await sweep());

  const selects: number[] = [];
  for (let i = 0; i < SELECT_RUNS; i++) {
    const [time, rows] = await timed(() => dataSource.query(SWEEP_SELECT(SWEEP_LIMIT), [today]));
    if ((rows as unknown[]).length !== DUE) throw new Error(`select: ${(rows as unknown[]).length} rows`);
    selects.push(time);
  }

  console.log(`\nN = ${fmt(size)} open deadlines, ${fmt(DUE)} due today (${today})`);
  console.log(
    `  sweep(${fmt(SWEEP_LIMIT)}): ${sweeps.map(ms).join(', ')} ms → median ${ms(median(sweeps))} ms ` +
      `(${RUNS} runs after a warm-up; each adds ${fmt(DUE)} jobs)`,
  );
  console.log(
    `  SELECT alone: ${selects.map(ms).join(', ')} ms → median ${ms(median(selects))} ms (${SELECT_RUNS} runs)`,
  );
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    for (const limit of [SWEEP_LIMIT, OVER_LIMIT]) await explain(runner, limit, today);
  } finally {
    await runner.release();
  }
  return { size, sweeps, selects };
}

async function main(): Promise<void> {
  const base = loadConfigFromEnvironment(CONFIG_SECTIONS);
  const database = `${base.db.name}_bench`;
  Object.assign(process.env, {
    DB_NAME: database,
    LOG_LEVEL: 'warn',
    LOG_PRETTY: 'false',
    QUEUE_PREFIX: `${base.queue.prefix}-bench-escalations`,
  });
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
      `buffer pool ${Math.round(Number(pool) / 2 ** 20)} MiB; Redis ${config.redis.host}:${config.redis.port}`,
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

    app = await NestFactory.createApplicationContext(SweepBenchModule.forRoot(config), { logger: false });
    await app.init();
    const queue = app.get<Queue>(getQueueToken(QUEUES.escalation.name), { strict: false });
    await queue.obliterate({ force: true });
    const today = app.get(Clock).today();

    connection = await mysql.createConnection({
      host: config.db.host,
      port: config.db.port,
      user: config.db.user,
      password: config.db.password,
      database,
    });
    const unitId = uuid7();
    await connection.query(
      "INSERT INTO units (id, code, name, kind) VALUES (?, 'BENCH', 'Đơn vị đo hiệu năng', 'agency')",
      [unitId],
    );
    await connection.query('INSERT INTO unit_closure (ancestor_id, descendant_id, depth) VALUES (?, ?, 0)', [
      unitId,
      unitId,
    ]);

    const results: Figures[] = [];
    let seeded = 0;
    for (const size of SIZES) {
      const adding = size - seeded;
      const dueEvery = seeded === 0 ? Math.floor(size / DUE) : 0;
      const [seconds, due] = await timed(() => seed(connection!, unitId, today, adding, dueEvery));
      await connection.query('ANALYZE TABLE case_deadlines');
      seeded = size;
      console.log(
        `\nseeded ${fmt(adding)} deadlines (${fmt(due)} due) in ${(seconds / 1000).toFixed(1)} s; table now ${fmt(seeded)} rows`,
      );
      results.push(await measure(app, size));
    }

    const [small, large] = results;
    const sweepRatio = median(large.sweeps) / median(small.sweeps);
    const selectRatio = median(large.selects) / median(small.selects);
    console.log(
      `\nratio N=${fmt(large.size)} / N=${fmt(small.size)}: sweep ${sweepRatio.toFixed(2)} ` +
        `(target ≤ ${TARGET_RATIO}: ${sweepRatio <= TARGET_RATIO ? 'met' : 'NOT met'}), SELECT ${selectRatio.toFixed(2)}`,
    );
    if (sweepRatio > TARGET_RATIO) process.exitCode = 1;
  } finally {
    if (app) {
      // Every queue the context opened (each leaves its `meta` key at least) goes with the prefix.
      for (const q of Object.values(QUEUES)) {
        await app
          .get<Queue>(getQueueToken(q.name), { strict: false })
          .obliterate({ force: true })
          .catch(() => undefined);
      }
      await app.close();
    }
    await connection?.end();
    await server.query(`DROP DATABASE IF EXISTS \`${database}\``);
    await server.end();
  }
}

main().catch((error: unknown) => {
  console.error('bench:escalations failed:', error instanceof Error ? error.message : error);
  process.exit(1);
});
