// Work-list benchmark (issue 17): `npm run bench:work-list`.
//
// 1. A fresh database `<DB_NAME>_wbench`, migrated by the real migrations, with one unit and a unit
//    below it holding 5,000 open items: 1,000 letters awaiting a decision, 2,000 complaint cases and
//    1,500 denunciation cases (each with an open statutory deadline), 500 enforcement obligations —
//    plus 20,000 closed cases and decided letters that the list must skip.
// 2. WorkItemsService.list (the query behind GET /api/v1/work-items) as the unit's head, in process, for
//    each filter the page offers: the median of RUNS runs (after one warm-up). Target: < 150 ms.
import '../../src/bootstrap/require-supported-node.js'; // first: refuses a Node older than engines, before any native module loads
import 'reflect-metadata';
import { spawnSync } from 'node:child_process';
import { cpus } from 'node:os';
import path from 'node:path';
import { Module, type DynamicModule, type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import mysql from 'mysql2/promise';
import type { Actor } from '../../src/auth/domain/actor.js';
import { permissionsOf } from '../../src/auth/domain/roles.js';
import { ClockModule } from '../../src/common/clock.js';
import { addDays } from '../../src/common/domain/local-date.js';
import { uuid7 } from '../../src/common/ids/uuid7.js';
import type { AppConfig } from '../../src/config/app-config.js';
import { ConfigModule } from '../../src/config/config.module.js';
import { loadConfigFromEnvironment } from '../../src/config/load-config.js';
import { CONFIG_SECTIONS } from '../../src/config-sections.js';
import { DatabaseModule } from '../../src/database/database.module.js';
import { UnitEntity } from '../../src/units/unit.entity.js';
import { ListWorkItemsQueryDto } from '../../src/work-items/dto/work-items.dto.js';
import { WorkItemsService } from '../../src/work-items/work-items.service.js';

const root = path.resolve(__dirname, '..', '..', '..');
const OPEN = { letter: 1000, complaint: 2000, denunciation: 1500, obligation: 500 };
const CLOSED = 20_000;
const RUNS = Number(process.env.RUNS ?? 9);
const TARGET_MS = 150;

@Module({})
class WorkListBenchModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: WorkListBenchModule,
      imports: [
        ConfigModule.forRoot(config),
        DatabaseModule,
        ClockModule,
        TypeOrmModule.forFeature([UnitEntity]),
      ],
      providers: [WorkItemsService],
    };
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const EXPLANATION = JSON.stringify({ vi: ['Thời hạn.'], en: ['Period.'] });
const SUBJECTS = [
  'Khiếu nại quyết định thu hồi đất',
  'Tố cáo cán bộ địa chính nhận tiền',
  'Khiếu nại về bồi thường giải phóng mặt bằng',
  'Tố cáo vi phạm trong đấu thầu',
];
const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase();

async function seed(c: mysql.Connection, head: string, below: string, today: string) {
  await c.query('SET FOREIGN_KEY_CHECKS = 0');
  await c.query('INSERT INTO units (id, code, name, kind, parent_id) VALUES ?', [
    [
      [head, 'WB-HEAD', 'Sở đo hiệu năng', 'agency', null],
      [below, 'WB-BELOW', 'Phòng đo hiệu năng', 'division', head],
    ],
  ]);
  await c.query('INSERT INTO unit_closure (ancestor_id, descendant_id, depth) VALUES ?', [
    [
      [head, head, 0],
      [below, below, 0],
      [head, below, 1],
    ],
  ]);
  const unitOf = (i: number) => (i % 3 === 0 ? below : head);
  const due = (i: number) => addDays(today, (i % 60) - 20);
  const letters: unknown[][] = [];
  for (let i = 0; i < OPEN.letter + CLOSED / 2; i++) {
    const subject = SUBJECTS[i % SUBJECTS.length];
    letters.push([
      uuid7(),
      unitOf(i),
      addDays(today, -30),
      'post',
      'complaint',
      subject,
      1,
      1,
      '[]',
      '[]',
      i < OPEN.letter ? 'registered' : 'decided',
      due(i),
      `TD-WB-${i}`,
      '0'.repeat(64),
      subject,
      `${fold(subject)} ${i}`,
    ]);
  }
  for (let i = 0; i < letters.length; i += 5000)
    await c.query(
      `INSERT INTO letters (id, unit_id, received_on, channel, classification, subject, petitioner_count, eligible,
        eligibility, flags, status, processing_due, receipt_code, receipt_secret_hash, content, search_text) VALUES ?`,
      [letters.slice(i, i + 5000)],
    );
  const deadlines: unknown[][] = [];
  for (const [kind, table, open, closedState] of [
    ['complaint_case', 'complaint_cases', OPEN.complaint, 'terminated'],
    ['denunciation_case', 'denunciation_cases', OPEN.denunciation, 'closed'],
  ] as const) {
    const rows: unknown[][] = [];
    for (let i = 0; i < open + CLOSED / 4; i++) {
      const id = uuid7();
      const subject = SUBJECTS[i % SUBJECTS.length];
      const number = `${kind === 'complaint_case' ? 'KN' : 'TC'}-WB-${i}`;
      const isOpen = i < open;
      rows.push(
        kind === 'complaint_case'
          ? [
              id,
              number,
              uuid7(),
              unitOf(i),
              'first_time',
              isOpen ? 'verifying' : closedState,
              subject,
              addDays(today, -40),
              `${number.toLowerCase()} ${fold(subject)}`,
            ]
          : [
              id,
              number,
              uuid7(),
              unitOf(i),
              'denunciation',
              isOpen ? 'verifying' : closedState,
              subject,
              addDays(today, -40),
              'normal',
              `${number.toLowerCase()} ${fold(subject)}`,
            ],
      );
      if (isOpen)
        deadlines.push([
          uuid7(),
          kind,
          id,
          unitOf(i),
          'resolution',
          'KN-3',
          'KN-3/v1',
          addDays(today, -40),
          '{}',
          due(i),
          due(i),
          'open',
          'bench',
          'bench',
          EXPLANATION,
        ]);
    }
    const columns =
      kind === 'complaint_case'
        ? 'id, case_number, letter_id, unit_id, track, state, subject, received_on, search_text'
        : 'id, case_number, letter_id, unit_id, track, state, subject, received_on, complexity, search_text';
    for (let i = 0; i < rows.length; i += 5000)
      await c.query(`INSERT INTO ${table} (${columns}) VALUES ?`, [rows.slice(i, i + 5000)]);
  }
  const records: unknown[][] = [];
  const obligations: unknown[][] = [];
  for (let i = 0; i < OPEN.obligation; i++) {
    const record = uuid7();
    records.push([
      record,
      'complaint_case',
      uuid7(),
      unitOf(i),
      `KN-WB-${i}`,
      addDays(today, -10),
      'in_progress',
    ]);
    obligations.push([
      uuid7(),
      record,
      1,
      'other',
      'Hoàn trả tiền đã thu',
      unitOf(i),
      due(i),
      'resolver',
      'in_progress',
    ]);
  }
  await c.query(
    'INSERT INTO enforcement_records (id, subject_type, subject_id, unit_id, title, opened_on, status) VALUES ?',
    [records],
  );
  await c.query(
    `INSERT INTO enforcement_obligations (id, record_id, position, kind, description, owning_unit_id, due_date,
      due_source, status) VALUES ?`,
    [obligations],
  );
  for (let i = 0; i < deadlines.length; i += 5000)
    await c.query(
      `INSERT INTO case_deadlines (id, subject_type, subject_id, unit_id, purpose, rule_id, rule_version, trigger_date,
        options, raw_end, due_date, status, calendar_version, policy_version, explanation) VALUES ?`,
      [deadlines.slice(i, i + 5000)],
    );
  await c.query(
    'ANALYZE TABLE letters, complaint_cases, denunciation_cases, case_deadlines, enforcement_obligations',
  );
}

async function main(): Promise<void> {
  const base = loadConfigFromEnvironment(CONFIG_SECTIONS);
  const database = `${base.db.name}_wbench`;
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
  console.log(
    `node ${process.version}; ${cpus().length} cores; ${cpus()[0]?.model ?? 'unknown cpu'}; MariaDB ${version}`,
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
    app = await NestFactory.createApplicationContext(WorkListBenchModule.forRoot(config), { logger: false });
    await app.init();
    const service = app.get(WorkItemsService);
    const today = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
    const head = uuid7();
    const below = uuid7();
    await seed(connection, head, below, today);
    console.log(
      `seeded ${Object.values(OPEN).reduce((a, b) => a + b, 0)} open items (+${CLOSED} closed or decided) in 2 units`,
    );
    const actor: Actor = {
      userId: uuid7(),
      unitId: head,
      roles: ['unit_head'],
      permissions: permissionsOf(['unit_head']),
      scopeRootUnitIds: [head],
      requestId: null,
      clientIp: null,
    };
    const cases: Array<[string, Partial<ListWorkItemsQueryDto>]> = [
      ['unit, nearest due first', {}],
      ['overdue', { due: 'overdue' }],
      ['due this week', { due: 'this_week' }],
      ['complaints only', { kind: 'complaint' }],
      ['unit below', { unitId: below }],
      ['search "thu hoi dat"', { q: 'thu hoi dat' }],
      ['page 40', { page: 40 }],
    ];
    let worst = 0;
    for (const [label, filter] of cases) {
      const query = Object.assign(new ListWorkItemsQueryDto(), { page: 1, pageSize: 50 }, filter);
      await service.list(actor, query);
      const times: number[] = [];
      let total = 0;
      for (let i = 0; i < RUNS; i++) {
        const start = process.hrtime.bigint();
        total = (await service.list(actor, query)).total;
        times.push(Number(process.hrtime.bigint() - start) / 1e6);
      }
      const m = median(times);
      worst = Math.max(worst, m);
      console.log(
        `  ${label.padEnd(28)} ${String(total).padStart(5)} items   median ${m.toFixed(1)} ms (${RUNS} runs)`,
      );
    }
    console.log(`worst median ${worst.toFixed(1)} ms; target < ${TARGET_MS} ms`);
    if (worst > TARGET_MS) process.exitCode = 1;
  } finally {
    await app?.close();
    await connection?.end();
    if (process.env.BENCH_KEEP !== '1') await server.query(`DROP DATABASE IF EXISTS \`${database}\``);
    await server.end();
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
