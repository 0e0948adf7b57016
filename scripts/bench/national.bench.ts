// National-size benchmark (issue 19 point 6): `npm run bench:national` (docs/national-scale.md).
//
// 1. A fresh database `<DB_NAME>_nbench`, migrated by the real migrations: 34 provinces × 100 units (a
//    province, 20 departments each with a division, 59 communes; unit_closure rows as UnitsService makes
//    them), three officers a unit (the head and two case handlers), then CASES (default 10,000,000)
//    complaint (60 %) and denunciation (40 %) cases received 2019-01-01 … today, each with its letter
//    (decided: accept), its steps (accept, start verification, decide / conclude / withdraw / terminate /
//    refuse) and its resolution deadline (KN-3, LKN art. 28 / TC-3, LTC art. 30) in case_deadlines with
//    the copy on the case row; realistic states (most history closed, the last months open, ~1.5 % stuck
//    and overdue), 0.3 % more letters awaiting their processing decision (XLD-1 deadline open), and 10,000
//    open deadlines due for escalation today.
//    Seeded in SQL on the server: a MEMORY plan table per chunk of CHUNK cases (computed from a numbers
//    table with CRC32 pseudo-random values, so every run seeds the same data), then one INSERT … SELECT
//    per target table. Foreign keys, checks and unique keys stay on.
// 2. Measured with the real services in a Nest application context (AppModule, as the API runs them):
//    - the unit work lists (WorkItemsService.list, GET /api/v1/work-items) of SAMPLE units — mine (a case
//      handler), unit, overdue, due this week (the head): p99 of every call, target < 100 ms;
//    - the escalation sweep (EscalationService.sweep(10000)) among all open deadlines: target < 2 s;
//    - the annual 03/GQKN (ReportDataService.ownCounters, previous year) of one province (100 units)
//      target < 3 s, and of the whole country (3,400 units) target < 30 s — on the replica when
//      DB_REPLICAS is set (ADR 0013), else on the primary (the output says which);
//    - the public calendar (PublicCalendarService.calendar, one unit's month, uncached) against the same
//      unit in an empty database `<DB_NAME>_nbench_empty`.
//    Prints the seed time, the database size (information_schema) and the EXPLAIN of every measured query.
// BENCH_KEEP=1 keeps `<DB_NAME>_nbench` and reuses it on the next run (no re-seed); without it the
// database is dropped at the end. Exits 1 when a target is missed.
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
import type { DataSource } from 'typeorm';
import { AppModule } from '../../src/app.module.js';
import { SYSTEM_ACTOR, type Actor } from '../../src/auth/domain/actor.js';
import { permissionsOf } from '../../src/auth/domain/roles.js';
import { Clock, ClockModule } from '../../src/common/clock.js';
import { addDays } from '../../src/common/domain/local-date.js';
import type { AppConfig } from '../../src/config/app-config.js';
import { ConfigModule } from '../../src/config/config.module.js';
import { loadConfigFromEnvironment } from '../../src/config/load-config.js';
import { CONFIG_SECTIONS } from '../../src/config-sections.js';
import { DatabaseModule } from '../../src/database/database.module.js';
import { EscalationService } from '../../src/escalations/escalation.service.js';
import { EscalationsModule } from '../../src/escalations/escalations.module.js';
import { QueueModule } from '../../src/queue/queue.module.js';
import { QUEUES } from '../../src/queue/queues.js';
import { ReceptionPlacesService } from '../../src/reception/reception-places.service.js';
import { ReceptionSchedulesService } from '../../src/reception/reception-schedules.service.js';
import { PublicCalendarService } from '../../src/reception/public/public-calendar.service.js';
import { mainQuery, ReportDataService } from '../../src/reports/report-data.service.js';
import { UnitsService } from '../../src/units/units.service.js';
import { ListWorkItemsQueryDto } from '../../src/work-items/dto/work-items.dto.js';
import { WorkItemsService } from '../../src/work-items/work-items.service.js';

const root = path.resolve(__dirname, '..', '..', '..');
const CASES = Number(process.env.CASES ?? 10_000_000);
const PROVINCES = 34;
/** Per province: the province, 20 departments each with one division, 59 communes = 100 units. */
const DEPARTMENTS = 20;
const COMMUNES = 59;
const UNITS_PER_PROVINCE = 1 + 2 * DEPARTMENTS + COMMUNES;
const UNITS = PROVINCES * UNITS_PER_PROVINCE;
const USERS_PER_UNIT = 3;
const CHUNK = 250_000;
/** Connections seeding chunks side by side (the server does the work; the machine's cores are shared). */
const SEEDERS = Number(process.env.SEEDERS ?? 3);
const SPAN_START = '2019-01-01';
const ESCALATIONS_DUE = 10_000;
/** Letters awaiting their processing decision, per case seeded. */
const REGISTERED_LETTERS = 0.003;
const SAMPLE_UNITS = 20;
const LIST_RUNS = Number(process.env.RUNS ?? 10);
const SWEEP_RUNS = 3;
const REPORT_RUNS = 3;
const CALENDAR_RUNS = 50;
const TARGETS = { list: 100, sweep: 2000, province: 3000, country: 30_000 };

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const p99 = (xs: number[]) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(xs.length * 0.99) - 1)];
const ms = (n: number) => `${n.toFixed(1)} ms`;

async function timed<T>(fn: () => Promise<T>): Promise<[number, T]> {
  const start = process.hrtime.bigint();
  const value = await fn();
  return [Number(process.hrtime.bigint() - start) / 1e6, value];
}

/** A UUIDv7-shaped id, ordered by `n` within a `tag` (one hex digit a table), as SQL and as text. */
const sqlId = (tag: string, n: string) =>
  `CONCAT('0190000${tag}-0000-7000-8000-', LPAD(LOWER(HEX(${n})), 12, '0'))`;
const id = (tag: string, n: number) => `0190000${tag}-0000-7000-8000-${n.toString(16).padStart(12, '0')}`;
const TAG = {
  letter: '1',
  complaint: '2',
  denunciation: '3',
  deadline: '4',
  complaintEvent: '5',
  user: '6',
  unit: '7',
  denunciationEvent: '8',
  processing: '9',
};

interface UnitRow {
  idx: number;
  id: string;
  code: string;
  name: string;
  kind: 'province' | 'agency' | 'division' | 'commune';
  parent: number | null;
  province: number;
}

function unitTree(): UnitRow[] {
  const units: UnitRow[] = [];
  for (let p = 0; p < PROVINCES; p++) {
    const pc = String(p + 1).padStart(2, '0');
    const add = (u: Omit<UnitRow, 'idx' | 'id' | 'province'>) => {
      const idx = units.length;
      units.push({ ...u, idx, id: id(TAG.unit, idx), province: p });
      return idx;
    };
    const province = add({
      code: `NB-T${pc}`,
      name: `Ủy ban nhân dân tỉnh số ${pc}`,
      kind: 'province',
      parent: null,
    });
    for (let d = 1; d <= DEPARTMENTS; d++) {
      const dept = add({
        code: `NB-T${pc}-S${d}`,
        name: `Sở số ${d} tỉnh ${pc}`,
        kind: 'agency',
        parent: province,
      });
      add({
        code: `NB-T${pc}-S${d}-P1`,
        name: `Phòng nghiệp vụ Sở số ${d} tỉnh ${pc}`,
        kind: 'division',
        parent: dept,
      });
    }
    for (let c = 1; c <= COMMUNES; c++) {
      add({
        code: `NB-T${pc}-X${c}`,
        name: `Ủy ban nhân dân xã số ${c} tỉnh ${pc}`,
        kind: 'commune',
        parent: province,
      });
    }
  }
  return units;
}

/** Time spent in each seeding statement (summed over the chunks), printed after the seed. */
const spent = new Map<string, number>();
async function step(c: mysql.Connection, label: string, sql: string, params: unknown[] = []): Promise<void> {
  const [t] = await timed(() => c.query(sql, params));
  spent.set(label, (spent.get(label) ?? 0) + t);
}

async function insertRows(c: mysql.Connection, sql: string, rows: unknown[][]): Promise<void> {
  for (let i = 0; i < rows.length; i += 5000) await c.query(sql, [rows.slice(i, i + 5000)]);
}

/** Units, closure rows (self, parent, grandparent: what UnitsService.create writes), officers. */
async function seedUnits(c: mysql.Connection, units: UnitRow[]): Promise<void> {
  await insertRows(
    c,
    'INSERT INTO units (id, code, name, kind, parent_id) VALUES ?',
    units.map((u) => [u.id, u.code, u.name, u.kind, u.parent === null ? null : units[u.parent].id]),
  );
  const closure: unknown[][] = [];
  for (const u of units) {
    let depth = 0;
    for (let a: number | null = u.idx; a !== null; a = units[a].parent)
      closure.push([units[a].id, u.id, depth++]);
  }
  await insertRows(c, 'INSERT INTO unit_closure (ancestor_id, descendant_id, depth) VALUES ?', closure);
  const users: unknown[][] = [];
  for (const u of units) {
    for (let k = 0; k < USERS_PER_UNIT; k++) {
      const n = u.idx * USERS_PER_UNIT + k;
      users.push([id(TAG.user, n), `nb-${n}@bench.invalid`, `Cán bộ ${n}`, u.id, '!bench']);
    }
  }
  await insertRows(c, 'INSERT INTO users (id, email, full_name, unit_id, password_hash) VALUES ?', users);
}

/**
 * The plan of one chunk of cases (a MEMORY table): every case's unit, kind, dates, state and deadline
 * facts, computed once so that letters, cases, steps and deadlines agree. Assignments of one UPDATE run
 * left to right (MariaDB and MySQL), each seeing the ones before.
 */
async function planChunk(c: mysql.Connection, from: number, to: number, today: string): Promise<void> {
  await c.query('TRUNCATE TABLE bench_plan');
  const r = (salt: string) => `(CRC32(CONCAT('${salt}', s.n + ${from})) / 4294967296)`;
  await step(
    c,
    'plan: numbers',
    `INSERT INTO bench_plan (n, u, kind, received, r2, r3, r4)
     SELECT s.n + ${from}, FLOOR((s.n + ${from}) * ${UNITS} / ${CASES}), IF((s.n + ${from}) % 5 < 3, 'c', 'd'),
       DATE_ADD(?, INTERVAL FLOOR(${r('a')} * (DATEDIFF(?, ?) + 1)) DAY), ${r('b')}, ${r('c')}, ${r('d')}
     FROM bench_seq s WHERE s.n < ${to - from}`,
    [SPAN_START, today, SPAN_START],
  );
  // r2 < 0.05 refused (or awaiting acceptance); 0.05–0.13 withdrawn (< 0.10) or terminated; ≥ 0.985 stuck
  // (never decided: open and overdue); the rest decided 10–35 days after acceptance (after 30: late).
  await step(
    c,
    'plan: states',
    `UPDATE bench_plan SET
       accepted = IF(r2 < 0.05, NULL, DATE_ADD(received, INTERVAL FLOOR(r3 * 10) DAY)),
       accepted = IF(accepted > ?, NULL, accepted),
       ending = IF(r2 < 0.05 AND DATE_ADD(received, INTERVAL 10 DAY) <= ?, 'refuse',
                 IF(accepted IS NOT NULL AND r2 < 0.13, IF(r2 < 0.10, 'withdraw', 'terminate'), NULL)),
       ended = CASE ending WHEN 'refuse' THEN DATE_ADD(received, INTERVAL 10 DAY)
                 WHEN 'withdraw' THEN DATE_ADD(accepted, INTERVAL FLOOR(r4 * 60) DAY)
                 WHEN 'terminate' THEN DATE_ADD(accepted, INTERVAL FLOOR(r4 * 60) DAY) END,
       ending = IF(ended > ?, NULL, ending),
       ended = IF(ended > ?, NULL, ended),
       decided = IF(accepted IS NULL OR ending IS NOT NULL OR r2 >= 0.985 OR (r2 >= 0.05 AND r2 < 0.13), NULL,
                   DATE_ADD(accepted, INTERVAL 10 + FLOOR(r4 * 26) DAY)),
       decided = IF(decided > ?, NULL, decided),
       due = DATE_ADD(accepted, INTERVAL 30 DAY),
       target = IF(r3 < 0.5, DATE_ADD(accepted, INTERVAL 25 DAY), NULL),
       status = IF(accepted IS NULL, NULL, IF(decided IS NOT NULL, IF(decided <= due, 'met', 'missed'),
                  IF(ending IS NOT NULL, 'cancelled', 'open'))),
       settled = IF(accepted IS NULL, NULL, COALESCE(decided, ended)),
       state = CASE
         WHEN ending = 'refuse' THEN 'refused'
         WHEN accepted IS NULL THEN 'received'
         WHEN decided IS NOT NULL AND kind = 'c' THEN
           IF(DATEDIFF(?, decided) > 75, 'enforcement', IF(DATEDIFF(?, decided) > 10, 'second_complaint_window', 'decided'))
         WHEN decided IS NOT NULL THEN IF(DATEDIFF(?, decided) > 60, 'closed', 'concluded')
         WHEN ending IS NOT NULL THEN 'terminated'
         ELSE 'verifying' END,
       handler = IF(accepted IS NULL, NULL, u * ${USERS_PER_UNIT} + 1 + n % 2),
       next_escalation = IF(status = 'open', DATE_ADD(?, INTERVAL 1 + FLOOR(r3 * 30) DAY), NULL)`,
    [today, today, today, today, today, today, today, today, today],
  );
}

const SUBJECT = {
  c: 'Khiếu nại quyết định thu hồi đất và bồi thường',
  d: 'Tố cáo cán bộ địa chính vi phạm trong cấp giấy chứng nhận',
};
const SEARCH = { c: 'khieu nai quyet dinh thu hoi dat va boi thuong', d: 'to cao can bo dia chinh vi pham' };
const EXPLANATION = JSON.stringify({ vi: ['Thời hạn giải quyết.'], en: ['Resolution period.'] });

async function insertChunk(c: mysql.Connection): Promise<void> {
  const unitId = sqlId(TAG.unit, 'p.u');
  const caseId = `IF(p.kind = 'c', ${sqlId(TAG.complaint, 'p.n')}, ${sqlId(TAG.denunciation, 'p.n')})`;
  await step(
    c,
    'letters',
    `INSERT INTO letters (id, unit_id, received_on, channel, classification, complaint_track, denunciation_track,
       subject, petitioner_count, eligible, eligibility, flags, status, processing_due, decision, decided_on,
       case_id, receipt_code, receipt_secret_hash, content, search_text)
     SELECT ${sqlId(TAG.letter, 'p.n')}, ${unitId}, p.received, 'post', IF(p.kind = 'c', 'complaint', 'denunciation'),
       IF(p.kind = 'c', 'first_time', NULL), IF(p.kind = 'd', 'denunciation', NULL),
       IF(p.kind = 'c', ?, ?), 1, 1, '[]', '[]', 'decided', DATE_ADD(p.received, INTERVAL 10 DAY), 'accept',
       p.received, ${caseId}, CONCAT('NB', LPAD(p.n, 10, '0')), REPEAT('0', 64), IF(p.kind = 'c', ?, ?),
       CONCAT('nb', p.n, ' ', IF(p.kind = 'c', ?, ?))
     FROM bench_plan p`,
    [SUBJECT.c, SUBJECT.d, SUBJECT.c, SUBJECT.d, SEARCH.c, SEARCH.d],
  );
  const facts = 'p.due, p.status, p.settled, p.target';
  await step(
    c,
    'complaint_cases',
    `INSERT INTO complaint_cases (id, case_number, letter_id, unit_id, handler_user_id, track, state, subject,
       received_on, accepted_on, decided_on, decision_outcome, terminated_on, terminated_by, withdrawn_on,
       resolution_due, resolution_status, resolution_settled_on, resolution_target, search_text)
     SELECT ${sqlId(TAG.complaint, 'p.n')}, CONCAT('KN-', LPAD(p.n, 10, '0')), ${sqlId(TAG.letter, 'p.n')}, ${unitId},
       IF(p.handler IS NULL, NULL, ${sqlId(TAG.user, 'p.handler')}), 'first_time', p.state, ?, p.received,
       p.accepted, p.decided, IF(p.decided IS NULL, NULL, ELT(1 + p.n % 3, 'right', 'partly_right', 'wrong')),
       IF(p.ending IN ('withdraw', 'terminate'), p.ended, NULL), IF(p.ending IN ('withdraw', 'terminate'), p.ending, NULL),
       IF(p.ending = 'withdraw', p.ended, NULL), ${facts},
       CONCAT('kn-', p.n, ' ', ?)
     FROM bench_plan p WHERE p.kind = 'c'`,
    [SUBJECT.c, SEARCH.c],
  );
  await step(
    c,
    'denunciation_cases',
    `INSERT INTO denunciation_cases (id, case_number, letter_id, unit_id, handler_user_id, track, state, subject,
       received_on, accepted_on, concluded_on, conclusion_outcome, complexity, terminated_on, terminated_by,
       withdrawn, withdrawn_on, resolution_due, resolution_status, resolution_settled_on, resolution_target,
       search_text)
     SELECT ${sqlId(TAG.denunciation, 'p.n')}, CONCAT('TC-', LPAD(p.n, 10, '0')), ${sqlId(TAG.letter, 'p.n')}, ${unitId},
       IF(p.handler IS NULL, NULL, ${sqlId(TAG.user, 'p.handler')}), 'denunciation', p.state, ?, p.received,
       p.accepted, p.decided, IF(p.decided IS NULL, NULL, ELT(1 + p.n % 3, 'right', 'partly_right', 'wrong')),
       'normal', IF(p.ending IN ('withdraw', 'terminate'), p.ended, NULL),
       IF(p.ending IN ('withdraw', 'terminate'), p.ending, NULL), p.ending <=> 'withdraw',
       IF(p.ending = 'withdraw', p.ended, NULL), ${facts},
       CONCAT('tc-', p.n, ' ', ?)
     FROM bench_plan p WHERE p.kind = 'd'`,
    [SUBJECT.d, SEARCH.d],
  );
  // Steps: 1 accept (or refuse), 2 start verification, 3 decide / conclude / withdraw / terminate.
  for (const [kind, table, tag, caseTag, last, lastState] of [
    ['c', 'complaint_case_events', TAG.complaintEvent, TAG.complaint, 'decide', 'decided'],
    ['d', 'denunciation_case_events', TAG.denunciationEvent, TAG.denunciation, 'conclude', 'concluded'],
  ] as const) {
    await step(
      c,
      table,
      `INSERT INTO ${table} (id, case_id, sequence, event, from_state, to_state, event_date, actor_user_id)
       SELECT ${sqlId(tag, 'p.n * 4 + k.k')}, ${sqlId(caseTag, 'p.n')}, k.k,
         CASE k.k WHEN 1 THEN IF(p.ending = 'refuse', 'refuse', 'accept') WHEN 2 THEN 'start_verification'
           ELSE COALESCE(IF(p.ending = 'refuse', NULL, p.ending), '${last}') END,
         CASE k.k WHEN 1 THEN 'received' WHEN 2 THEN 'accepted' ELSE 'verifying' END,
         CASE k.k WHEN 1 THEN IF(p.ending = 'refuse', 'refused', 'accepted') WHEN 2 THEN 'verifying'
           ELSE IF(p.decided IS NOT NULL, '${lastState}', 'terminated') END,
         CASE WHEN k.k = 1 AND p.ending = 'refuse' THEN p.ended WHEN k.k < 3 THEN p.accepted
           ELSE COALESCE(p.decided, p.ended) END,
         IF(p.handler IS NULL, NULL, ${sqlId(TAG.user, 'p.handler')})
       FROM bench_plan p JOIN bench_steps k
         ON (k.k = 1 AND (p.accepted IS NOT NULL OR p.ending = 'refuse'))
         OR (k.k = 2 AND p.accepted IS NOT NULL)
         OR (k.k = 3 AND p.accepted IS NOT NULL AND (p.decided IS NOT NULL OR p.ending IN ('withdraw', 'terminate')))
       WHERE p.kind = '${kind}'`,
    );
  }
  await step(
    c,
    'case_deadlines',
    `INSERT INTO case_deadlines (id, subject_type, subject_id, unit_id, purpose, sequence, rule_id, rule_version,
       trigger_date, options, raw_end, due_date, internal_target, status, settled_on, calendar_version,
       policy_version, explanation, next_escalation_on, next_escalation_level)
     SELECT ${sqlId(TAG.deadline, 'p.n')}, IF(p.kind = 'c', 'complaint_case', 'denunciation_case'), ${caseId}, ${unitId},
       'resolution', 1, IF(p.kind = 'c', 'KN-3', 'TC-3'), 'bench', p.accepted, '{}', p.due, p.due, p.target,
       p.status, p.settled, 'bench', 'bench', ?, p.next_escalation, IF(p.next_escalation IS NULL, NULL, 1)
     FROM bench_plan p WHERE p.accepted IS NOT NULL`,
    [EXPLANATION],
  );
}

/** Letters still awaiting their processing decision (XLD-1: 10 days), received in the last 10 days. */
async function seedRegisteredLetters(c: mysql.Connection, today: string): Promise<number> {
  const count = Math.round(CASES * REGISTERED_LETTERS);
  const n = `(s.n + ${CASES})`;
  const unitId = sqlId(TAG.unit, `FLOOR(s.n * ${UNITS} / ${count})`);
  const received = `DATE_SUB(?, INTERVAL s.n % 10 DAY)`;
  await c.query(
    `INSERT INTO letters (id, unit_id, received_on, channel, classification, subject, petitioner_count, eligible,
       eligibility, flags, status, processing_due, receipt_code, receipt_secret_hash, content, search_text)
     SELECT ${sqlId(TAG.letter, n)}, ${unitId}, ${received}, 'post', IF(s.n % 2 = 0, 'complaint', 'denunciation'),
       ?, 1, 1, '[]', '[]', 'registered', DATE_ADD(${received}, INTERVAL 10 DAY), CONCAT('NB', LPAD(${n}, 10, '0')),
       REPEAT('0', 64), ?, CONCAT('nb', ${n}, ' ', ?)
     FROM bench_seq s WHERE s.n < ${count}`,
    [today, SUBJECT.c, today, SUBJECT.c, SEARCH.c],
  );
  await c.query(
    `INSERT INTO case_deadlines (id, subject_type, subject_id, unit_id, purpose, sequence, rule_id, rule_version,
       trigger_date, options, raw_end, due_date, status, calendar_version, policy_version, explanation)
     SELECT ${sqlId(TAG.processing, n)}, 'letter', ${sqlId(TAG.letter, n)}, ${unitId}, 'processing', 1, 'XLD-1',
       'bench', ${received}, '{}', DATE_ADD(${received}, INTERVAL 10 DAY), DATE_ADD(${received}, INTERVAL 10 DAY),
       'open', 'bench', 'bench', ?
     FROM bench_seq s WHERE s.n < ${count}`,
    [today, today, today, EXPLANATION],
  );
  return count;
}

/** The session's scratch tables: numbers, step numbers and the chunk's plan (temporary, MEMORY). */
async function prepare(c: mysql.Connection): Promise<void> {
  await c.query(
    'SET SESSION max_heap_table_size = 256 * 1024 * 1024, SESSION tmp_table_size = 256 * 1024 * 1024',
  );
  await c.query(`CREATE TEMPORARY TABLE bench_seq (n INT UNSIGNED NOT NULL PRIMARY KEY) ENGINE=MEMORY`);
  await c.query(`CREATE TEMPORARY TABLE bench_steps (k TINYINT UNSIGNED NOT NULL PRIMARY KEY) ENGINE=MEMORY`);
  await c.query('INSERT INTO bench_steps VALUES (1), (2), (3)');
  await c.query(`CREATE TEMPORARY TABLE bench_digits (d TINYINT UNSIGNED NOT NULL) ENGINE=MEMORY`);
  await c.query('INSERT INTO bench_digits VALUES (0),(1),(2),(3),(4),(5),(6),(7),(8),(9)');
  const size = Math.max(CHUNK, Math.round(CASES * REGISTERED_LETTERS));
  // 10^6 numbers from six digits, cut to `size`.
  await c.query(
    `INSERT INTO bench_seq SELECT n FROM (SELECT a.d + 10 * b.d + 100 * c.d + 1000 * d.d + 10000 * e.d + 100000 * f.d AS n
     FROM bench_digits a, bench_digits b, bench_digits c, bench_digits d, bench_digits e, bench_digits f) x WHERE n < ${size}`,
  );
  await c.query(
    `CREATE TEMPORARY TABLE bench_plan (
       n INT UNSIGNED NOT NULL PRIMARY KEY, u INT UNSIGNED NOT NULL, kind CHAR(1) NOT NULL, received DATE NOT NULL,
       r2 DOUBLE NOT NULL, r3 DOUBLE NOT NULL, r4 DOUBLE NOT NULL, accepted DATE NULL, ending VARCHAR(10) NULL,
       ended DATE NULL, decided DATE NULL, due DATE NULL, target DATE NULL, status VARCHAR(16) NULL,
       settled DATE NULL, state VARCHAR(32) NULL, handler INT UNSIGNED NULL, next_escalation DATE NULL
     ) ENGINE=MEMORY`,
  );
}

async function seed(
  c: mysql.Connection,
  open: () => Promise<mysql.Connection>,
  units: UnitRow[],
  today: string,
): Promise<void> {
  await prepare(c);
  const [unitSeconds] = await timed(() => seedUnits(c, units));
  console.log(
    `  ${fmt(UNITS)} units, their closure rows and ${fmt(UNITS * USERS_PER_UNIT)} officers in ${(unitSeconds / 1000).toFixed(1)} s`,
  );
  const started = Date.now();
  const chunks = Math.ceil(CASES / CHUNK);
  let next = 0;
  let done = 0;
  const seeder = async () => {
    const own = await open();
    try {
      await prepare(own);
      for (let k = next++; k < chunks; k = next++) {
        const from = k * CHUNK;
        await planChunk(own, from, Math.min(CASES, from + CHUNK), today);
        await insertChunk(own);
        done++;
        if (done % 4 === 0 || done === chunks) {
          const s = (Date.now() - started) / 1000;
          const cases = Math.min(CASES, done * CHUNK);
          console.log(`  ${fmt(cases)} cases in ${s.toFixed(0)} s (${fmt(cases / s)} cases/s)`);
        }
      }
    } finally {
      await own.end();
    }
  };
  await Promise.all(Array.from({ length: SEEDERS }, seeder));
  console.log(
    `  time per statement (summed over ${SEEDERS} connections): ${[...spent].map(([k, t]) => `${k} ${(t / 1000).toFixed(1)} s`).join(', ')}`,
  );
  const letters = await seedRegisteredLetters(c, today);
  // ESCALATIONS_DUE open deadlines, spread over the table, due for escalation today.
  await c.query(
    `UPDATE case_deadlines d JOIN (
       SELECT id FROM case_deadlines WHERE status = 'open' AND purpose = 'resolution'
       ORDER BY CRC32(id) LIMIT ${ESCALATIONS_DUE}) x ON x.id = d.id
     SET d.next_escalation_on = ?`,
    [today],
  );
  console.log(
    `  ${fmt(letters)} letters awaiting their processing decision; ${fmt(ESCALATIONS_DUE)} deadlines due for escalation`,
  );
  await c.query(
    'ANALYZE TABLE units, unit_closure, users, letters, complaint_cases, denunciation_cases, complaint_case_events, denunciation_case_events, case_deadlines',
  );
}

function actorFor(userId: string, unitId: string, role: 'unit_head' | 'case_handler'): Actor {
  return {
    userId,
    unitId,
    roles: [role],
    permissions: permissionsOf([role]),
    scopeRootUnitIds: [unitId],
    requestId: null,
    clientIp: null,
  };
}

function printPlan(rows: Array<Record<string, unknown>>, indent = '    '): void {
  for (const row of rows) {
    console.log(
      indent +
        ['id', 'select_type', 'table', 'type', 'key', 'key_len', 'ref', 'rows', 'Extra']
          .map((k) => `${k}=${String(row[k] ?? 'NULL')}`)
          .join(' '),
    );
  }
}

/** The SQL a DataSource sends for one call, caught by a logger-free wrapper around `query`. */
async function captureQueries(
  dataSource: DataSource,
  fn: () => Promise<unknown>,
): Promise<Array<[string, unknown[]]>> {
  const seen: Array<[string, unknown[]]> = [];
  const original = dataSource.query.bind(dataSource);
  (dataSource as { query: DataSource['query'] }).query = ((sql: string, params?: unknown[]) => {
    seen.push([sql, params ?? []]);
    return original(sql, params);
  }) as DataSource['query'];
  try {
    await fn();
  } finally {
    (dataSource as { query: DataSource['query'] }).query = original;
  }
  return seen;
}

async function measureWorkLists(app: INestApplicationContext, units: UnitRow[]): Promise<boolean> {
  const service = app.get(WorkItemsService);
  const dataSource = app.get<DataSource>(getDataSourceToken());
  // Communes and departments spread over the provinces.
  const sample = Array.from({ length: SAMPLE_UNITS }, (_, i) => {
    const p = Math.floor((i * PROVINCES) / SAMPLE_UNITS);
    const offset = i % 2 === 0 ? 1 + 2 * DEPARTMENTS + (i % COMMUNES) : 1 + 2 * (i % DEPARTMENTS);
    return units[p * UNITS_PER_PROVINCE + offset];
  });
  const lists: Array<[string, (u: UnitRow) => Actor, Partial<ListWorkItemsQueryDto>]> = [
    [
      'mine (case handler)',
      (u) => actorFor(id(TAG.user, u.idx * USERS_PER_UNIT + 1), u.id, 'case_handler'),
      { scope: 'mine' },
    ],
    ['unit (head)', (u) => actorFor(id(TAG.user, u.idx * USERS_PER_UNIT), u.id, 'unit_head'), {}],
    [
      'overdue (head)',
      (u) => actorFor(id(TAG.user, u.idx * USERS_PER_UNIT), u.id, 'unit_head'),
      { due: 'overdue' },
    ],
    [
      'due this week (head)',
      (u) => actorFor(id(TAG.user, u.idx * USERS_PER_UNIT), u.id, 'unit_head'),
      { due: 'this_week' },
    ],
  ];
  let ok = true;
  console.log(
    `\nwork lists (WorkItemsService.list, page 1 of 50), ${SAMPLE_UNITS} units × ${LIST_RUNS} runs after a warm-up each:`,
  );
  for (const [label, actorOf, filter] of lists) {
    const times: number[] = [];
    const totals: number[] = [];
    for (const u of sample) {
      const actor = actorOf(u);
      const query = Object.assign(new ListWorkItemsQueryDto(), { page: 1, pageSize: 50 }, filter);
      await service.list(actor, query);
      for (let i = 0; i < LIST_RUNS; i++) {
        const [t, page] = await timed(() => service.list(actor, query));
        times.push(t);
        totals.push(page.total);
      }
    }
    const worst = p99(times);
    ok &&= worst < TARGETS.list;
    console.log(
      `  ${label.padEnd(22)} items ${fmt(Math.min(...totals))}–${fmt(Math.max(...totals))}  median ${ms(median(times))}  ` +
        `p99 ${ms(worst)}  max ${ms(Math.max(...times))}  (target p99 < ${TARGETS.list} ms: ${worst < TARGETS.list ? 'met' : 'NOT met'})`,
    );
  }
  const u = sample[0];
  const queries = await captureQueries(dataSource, () =>
    service.list(
      actorFor(id(TAG.user, u.idx * USERS_PER_UNIT), u.id, 'unit_head'),
      Object.assign(new ListWorkItemsQueryDto(), { page: 1, pageSize: 50 }),
    ),
  );
  console.log(`  EXPLAIN of the unit list's queries (${u.code}):`);
  for (const [sql, params] of queries) {
    console.log(`   ${sql.replace(/\s+/g, ' ').slice(0, 110)}…`);
    printPlan(await dataSource.query(`EXPLAIN ${sql}`, params));
  }
  return ok;
}

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

async function measureSweep(config: AppConfig): Promise<boolean> {
  const app = await NestFactory.createApplicationContext(SweepBenchModule.forRoot(config), { logger: false });
  await app.init();
  const queue = app.get<Queue>(getQueueToken(QUEUES.escalation.name), { strict: false });
  try {
    const service = app.get(EscalationService);
    const dataSource = app.get<DataSource>(getDataSourceToken());
    const today = app.get(Clock).today();
    await queue.obliterate({ force: true });
    const [[{ open }]] = [
      await dataSource.query("SELECT COUNT(*) AS open FROM case_deadlines WHERE status = 'open'"),
    ];
    const times: number[] = [];
    let due = 0;
    for (let i = 0; i <= SWEEP_RUNS; i++) {
      const [t, result] = await timed(() => service.sweep(ESCALATIONS_DUE));
      const waiting = await queue.getWaitingCount();
      if (!result.ran || waiting !== result.due)
        throw new Error(`sweep: ${JSON.stringify(result)}, ${waiting} waiting`);
      due = result.due;
      await queue.obliterate({ force: true });
      if (i > 0) times.push(t); // the first is the warm-up
    }
    const m = median(times);
    console.log(
      `\nescalation sweep (EscalationService.sweep(${fmt(ESCALATIONS_DUE)})) among ${fmt(Number(open))} open deadlines, ` +
        `${fmt(due)} due: ${times.map(ms).join(', ')} → median ${ms(m)} (each enqueues ${fmt(due)} jobs; ` +
        `target < ${fmt(TARGETS.sweep)} ms: ${m < TARGETS.sweep ? 'met' : 'NOT met'})`,
    );
    // The sweep's SELECT (as EscalationService.sweep sends it) alone: the rest is adding the jobs to Redis.
    const select = `SELECT id, version, next_escalation_level AS level
         FROM case_deadlines FORCE INDEX (idx_case_deadlines_status_next_escalation)
         WHERE status = 'open' AND next_escalation_on <= ? ORDER BY next_escalation_on, id LIMIT ${ESCALATIONS_DUE}`;
    const selects: number[] = [];
    for (let i = 0; i < 5; i++) selects.push((await timed(() => dataSource.query(select, [today])))[0]);
    console.log(
      `  its SELECT alone: ${selects.map(ms).join(', ')} → median ${ms(median(selects))}; EXPLAIN:`,
    );
    printPlan(await dataSource.query(`EXPLAIN ${select}`, [today]));
    return m < TARGETS.sweep;
  } finally {
    for (const q of Object.values(QUEUES)) {
      await app
        .get<Queue>(getQueueToken(q.name), { strict: false })
        .obliterate({ force: true })
        .catch(() => undefined);
    }
    await app.close();
  }
}

async function measureReports(
  app: INestApplicationContext,
  units: UnitRow[],
  config: AppConfig,
): Promise<boolean> {
  const service = app.get(ReportDataService);
  const dataSource = app.get<DataSource>(getDataSourceToken());
  const year = Number(app.get(Clock).today().slice(0, 4)) - 1;
  const window = { from: `${year}-01-01`, to: `${year}-12-31` };
  const where =
    config.db.replicas.length > 0
      ? `the replica (${config.db.replicas.map((r) => `${r.host}:${r.port}`).join(', ')})`
      : 'the primary (no replica configured)';
  console.log(`\nannual 03/GQKN ${year} (ReportDataService.ownCounters) on ${where}:`);
  let ok = true;
  const province = units.filter((u) => u.province === 0).map((u) => u.id);
  const all = units.map((u) => u.id);
  for (const [label, ids, target] of [
    [`one province (${province.length} units)`, province, TARGETS.province],
    [`the whole country (${all.length} units)`, all, TARGETS.country],
  ] as const) {
    const run = () => service.ownCounters('03/GQKN', window, ids);
    const [cold, counters] = await timed(run);
    const times: number[] = [];
    for (let i = 0; i < REPORT_RUNS; i++) times.push((await timed(run))[0]);
    const m = median(times);
    ok &&= m < target;
    const total = [...counters.values()].reduce((s, r) => s + r['cases.total'], 0);
    console.log(
      `  ${label.padEnd(32)} ${fmt(total)} cases counted; first ${ms(cold)}, then ${times.map(ms).join(', ')} → median ${ms(m)} ` +
        `(target < ${fmt(target)} ms: ${m < target ? 'met' : 'NOT met'})`,
    );
    const [sql, params] = mainQuery('03/GQKN', window, ids);
    printPlan(await dataSource.query(`EXPLAIN ${sql}`, params));
  }
  return ok;
}

/** One unit's public calendar for this month, uncached, from each context in turn: the times of each. */
async function calendarTimes(apps: INestApplicationContext[], unitCode: string): Promise<number[][]> {
  const today = apps[0].get(Clock).today();
  const filter = { unitCode, month: today.slice(0, 7), page: 1 };
  const times = apps.map(() => [] as number[]);
  for (const app of apps) {
    const first = await app.get(PublicCalendarService).calendar(filter, today); // warm-up
    if (first.regular.length === 0) throw new Error(`calendar of ${unitCode}: no regular schedule`);
  }
  for (let i = 0; i < CALENDAR_RUNS; i++) {
    for (const [k, app] of apps.entries()) {
      const calendars = app.get(PublicCalendarService);
      times[k].push((await timed(() => calendars.calendar(filter, today)))[0]);
    }
  }
  return times;
}

/** A reception place and regular schedule for the unit, through the real services (once). */
async function publishCalendar(app: INestApplicationContext, unitId: string): Promise<void> {
  const dataSource = app.get<DataSource>(getDataSourceToken());
  const [{ n }] = await dataSource.query('SELECT COUNT(*) AS n FROM reception_schedules WHERE unit_id = ?', [
    unitId,
  ]);
  if (Number(n) > 0) return;
  const today = app.get(Clock).today();
  const place = await app.get(ReceptionPlacesService).create(SYSTEM_ACTOR, {
    unitId,
    name: 'Trụ sở tiếp công dân',
    address: '1 Đường Cách Mạng Tháng Tám',
    room: 'Phòng tiếp công dân, tầng 1',
    hours: 'Sáng 7:30–11:30, chiều 13:30–17:00 các ngày làm việc',
  });
  await app.get(ReceptionSchedulesService).createSchedule(SYSTEM_ACTOR, {
    unitId,
    kind: 'regular',
    placeId: place.id,
    slots: [
      { startTime: '07:30', endTime: '11:30' },
      { startTime: '13:30', endTime: '17:00' },
    ],
    validFrom: today,
    validUntil: addDays(today, 364),
    officers: [{ name: 'Cán bộ tiếp công dân', title: 'Chuyên viên' }],
  });
}

async function databaseSize(server: mysql.Connection, database: string): Promise<void> {
  const [rows] = (await server.query(
    `SELECT table_name AS t, table_rows AS r, data_length AS d, index_length AS i FROM information_schema.tables
     WHERE table_schema = ? ORDER BY data_length + index_length DESC`,
    [database],
  )) as unknown as [Array<{ t: string; r: number; d: number; i: number }>];
  const gib = (b: number) => `${(b / 2 ** 30).toFixed(2)} GiB`;
  const total = rows.reduce((s, r) => s + Number(r.d) + Number(r.i), 0);
  console.log(`\ndatabase size (information_schema, estimates): ${gib(total)}`);
  for (const r of rows.slice(0, 9)) {
    console.log(
      `  ${r.t.padEnd(26)} ~${fmt(Number(r.r)).padStart(12)} rows  data ${gib(Number(r.d))}  indexes ${gib(Number(r.i))}`,
    );
  }
}

function migrate(): void {
  const run = spawnSync(
    process.execPath,
    [path.join(root, 'scripts/run-built.cjs'), 'typeorm', 'migration:run'],
    {
      cwd: root,
      env: process.env,
      encoding: 'utf8',
    },
  );
  if (run.status !== 0) throw new Error(`migrations failed:\n${run.stdout}${run.stderr}`);
}

async function main(): Promise<void> {
  const base = loadConfigFromEnvironment(CONFIG_SECTIONS);
  const database = `${base.db.name}_nbench`;
  const empty = `${base.db.name}_nbench_empty`;
  const keep = process.env.BENCH_KEEP === '1';
  Object.assign(process.env, {
    DB_NAME: database,
    LOG_LEVEL: 'warn',
    LOG_PRETTY: 'false',
    QUEUE_PREFIX: `${base.queue.prefix}-bench-national`,
  });
  const config = loadConfigFromEnvironment(CONFIG_SECTIONS);
  const server = await mysql.createConnection({
    host: base.db.host,
    port: base.db.port,
    user: base.db.user,
    password: base.db.password,
  });
  const [[info]] = (await server.query(
    'SELECT VERSION() AS version, @@innodb_buffer_pool_size AS pool, @@innodb_log_file_size AS redo',
  )) as unknown as [Array<{ version: string; pool: string; redo: string }>];
  const cpu = cpus();
  console.log(
    `node ${process.version}; ${cpu.length} cores (shared with other work); ${cpu[0]?.model ?? 'unknown cpu'}; ` +
      `MariaDB ${info.version}, buffer pool ${Math.round(Number(info.pool) / 2 ** 20)} MiB, redo log ${Math.round(Number(info.redo) / 2 ** 20)} MiB`,
  );
  const [existing] = (await server.query(
    `SELECT COUNT(*) AS n FROM information_schema.tables WHERE table_schema = ? AND table_name = 'bench_national_seed'`,
    [database],
  )) as unknown as [Array<{ n: number }>];
  // A kept database of the same size is reused; any other is seeded again.
  const reuse =
    keep &&
    Number(existing[0].n) > 0 &&
    Number(
      (
        (await server.query(`SELECT cases FROM \`${database}\`.bench_national_seed`)) as unknown as [
          Array<{ cases: number }>,
        ]
      )[0][0]?.cases,
    ) === CASES;
  const units = unitTree();
  let ok = true;
  let app: INestApplicationContext | undefined;
  let emptyApp: INestApplicationContext | undefined;
  let connection: mysql.Connection | undefined;
  try {
    if (!reuse) {
      await server.query(`DROP DATABASE IF EXISTS \`${database}\``);
      await server.query(`CREATE DATABASE \`${database}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
      migrate();
    }
    const open = () =>
      mysql.createConnection({
        host: base.db.host,
        port: base.db.port,
        user: base.db.user,
        password: base.db.password,
        database,
      });
    connection = await open();
    const today = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10); // Asia/Ho_Chi_Minh
    if (!reuse) {
      console.log(`seeding ${fmt(CASES)} cases over ${fmt(UNITS)} units (today ${today}):`);
      const [seconds] = await timed(() => seed(connection!, open, units, today));
      // Kept with the data: a rerun with BENCH_KEEP=1 reports how long the seed took.
      await connection.query(
        'CREATE TABLE bench_national_seed (cases INT NOT NULL, seconds INT NOT NULL, seeded_on DATE NOT NULL)',
      );
      await connection.query('INSERT INTO bench_national_seed VALUES (?, ?, ?)', [
        CASES,
        Math.round(seconds / 1000),
        today,
      ]);
    }
    const [[seeded]] = (await connection.query(
      'SELECT cases, seconds, seeded_on FROM bench_national_seed',
    )) as unknown as [Array<{ cases: number; seconds: number; seeded_on: string }>];
    console.log(
      `${reuse ? 'reusing the kept' : 'seeded the'} database ${database}: ${fmt(seeded.cases)} cases, seeded in ` +
        `${fmt(seeded.seconds)} s (${(seeded.seconds / 60).toFixed(1)} min)`,
    );
    await databaseSize(server, database);
    for (const [table, sql] of [
      [
        'cases',
        'SELECT (SELECT COUNT(*) FROM complaint_cases) + (SELECT COUNT(*) FROM denunciation_cases) AS n',
      ],
      ['open deadlines', "SELECT COUNT(*) AS n FROM case_deadlines WHERE status = 'open'"],
      [
        'overdue open deadlines',
        `SELECT COUNT(*) AS n FROM case_deadlines WHERE status = 'open' AND due_date < '${today}'`,
      ],
    ] as const) {
      const [[{ n }]] = (await connection.query(sql)) as unknown as [Array<{ n: number }>];
      console.log(`  ${table}: ${fmt(Number(n))}`);
    }

    app = await NestFactory.createApplicationContext(AppModule.forRoot(config), { logger: false });
    await app.init();
    ok = (await measureWorkLists(app, units)) && ok;
    ok = (await measureReports(app, units, config)) && ok;
    const calendarUnit = units[1 + 2 * DEPARTMENTS];
    await publishCalendar(app, calendarUnit.id);
    // The same unit's calendar in an empty database, in a second context, the calls alternating.
    await server.query(`DROP DATABASE IF EXISTS \`${empty}\``);
    await server.query(`CREATE DATABASE \`${empty}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
    process.env.DB_NAME = empty;
    migrate();
    emptyApp = await NestFactory.createApplicationContext(
      AppModule.forRoot(loadConfigFromEnvironment(CONFIG_SECTIONS)),
      { logger: false },
    );
    await emptyApp.init();
    const unit = await emptyApp.get(UnitsService).create(SYSTEM_ACTOR, {
      code: calendarUnit.code,
      name: calendarUnit.name,
      kind: calendarUnit.kind,
    });
    await publishCalendar(emptyApp, unit.id);
    const [full, bare] = await calendarTimes([app, emptyApp], calendarUnit.code);
    console.log(
      `\npublic calendar, one unit's month (PublicCalendarService.calendar, uncached, ${CALENDAR_RUNS} calls each, ` +
        `alternating): national database median ${ms(median(full))} p99 ${ms(p99(full))}; empty database ` +
        `median ${ms(median(bare))} p99 ${ms(p99(bare))} (ratio of medians ${(median(full) / median(bare)).toFixed(2)})`,
    );
    await emptyApp.close();
    emptyApp = undefined;
    await app.close();
    app = undefined;
    ok = (await measureSweep(config)) && ok;
  } finally {
    await app?.close();
    await emptyApp?.close();
    await connection?.end();
    await server.query(`DROP DATABASE IF EXISTS \`${empty}\``);
    if (!keep) await server.query(`DROP DATABASE IF EXISTS \`${database}\``);
    await server.end();
  }
  if (!ok) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error('bench:national failed:', error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
