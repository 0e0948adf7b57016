// Load harness: `npm run bench:load` (docs/load.md; issue 13). Options (all optional):
//   --seconds N        the mix at each level runs N s (default 20)
//   --intake-seconds N intake alone, and raw INSERTs alone, at each level, N s each (default 8)
//   --levels 1,2,4     client counts as multiples of the API's DB_POOL_SIZE (default 1,2,4)
//   --pool N           DB_POOL_SIZE of the spawned API and worker (default: the configured one)
//   --timeout MS       a request with no answer after MS ms counts as a timeout (default 10000)
//   --minutes M        soak instead of levels: the mix for M minutes at one level (--level, default 2),
//   --runs R           R times in a row on the same processes (default 1), the RSS sampled every
//   --sample S         S seconds (default 30); the API's RSS must stay below 300 MB and be flat
//   --keep-db          keep the database (for a look afterwards)
//   --limiter-only     only the rate limiter's figures (no database, no processes)
//   --limiter-stress S instead of the levels: one cheap route as fast as it goes for S s (60: a full
//                      window) at --level, throughput and API RSS every 10 s (what the limiter costs)
//   --node-options S   NODE_OPTIONS of the API and the worker (e.g. V8 heap flags, `-r` a memory logger)
//   --node-defaults    start them without the V8 flags of src/bootstrap/node-flags.ts (to compare)
//
// 1. A fresh database `<DB_NAME>_load`, migrated by the real migrations, seeded through the real services
//    (as the migrations and the reception bench do): a province, 4 agencies each with a division, a
//    reception place, a regular and a periodic schedule for each of them, and in each division a reception
//    officer, a unit head and a case handler.
// 2. A COLD API (`dist/src/main.js`) and worker (`dist/src/worker.js`), each its own process, on the real
//    MariaDB and Redis, on 127.0.0.1 (a free port), with a queue prefix of their own, the rate limits raised
//    to 10,000,000 a minute (so that they are not what is measured: every request comes from 127.0.0.1)
//    and logging at `warn`. The officers log in and a few complaint cases are made through the API, one
//    request at a time.
// 3. For each level (clients = level × DB_POOL_SIZE, closed loop: each client sends its next request
//    when the last one is answered): the realistic mix (below) for --seconds, then letter intake alone for
//    --intake-seconds, then raw single-row INSERTs of a letter-like row through mysql2 (a pool of the same
//    size, the same number of clients) for --intake-seconds. Then `/health/ready` is polled for 5 s: a
//    process that stays unready is reported WEDGED, and the levels after it are skipped.
// 4. Prints per route: requests, throughput, p50/p99 latency, answers by status (`timeout` and `error`
//    for no answer); the RSS (VmRSS of /proc/<pid>/status) of the API and the worker at the start and end
//    of each level; intake throughput over raw INSERT throughput; and what the rate limiter costs: the
//    API's storage (a counter per route and client) against @nestjs/throttler's own, which keeps one
//    entry per hit in the window and filters them all on every request.
// 5. Stops the processes (SIGTERM, SIGKILL after 15 s), drops the database and the queue keys.
//
// The mix (weights): reception visits 10; letter intake 24 (post, online form, e-mail, forwarded by a
// deputy, the Fatherland Front or an agency, and letters from a visit); processing decisions 10 (accept a
// complaint letter: a case opens); complaint case steps 14 (accept, start verification, decide, send the
// decision); work lists 16 (GET /complaint-cases, GET /letters); case detail 4; the public calendar 12
// (page and JSON); receipt look-ups 10 (POST /api/v1/public/letter-status). A step that needs something
// not made yet (no letter to decide, no case to step) does the step that makes it.
import '../../src/bootstrap/require-supported-node.js'; // first: refuses a Node older than engines, before any native module loads
import 'reflect-metadata';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { createWriteStream, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { NestFactory } from '@nestjs/core';
import type { INestApplicationContext } from '@nestjs/common';
import { ThrottlerStorageService } from '@nestjs/throttler';
import Redis from 'ioredis';
import mysql from 'mysql2/promise';
import { AppModule } from '../../src/app.module.js';
import { NODE_FLAGS } from '../../src/bootstrap/node-flags.js';
import { SYSTEM_ACTOR } from '../../src/auth/domain/actor.js';
import type { Role } from '../../src/auth/domain/roles.js';
import { Clock } from '../../src/common/clock.js';
import { addDays } from '../../src/common/domain/local-date.js';
import { RateWindowStorage } from '../../src/common/http/rate-window.storage.js';
import { loadConfigFromEnvironment } from '../../src/config/load-config.js';
import { CONFIG_SECTIONS } from '../../src/config-sections.js';
import { ReceptionPlacesService } from '../../src/reception/reception-places.service.js';
import { ReceptionSchedulesService } from '../../src/reception/reception-schedules.service.js';
import { UnitsService } from '../../src/units/units.service.js';
import { UsersService } from '../../src/users/users.service.js';

const root = path.resolve(__dirname, '..', '..', '..');
const PASSWORD = 'load-harness-password-1';
const RATE_LIMIT = '10000000';
const RSS_LIMIT_MB = 300;
const READY_WAIT_MS = 5_000;
const STOP_WAIT_MS = 15_000;

// ---------------------------------------------------------------------------------------------------------
// Options

interface Options {
  seconds: number;
  intakeSeconds: number;
  levels: number[];
  pool: number | null;
  timeoutMs: number;
  minutes: number | null;
  level: number;
  runs: number;
  sampleSeconds: number;
  keepDb: boolean;
  limiterOnly: boolean;
  nodeOptions: string | null;
  nodeDefaults: boolean;
  limiterStress: number | null;
}

function parseOptions(argv: string[]): Options {
  const o: Options = {
    seconds: 20,
    intakeSeconds: 8,
    levels: [1, 2, 4],
    pool: null,
    timeoutMs: 10_000,
    minutes: null,
    level: 2,
    runs: 1,
    sampleSeconds: 30,
    keepDb: false,
    limiterOnly: false,
    nodeOptions: null,
    nodeDefaults: false,
    limiterStress: null,
  };
  const number = (name: string, value: string | undefined) => {
    const n = Number(value);
    if (!Number.isFinite(n) || n <= 0) throw new Error(`${name} needs a positive number`);
    return n;
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => argv[++i];
    if (arg === '--seconds') o.seconds = number(arg, value());
    else if (arg === '--intake-seconds') o.intakeSeconds = number(arg, value());
    else if (arg === '--levels') o.levels = (value() ?? '').split(',').map((v) => number(arg, v));
    else if (arg === '--pool') o.pool = Math.round(number(arg, value()));
    else if (arg === '--timeout') o.timeoutMs = number(arg, value());
    else if (arg === '--minutes') o.minutes = number(arg, value());
    else if (arg === '--level') o.level = number(arg, value());
    else if (arg === '--runs') o.runs = Math.round(number(arg, value()));
    else if (arg === '--sample') o.sampleSeconds = number(arg, value());
    else if (arg === '--keep-db') o.keepDb = true;
    else if (arg === '--limiter-only') o.limiterOnly = true;
    else if (arg === '--node-options') o.nodeOptions = value() ?? '';
    else if (arg === '--node-defaults') o.nodeDefaults = true;
    else if (arg === '--limiter-stress') o.limiterStress = number(arg, value());
    else throw new Error(`unknown option ${arg} (see the head of scripts/bench/load.bench.ts)`);
  }
  return o;
}

// ---------------------------------------------------------------------------------------------------------
// Small helpers

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** A wait that does not keep the process alive (a sampling loop's, raced against the traffic's end). */
const nap = (ms: number) => new Promise((r) => setTimeout(r, ms).unref());
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(Math.random() * xs.length)];
const fmt = (n: number, digits = 0) =>
  n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

/** VmRSS of a process in MB (null once it is gone). */
/** Clock ticks a second of /proc/<pid>/stat's times (`getconf CLK_TCK`; 100 on Linux). */
const CLOCK_TICKS = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout?.trim()) || 100;

/** The CPU time (user + system) a process has used, in ms (`utime + stime` of /proc/<pid>/stat). */
function cpuMs(pid: number | undefined | null): number | null {
  if (pid === undefined || pid === null) return null;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The fields after the command name: state is the 3rd field of the line, utime the 14th, stime the 15th.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
  } catch {
    return null;
  }
}

/** The CPU used so far by the API, the worker, MariaDB (when local) and this process (the load generator). */
interface CpuSnapshot {
  api: number | null;
  worker: number | null;
  db: number | null;
  generator: number;
}

function cpuSnapshot(api: number | undefined, worker: number | undefined, db: number | null): CpuSnapshot {
  const own = process.cpuUsage();
  return { api: cpuMs(api), worker: cpuMs(worker), db: cpuMs(db), generator: (own.user + own.system) / 1000 };
}

/** CPU ms per operation between two snapshots, by process (null where a process could not be read). */
function cpuPerOp(from: CpuSnapshot, to: CpuSnapshot, ops: number) {
  const per = (a: number | null, b: number | null) =>
    a === null || b === null || ops === 0 ? null : (b - a) / ops;
  return {
    api: per(from.api, to.api),
    worker: per(from.worker, to.worker),
    db: per(from.db, to.db),
    generator: per(from.generator, to.generator),
  };
}

const ms2 = (v: number | null) => (v === null ? '?' : v.toFixed(2));

/**
 * The pid of the MariaDB/MySQL server when it runs on this machine and its pid file is readable (the
 * project-local one of scripts/services.sh): its CPU time per statement is part of what intake costs.
 */
async function databasePid(pool: mysql.Pool): Promise<number | null> {
  try {
    const [rows] = await pool.query('SELECT @@pid_file AS f');
    const file = (rows as Array<{ f: string }>)[0]?.f;
    const pid = Number(readFileSync(file, 'utf8').trim());
    const comm = readFileSync(`/proc/${pid}/comm`, 'utf8');
    return /mariadbd|mysqld/.test(comm) ? pid : null;
  } catch {
    return null;
  }
}

function rssMb(pid: number | undefined): number | null {
  if (pid === undefined) return null;
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) / 1024 : null;
  } catch {
    return null;
  }
}
const mb = (n: number | null) => (n === null ? 'gone' : `${fmt(n)} MB`);

/** Today and the time now in Asia/Ho_Chi_Minh (statutory dates are local dates). */
function localNow(): { date: string; time: string; month: string } {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Ho_Chi_Minh',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date());
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '00';
  const date = `${get('year')}-${get('month')}-${get('day')}`;
  return { date, time: `${get('hour')}:${get('minute')}`, month: date.slice(0, 7) };
}

// ---------------------------------------------------------------------------------------------------------
// Figures

class RouteStats {
  readonly latencies: number[] = [];
  readonly statuses = new Map<string, number>();
  count(status: string, ms: number): void {
    this.latencies.push(ms);
    this.statuses.set(status, (this.statuses.get(status) ?? 0) + 1);
  }
  percentile(p: number): number {
    if (this.latencies.length === 0) return 0;
    const sorted = [...this.latencies].sort((a, b) => a - b);
    return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
  }
  get total(): number {
    return this.latencies.length;
  }
  answered(prefix: string): number {
    let n = 0;
    for (const [status, c] of this.statuses) if (status.startsWith(prefix)) n += c;
    return n;
  }
}

class Recorder {
  readonly routes = new Map<string, RouteStats>();
  record(route: string, status: string, ms: number): void {
    let stats = this.routes.get(route);
    if (!stats) this.routes.set(route, (stats = new RouteStats()));
    stats.count(status, ms);
  }
  sum(filter: (route: string) => boolean, of: (s: RouteStats) => number): number {
    let n = 0;
    for (const [route, s] of this.routes) if (filter(route)) n += of(s);
    return n;
  }
  print(seconds: number): void {
    console.log('| route | requests | req/s | p50 ms | p99 ms | answers |');
    console.log('|---|---:|---:|---:|---:|---|');
    for (const [route, s] of [...this.routes].sort(([a], [b]) => a.localeCompare(b))) {
      const answers = [...s.statuses]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([status, n]) => `${status}: ${n}`)
        .join(', ');
      console.log(
        `| ${route} | ${s.total} | ${fmt(s.total / seconds, 1)} | ${fmt(s.percentile(50))} | ${fmt(s.percentile(99))} | ${answers} |`,
      );
    }
  }
}

// ---------------------------------------------------------------------------------------------------------
// Seed (through the real services, as the system)

interface Desk {
  unitId: string;
  tokens: Record<'reception_officer' | 'unit_head' | 'case_handler', string>;
  emails: Record<'reception_officer' | 'unit_head' | 'case_handler', string>;
}
interface World {
  desks: Desk[];
  unitCodes: string[];
}

async function seed(app: INestApplicationContext, tag: string): Promise<World> {
  const units = app.get(UnitsService);
  const users = app.get(UsersService);
  const places = app.get(ReceptionPlacesService);
  const schedules = app.get(ReceptionSchedulesService);
  const today = app.get(Clock).today();
  const province = await units.create(SYSTEM_ACTOR, {
    code: `LT-${tag}`,
    name: 'Ủy ban nhân dân tỉnh Thử tải',
    kind: 'province',
  });
  const calendarUnits: { id: string; code: string; name: string }[] = [province];
  const desks: Desk[] = [];
  for (let i = 1; i <= 4; i++) {
    const agency = await units.create(SYSTEM_ACTOR, {
      code: `LS-${tag}-${i}`,
      name: `Sở số ${i}`,
      kind: 'agency',
      parentId: province.id,
    });
    const division = await units.create(SYSTEM_ACTOR, {
      code: `LP-${tag}-${i}`,
      name: `Phòng nghiệp vụ ${i}`,
      kind: 'division',
      parentId: agency.id,
    });
    calendarUnits.push(agency, division);
    const emails = {} as Desk['emails'];
    for (const role of ['reception_officer', 'unit_head', 'case_handler'] as const satisfies Role[]) {
      const email = `${role.replace('_', '.')}.${i}.${tag.toLowerCase()}@load.tiepdan.vn`;
      await users.create(SYSTEM_ACTOR, {
        email,
        fullName: `Cán bộ ${role} ${i}`,
        unitId: division.id,
        roles: [role],
        password: PASSWORD,
      });
      emails[role] = email;
    }
    desks.push({ unitId: division.id, emails, tokens: {} as Desk['tokens'] });
  }
  for (const [i, unit] of calendarUnits.entries()) {
    const place = await places.create(SYSTEM_ACTOR, {
      unitId: unit.id,
      name: `Trụ sở tiếp công dân ${unit.name}`,
      address: `${i + 1} Đường Cách Mạng Tháng Tám, phường Trung tâm`,
      room: 'Phòng tiếp công dân, tầng 1',
      hours: 'Sáng 7:30–11:30, chiều 13:30–17:00 các ngày làm việc',
    });
    await schedules.createSchedule(SYSTEM_ACTOR, {
      unitId: unit.id,
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
    await schedules.createSchedule(SYSTEM_ACTOR, {
      unitId: unit.id,
      kind: 'periodic',
      placeId: place.id,
      recurrence: { type: 'weekly', weekdays: [((i % 5) + 1) as 1 | 2 | 3 | 4 | 5] },
      slots: [{ startTime: '07:30', endTime: '11:30' }],
      validFrom: today,
      validUntil: addDays(today, 364),
      receiverName: `Người đứng đầu ${unit.name}`,
      receiverTitle: 'Thủ trưởng cơ quan',
      topics: 'Đất đai, chế độ chính sách, giải phóng mặt bằng',
    });
  }
  return { desks, unitCodes: calendarUnits.map((u) => u.code) };
}

// ---------------------------------------------------------------------------------------------------------
// The traffic

const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Võ', 'Đặng', 'Bùi', 'Đỗ'];
const GIVEN = ['Văn An', 'Thị Bình', 'Văn Cường', 'Thị Dung', 'Minh Đức', 'Thị Hoa', 'Quốc Khánh', 'Thị Mai'];
const digits = (n: number) => Array.from({ length: n }, () => Math.floor(Math.random() * 10)).join('');
const citizen = () => ({
  fullName: `${pick(FAMILY)} ${pick(GIVEN)}`,
  address: `Tổ ${1 + Math.floor(Math.random() * 30)}, phường Tân Phong, tỉnh Đồng Nai`,
  idNumber: `0${digits(11)}`,
  phone: `09${digits(8)}`,
});
const ALL_PASSED = [
  'language',
  'dated',
  'identified_and_signed',
  'content_complete',
  'lawful_content',
  'legible',
].map((check) => ({ check, passed: true }));
const CHANNELS: { channel: string; forwardedBy?: string }[] = [
  { channel: 'post' },
  { channel: 'post' },
  { channel: 'online_form' },
  { channel: 'online_form' },
  { channel: 'email' },
  { channel: 'na_deputy', forwardedBy: 'Đoàn đại biểu Quốc hội tỉnh' },
  { channel: 'fatherland_front', forwardedBy: 'Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh' },
  { channel: 'agency', forwardedBy: 'Sở Tài nguyên và Môi trường' },
];

/** The fields of the API's answers the traffic uses. */
interface Answer {
  id?: string;
  version?: number;
  state?: string;
  caseId?: string | null;
  receiptCode?: string;
  receiptSecret?: string;
  accessToken?: string;
  code?: string;
}
interface LetterRef {
  id: string;
  version: number;
  desk: Desk;
}
interface CaseRef {
  id: string;
  version: number;
  state: string;
  desk: Desk;
}
type Step = { event: string; role: keyof Desk['tokens']; extra?: Record<string, unknown> };
const NEXT_STEP: Record<string, Step> = {
  received: { event: 'accept', role: 'unit_head', extra: { documentRef: '01/TB-TL' } },
  accepted: { event: 'start_verification', role: 'case_handler' },
  verifying: { event: 'decide', role: 'unit_head', extra: { documentRef: '125/QĐ-UBND', outcome: 'right' } },
  decided: { event: 'send_decision', role: 'case_handler' },
};

class Traffic {
  /** Visits whose letter is still to be logged, complaint letters to decide, cases with a step to take. */
  readonly visits: { id: string; desk: Desk }[] = [];
  readonly letters: LetterRef[] = [];
  readonly cases: CaseRef[] = [];
  readonly receipts: { code: string; secret: string }[] = [];
  recorder = new Recorder();

  constructor(
    private readonly origin: string,
    private readonly world: World,
    private readonly timeoutMs: number,
  ) {}

  async send(
    route: string,
    method: string,
    url: string,
    token: string | null,
    body?: unknown,
  ): Promise<{ status: number; body: Answer } | null> {
    const started = performance.now();
    try {
      const res = await fetch(`${this.origin}${url}`, {
        method,
        headers: {
          ...(token ? { authorization: `Bearer ${token}` } : {}),
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      const text = await res.text();
      let parsed: Answer = {};
      if ((res.headers.get('content-type') ?? '').includes('json') && text)
        parsed = JSON.parse(text) as Answer;
      // A refusal is counted with its code (`503 DATABASE_BUSY`).
      const code = res.status >= 400 && typeof parsed.code === 'string' ? ` ${parsed.code}` : '';
      this.recorder.record(route, `${res.status}${code}`, performance.now() - started);
      return { status: res.status, body: parsed };
    } catch (error) {
      const name = error instanceof Error ? error.name : '';
      this.recorder.record(
        route,
        name === 'TimeoutError' || name === 'AbortError' ? 'timeout' : 'error',
        performance.now() - started,
      );
      return null;
    }
  }

  loggedInAt = 0;

  /** Every officer logs in (again: access tokens live an hour at most). */
  async login(): Promise<void> {
    for (const desk of this.world.desks) {
      for (const role of Object.keys(desk.emails) as (keyof Desk['emails'])[]) {
        const res = await this.send('POST /auth/login', 'POST', '/api/v1/auth/login', null, {
          email: desk.emails[role],
          password: PASSWORD,
        });
        if (res?.status !== 200 || !res.body.accessToken)
          throw new Error(`login failed: ${res?.status} ${JSON.stringify(res?.body)}`);
        desk.tokens[role] = res.body.accessToken;
      }
    }
    this.loggedInAt = Date.now();
  }

  async visit(desk: Desk): Promise<void> {
    const now = localNow();
    const res = await this.send(
      'POST /reception/visits',
      'POST',
      '/api/v1/reception/visits',
      desk.tokens.reception_officer,
      {
        unitId: desk.unitId,
        visitDate: now.date,
        visitTime: now.time,
        receivingOfficerName: 'Lê Văn Cường',
        citizens: [citizen()],
        peopleCount: 1,
        summary: 'Khiếu nại quyết định thu hồi đất nông nghiệp',
        contentKind: 'complaint',
        withinCompetence: true,
        outcome: 'letter_received',
      },
    );
    if (res?.status === 201 && res.body.id && this.visits.length < 1000)
      this.visits.push({ id: res.body.id, desk });
  }

  async intake(desk: Desk, route = 'POST /letters'): Promise<void> {
    const visit = Math.random() < 0.25 ? this.visits.shift() : undefined;
    const from = visit?.desk ?? desk;
    const source = visit ? { channel: 'reception_visit', visitId: visit.id } : pick(CHANNELS);
    const r = Math.random();
    const kind =
      r < 0.65
        ? {
            classification: 'complaint',
            complaintTrack: 'first_time',
            subject: 'Khiếu nại quyết định thu hồi đất',
          }
        : r < 0.9
          ? { classification: 'petition', subject: 'Kiến nghị về việc cấp giấy chứng nhận quyền sử dụng đất' }
          : { classification: 'denunciation', subject: 'Tố cáo hành vi nhận hối lộ của cán bộ địa chính xã' };
    const res = await this.send(
      `${route} (${source.channel})`,
      'POST',
      '/api/v1/letters',
      from.tokens.reception_officer,
      {
        unitId: from.unitId,
        receivedOn: localNow().date,
        ...source,
        ...kind,
        content:
          'Tôi trình bày sự việc như sau: ngày 12 tháng 3, Ủy ban nhân dân xã ban hành quyết định thu hồi 200 m2 đất nông nghiệp của gia đình tôi mà không bồi thường thỏa đáng. Đề nghị xem xét giải quyết.',
        petitioners: [citizen()],
        eligibility: ALL_PASSED,
      },
    );
    const { id, version, receiptCode, receiptSecret } = res?.status === 201 ? res.body : {};
    if (!id || version === undefined || !receiptCode || !receiptSecret) return;
    const receipt = { code: receiptCode, secret: receiptSecret };
    if (this.receipts.length < 5000) this.receipts.push(receipt);
    else this.receipts[Math.floor(Math.random() * this.receipts.length)] = receipt;
    if (kind.classification === 'complaint' && this.letters.length < 1000)
      this.letters.push({ id, version, desk: from });
  }

  async decide(desk: Desk): Promise<void> {
    const letter = this.letters.shift();
    if (!letter) return this.intake(desk);
    const res = await this.send(
      'POST /letters/:id/decision',
      'POST',
      `/api/v1/letters/${letter.id}/decision`,
      letter.desk.tokens.reception_officer,
      {
        decision: 'accept',
        decidedOn: localNow().date,
        legalBasis: 'LKN 02/2011/QH13 art. 27',
        version: letter.version,
      },
    );
    if (res?.status !== 201 || !res.body.caseId) return;
    const c = await this.send(
      'GET /complaint-cases/:id',
      'GET',
      `/api/v1/complaint-cases/${res.body.caseId}`,
      letter.desk.tokens.case_handler,
    );
    const { id, version, state } = c?.status === 200 ? c.body : {};
    if (id && version !== undefined && state && this.cases.length < 1000)
      this.cases.push({ id, version, state, desk: letter.desk });
  }

  async step(desk: Desk): Promise<void> {
    const index = this.cases.findIndex((c) => NEXT_STEP[c.state]);
    if (index < 0) return this.decide(desk);
    const [c] = this.cases.splice(index, 1);
    const step = NEXT_STEP[c.state];
    const res = await this.send(
      `POST /complaint-cases/:id/transitions (${step.event})`,
      'POST',
      `/api/v1/complaint-cases/${c.id}/transitions`,
      c.desk.tokens[step.role],
      {
        event: step.event,
        date: localNow().date,
        legalBasis: 'LKN 02/2011/QH13',
        version: c.version,
        ...step.extra,
      },
    );
    const { version, state } = res?.status === 201 || res?.status === 200 ? res.body : {};
    if (version !== undefined && state && NEXT_STEP[state]) this.cases.push({ ...c, version, state });
  }

  async listCases(desk: Desk): Promise<void> {
    const token = Math.random() < 0.5 ? desk.tokens.case_handler : desk.tokens.unit_head;
    await this.send('GET /complaint-cases', 'GET', '/api/v1/complaint-cases?page=1&pageSize=20', token);
  }

  async listLetters(desk: Desk): Promise<void> {
    await this.send(
      'GET /letters',
      'GET',
      `/api/v1/letters?unitId=${desk.unitId}&page=1&pageSize=20`,
      desk.tokens.reception_officer,
    );
  }

  async caseDetail(desk: Desk): Promise<void> {
    const c = this.cases.length ? pick(this.cases) : undefined;
    if (!c) return this.listCases(desk);
    await this.send(
      'GET /complaint-cases/:id',
      'GET',
      `/api/v1/complaint-cases/${c.id}`,
      c.desk.tokens.case_handler,
    );
  }

  async calendar(json: boolean): Promise<void> {
    const unit = pick(this.world.unitCodes);
    const month = localNow().month;
    await this.send(
      json ? 'GET /lich-tiep-cong-dan.json' : 'GET /lich-tiep-cong-dan',
      'GET',
      `/lich-tiep-cong-dan${json ? '.json' : ''}?don-vi=${unit}&thang=${month}`,
      null,
    );
  }

  unitCode(): string {
    return this.world.unitCodes[0];
  }

  async get(route: string, url: string): Promise<void> {
    await this.send(route, 'GET', url, null);
  }

  async letterStatus(): Promise<void> {
    const receipt = this.receipts.length ? pick(this.receipts) : undefined;
    if (!receipt) return this.calendar(true);
    await this.send('POST /public/letter-status', 'POST', '/api/v1/public/letter-status', null, receipt);
  }

  private readonly mix: [number, (desk: Desk) => Promise<void>][] = [
    [10, (d) => this.visit(d)],
    [24, (d) => this.intake(d)],
    [10, (d) => this.decide(d)],
    [14, (d) => this.step(d)],
    [8, (d) => this.listCases(d)],
    [8, (d) => this.listLetters(d)],
    [4, (d) => this.caseDetail(d)],
    [6, () => this.calendar(false)],
    [6, () => this.calendar(true)],
    [10, () => this.letterStatus()],
  ];

  mixed(desk: Desk): Promise<void> {
    let r = Math.random() * this.mix.reduce((n, [w]) => n + w, 0);
    for (const [weight, action] of this.mix) {
      if ((r -= weight) < 0) return action(desk);
    }
    return this.mix[0][1](desk);
  }

  /** `clients` closed-loop clients for `seconds`; each one starts no request after the end. */
  async run(clients: number, seconds: number, action: (desk: Desk) => Promise<void>): Promise<Recorder> {
    this.recorder = new Recorder();
    const end = Date.now() + seconds * 1000;
    await Promise.all(
      Array.from({ length: clients }, async (_, i) => {
        const desk = this.world.desks[i % this.world.desks.length];
        while (Date.now() < end) await action(desk);
      }),
    );
    return this.recorder;
  }
}

// ---------------------------------------------------------------------------------------------------------
// Raw single-row INSERTs of a letter-like row (the yardstick for intake)

const RAW_TABLE = `CREATE TABLE load_raw_letters (
  id CHAR(36) NOT NULL,
  unit_id CHAR(36) NOT NULL,
  receipt_code VARCHAR(20) NOT NULL,
  channel VARCHAR(20) NOT NULL,
  classification VARCHAR(20) NOT NULL,
  subject VARCHAR(500) NOT NULL,
  content TEXT NOT NULL,
  received_on DATE NOT NULL,
  status VARCHAR(20) NOT NULL,
  version INT NOT NULL,
  created_at DATETIME(3) NOT NULL,
  updated_at DATETIME(3) NOT NULL,
  CONSTRAINT pk_load_raw_letters PRIMARY KEY (id),
  CONSTRAINT uq_load_raw_letters_receipt_code UNIQUE (receipt_code),
  INDEX ix_load_raw_letters_unit_received (unit_id, received_on)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`;

async function rawInserts(
  pool: mysql.Pool,
  clients: number,
  seconds: number,
  unitId: string,
): Promise<number> {
  let count = 0;
  const end = Date.now() + seconds * 1000;
  const today = localNow().date;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (Date.now() < end) {
        const now = new Date();
        await pool.execute(
          `INSERT INTO load_raw_letters (id, unit_id, receipt_code, channel, classification, subject, content,
             received_on, status, version, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          [
            randomUUID(),
            unitId,
            `TD-${randomBytes(6).toString('hex').toUpperCase()}`,
            'post',
            'complaint',
            'Khiếu nại quyết định thu hồi đất',
            'Tôi trình bày sự việc như sau: ngày 12 tháng 3, Ủy ban nhân dân xã ban hành quyết định thu hồi đất.',
            today,
            'registered',
            1,
            now,
            now,
          ],
        );
        count++;
      }
    }),
  );
  return count / seconds;
}

// ---------------------------------------------------------------------------------------------------------
// The rate limiter: what its storage costs a request, the API's against @nestjs/throttler's own

type Storage = {
  increment: (k: string, t: number, l: number, b: number, n: string) => Promise<unknown>;
  onApplicationShutdown?: () => void;
};

/** µs a hit with `hits` hits in the window of one key, and the heap the storage keeps for them. */
async function limiterCost(make: () => Storage, hits: number): Promise<{ usPerHit: number; bytes: number }> {
  const gc = () => {
    global.gc?.();
    global.gc?.();
  };
  gc();
  const heapBefore = process.memoryUsage().heapUsed;
  const storage = make();
  for (let i = 0; i < hits; i++) await storage.increment('key', 60_000, 1e9, 60_000, 'default');
  gc();
  const bytes = process.memoryUsage().heapUsed - heapBefore;
  // 500 more hits with the window full: the cost of one request at this rate.
  const started = performance.now();
  for (let i = 0; i < 500; i++) await storage.increment('key', 60_000, 1e9, 60_000, 'default');
  const usPerHit = ((performance.now() - started) * 1000) / 500;
  storage.onApplicationShutdown?.();
  return { usPerHit, bytes };
}

async function printLimiterFindings(maxRoutePerMinute: number): Promise<void> {
  console.log('\n## Rate limiter');
  console.log(
    `Every request here comes from 127.0.0.1, so the limiter has one key a route; the busiest route took ${fmt(maxRoutePerMinute)} requests a minute. The API uses RateWindowStorage (a sliding window counter per key); @nestjs/throttler's own storage keeps a list of every hit in the window per key and filters it on every request:`,
  );
  console.log('| storage | hits in the window (one key) | µs a hit | heap kept for the key |');
  console.log('|---|---:|---:|---:|');
  const storages: [string, () => Storage][] = [
    ['@nestjs/throttler 6.7 ThrottlerStorageService', () => new ThrottlerStorageService()],
    ['RateWindowStorage (the API’s)', () => new RateWindowStorage()],
  ];
  for (const [name, make] of storages) {
    for (const size of [1_000, 5_000, 15_000]) {
      const { usPerHit, bytes } = await limiterCost(make, size);
      console.log(`| ${name} | ${fmt(size)} | ${fmt(usPerHit, 1)} | ${fmt(Math.max(0, bytes) / 1024)} KiB |`);
    }
  }
}

// ---------------------------------------------------------------------------------------------------------
// Processes

function startProcess(
  name: string,
  script: string,
  flags: readonly string[],
  env: NodeJS.ProcessEnv,
  logFile: string,
): ChildProcess {
  const child = spawn(process.execPath, [...flags, path.join(root, script)], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const log = createWriteStream(logFile, { flags: 'a' });
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  child.once('exit', (code, signal) => {
    if (!stopping) console.log(`!! the ${name} exited (${code ?? signal}) — see ${logFile}`);
  });
  return child;
}
let stopping = false;

async function stopProcess(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), STOP_WAIT_MS);
  await exited;
  clearTimeout(timer);
}

async function waitUntilLive(url: string, child: ChildProcess): Promise<void> {
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error(`the API exited with ${child.exitCode}`);
    try {
      if ((await fetch(url, { signal: AbortSignal.timeout(1000) })).ok) return;
    } catch {
      // not listening yet
    }
    await sleep(100);
  }
  throw new Error('the API did not start in 60 s');
}

/** `/health/ready` polled for up to 5 s: 'ready', or the last answer. */
async function readiness(origin: string): Promise<{ ready: boolean; detail: string; ms: number }> {
  const started = Date.now();
  let detail = '';
  while (Date.now() - started < READY_WAIT_MS) {
    try {
      const res = await fetch(`${origin}/health/ready`, { signal: AbortSignal.timeout(2000) });
      if (res.status === 200) return { ready: true, detail: '200', ms: Date.now() - started };
      detail = `${res.status} ${(await res.text()).slice(0, 200)}`;
    } catch (error) {
      detail = error instanceof Error ? error.name : String(error);
    }
    await sleep(250);
  }
  return { ready: false, detail, ms: Date.now() - started };
}

// ---------------------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  if (options.limiterOnly) return printLimiterFindings(0);
  const base = loadConfigFromEnvironment(CONFIG_SECTIONS);
  const pool = options.pool ?? base.db.poolSize;
  const tag = randomBytes(3).toString('hex').toUpperCase();
  const database = `${base.db.name}_load`;
  const queuePrefix = `${base.queue.prefix}-load-${tag.toLowerCase()}`;
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  Object.assign(process.env, {
    DB_NAME: database,
    DB_POOL_SIZE: String(pool),
    HTTP_HOST: '127.0.0.1',
    HTTP_PORT: String(port),
    PUBLIC_BASE_URL: origin,
    LOG_LEVEL: 'warn',
    LOG_PRETTY: 'false',
    QUEUE_PREFIX: queuePrefix,
    RATE_LIMIT_PUBLIC_PER_MINUTE: RATE_LIMIT,
    RATE_LIMIT_DEFAULT_PER_MINUTE: RATE_LIMIT,
    ACCESS_TOKEN_TTL_SECONDS: '3600',
  });
  const logDir = tmpdir();
  const apiLog = path.join(logDir, `tiepdan-load-${tag}-api.log`);
  const workerLog = path.join(logDir, `tiepdan-load-${tag}-worker.log`);

  const admin = await mysql.createConnection({
    host: base.db.host,
    port: base.db.port,
    user: base.db.user,
    password: base.db.password,
  });
  let api: ChildProcess | undefined;
  let worker: ChildProcess | undefined;
  let raw: mysql.Pool | undefined;
  const cleanup = async () => {
    stopping = true;
    await Promise.all([stopProcess(api), stopProcess(worker)]);
    await raw?.end().catch(() => undefined);
    if (!options.keepDb) await admin.query(`DROP DATABASE IF EXISTS \`${database}\``).catch(() => undefined);
    await admin.end().catch(() => undefined);
    const redis = new Redis({
      host: base.redis.host,
      port: base.redis.port,
      password: base.redis.password ?? undefined,
      db: base.redis.db,
      lazyConnect: true,
      maxRetriesPerRequest: 1,
    });
    try {
      await redis.connect();
      let cursor = '0';
      do {
        const [next, keys] = await redis.scan(cursor, 'MATCH', `${queuePrefix}:*`, 'COUNT', 1000);
        if (keys.length) await redis.del(...keys);
        cursor = next;
      } while (cursor !== '0');
    } catch {
      // Redis gone: nothing to clean
    } finally {
      redis.disconnect();
    }
  };
  let interrupted = false;
  process.once('SIGINT', () => {
    interrupted = true;
    console.log('\ninterrupted: stopping the processes');
    void cleanup().finally(() => process.exit(130));
  });

  try {
    await admin.query(`DROP DATABASE IF EXISTS \`${database}\``);
    await admin.query(`CREATE DATABASE \`${database}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
    const migrate = spawnSync(
      process.execPath,
      [path.join(root, 'scripts/run-built.cjs'), 'typeorm', 'migration:run'],
      { cwd: root, env: process.env, encoding: 'utf8' },
    );
    if (migrate.status !== 0) throw new Error(`migrations failed:\n${migrate.stdout}${migrate.stderr}`);
    await admin.query(`USE \`${database}\``);
    await admin.query(RAW_TABLE);

    const seeding = Date.now();
    const context = await NestFactory.createApplicationContext(
      AppModule.forRoot(loadConfigFromEnvironment(CONFIG_SECTIONS)),
      {
        logger: false,
      },
    );
    const world = await seed(context, tag);
    await context.close();
    console.log(
      `# bench:load ${new Date().toISOString()}, DB_POOL_SIZE ${pool}, node ${process.version} ${options.nodeDefaults ? '(no V8 flags)' : NODE_FLAGS.join(' ')}${options.nodeOptions ? `, NODE_OPTIONS ${options.nodeOptions}` : ''}\n` +
        `seeded ${world.unitCodes.length} units with reception places and schedules, ${world.desks.length * 3} officers, in ${((Date.now() - seeding) / 1000).toFixed(1)} s; logs: ${apiLog}, ${workerLog}`,
    );

    // Cold processes.
    const env =
      options.nodeOptions === null ? process.env : { ...process.env, NODE_OPTIONS: options.nodeOptions };
    // As every launcher starts them (src/bootstrap/node-flags.ts), unless --node-defaults.
    const flags = options.nodeDefaults ? [] : NODE_FLAGS;
    api = startProcess('API', 'dist/src/main.js', flags, env, apiLog);
    worker = startProcess('worker', 'dist/src/worker.js', flags, env, workerLog);
    await waitUntilLive(`${origin}/health/live`, api);
    const traffic = new Traffic(origin, world, options.timeoutMs);
    await traffic.login();
    // A few cases to step on, one request at a time.
    for (const desk of world.desks) {
      for (let i = 0; i < 2; i++) {
        await traffic.intake(desk);
        await traffic.decide(desk);
      }
    }
    console.log(
      `API pid ${api.pid} (RSS ${mb(rssMb(api.pid))}), worker pid ${worker.pid} (RSS ${mb(rssMb(worker.pid))}); ${traffic.cases.length} cases to step on`,
    );
    raw = mysql.createPool({
      host: base.db.host,
      port: base.db.port,
      user: base.db.user,
      password: base.db.password,
      database,
      connectionLimit: pool,
    });

    let failed = false;
    let maxRoutePerMinute = 0;
    if (options.limiterStress !== null) {
      failed = await limiterStress(options, pool, traffic, api);
    } else if (options.minutes !== null) {
      failed = await soak(options, pool, traffic, origin, api, worker);
    } else {
      const summary: string[] = [];
      const cpuSummary: string[] = [];
      const dbPid = await databasePid(raw);
      for (const level of options.levels) {
        if (interrupted) break;
        const clients = Math.max(1, Math.round(level * pool));
        console.log(`\n## ${level}× DB_POOL_SIZE: ${clients} clients`);
        const rssStart = [rssMb(api.pid), rssMb(worker.pid)];
        const mix = await traffic.run(clients, options.seconds, (d) => traffic.mixed(d));
        console.log(`\n### The mix, ${options.seconds} s`);
        mix.print(options.seconds);
        for (const s of mix.routes.values())
          maxRoutePerMinute = Math.max(maxRoutePerMinute, (s.total / options.seconds) * 60);
        const cpuBeforeIntake = cpuSnapshot(api.pid, worker.pid, dbPid);
        const intake = await traffic.run(clients, options.intakeSeconds, (d) =>
          traffic.intake(d, 'intake only: POST /letters'),
        );
        console.log(`\n### Letter intake alone, ${options.intakeSeconds} s`);
        intake.print(options.intakeSeconds);
        const intakeRate =
          intake.sum(
            () => true,
            (s) => s.answered('201'),
          ) / options.intakeSeconds;
        const cpuAfterIntake = cpuSnapshot(api.pid, worker.pid, dbPid);
        const rawRate = await rawInserts(raw, clients, options.intakeSeconds, world.desks[0].unitId);
        const cpuAfterRaw = cpuSnapshot(api.pid, worker.pid, dbPid);
        const intakeCpu = cpuPerOp(cpuBeforeIntake, cpuAfterIntake, intakeRate * options.intakeSeconds);
        const rawCpu = cpuPerOp(cpuAfterIntake, cpuAfterRaw, rawRate * options.intakeSeconds);
        const intakeCpuTotal = [intakeCpu.api, intakeCpu.worker, intakeCpu.db, intakeCpu.generator].reduce(
          (a: number, b) => a + (b ?? 0),
          0,
        );
        const rawCpuTotal = (rawCpu.db ?? 0) + (rawCpu.generator ?? 0);
        const rssEnd = [rssMb(api.pid), rssMb(worker.pid)];
        const ready = await readiness(origin);
        const fivexx =
          mix.sum(
            () => true,
            (s) => s.answered('5'),
          ) +
          intake.sum(
            () => true,
            (s) => s.answered('5'),
          );
        const timeouts =
          mix.sum(
            () => true,
            (s) => s.statuses.get('timeout') ?? 0,
          ) +
          intake.sum(
            () => true,
            (s) => s.statuses.get('timeout') ?? 0,
          );
        const intakeP99 = intake.routes.size
          ? Math.max(...[...intake.routes.values()].map((s) => s.percentile(99)))
          : 0;
        console.log(
          `\nintake ${fmt(intakeRate, 1)} letters/s (201s), raw single-row INSERTs ${fmt(rawRate)} /s: ratio ${(intakeRate / rawRate).toFixed(3)} (target ≥ 0.10, aim 0.25)`,
        );
        console.log(
          `CPU ms per letter: API ${ms2(intakeCpu.api)}, worker ${ms2(intakeCpu.worker)}, MariaDB ${ms2(intakeCpu.db)}, load generator ${ms2(intakeCpu.generator)} (${ms2(intakeCpuTotal)}); per raw INSERT: MariaDB ${ms2(rawCpu.db)}, load generator ${ms2(rawCpu.generator)} (${ms2(rawCpuTotal)}); CPU ratio ${(rawCpuTotal / intakeCpuTotal).toFixed(3)}`,
        );
        cpuSummary.push(
          `| ${level}× (${clients}) | ${ms2(intakeCpu.api)} | ${ms2(intakeCpu.worker)} | ${ms2(intakeCpu.db)} | ${ms2(intakeCpu.generator)} | ${ms2(rawCpu.db)} | ${ms2(rawCpu.generator)} | ${(rawCpuTotal / intakeCpuTotal).toFixed(3)} |`,
        );
        console.log(
          `RSS API ${mb(rssStart[0])} → ${mb(rssEnd[0])}, worker ${mb(rssStart[1])} → ${mb(rssEnd[1])}; 5xx ${fivexx}, timeouts ${timeouts}; /health/ready: ${ready.ready ? `200 after ${ready.ms} ms` : `WEDGED (not ready for ${ready.ms} ms: ${ready.detail})`}`,
        );
        summary.push(
          `| ${level}× (${clients}) | ${fmt(
            mix.sum(
              () => true,
              (s) => s.total,
            ) / options.seconds,
            1,
          )} | ${fmt(intakeRate, 1)} | ${fmt(rawRate)} | ${(intakeRate / rawRate).toFixed(3)} | ${fmt(intakeP99)} | ${fivexx} | ${timeouts} | ${mb(rssStart[0])} → ${mb(rssEnd[0])} | ${mb(rssStart[1])} → ${mb(rssEnd[1])} | ${ready.ready ? 'ready' : 'WEDGED'} |`,
        );
        failed ||= fivexx > 0 || timeouts > 0 || !ready.ready;
        if (!ready.ready) {
          console.log('the API stays unready: WEDGED; the levels after this one are skipped');
          break;
        }
      }
      console.log('\n## Summary');
      console.log(
        '| level (clients) | mix req/s | intake letters/s | raw INSERTs/s | ratio | intake p99 ms | 5xx | timeouts | API RSS | worker RSS | after |',
      );
      console.log('|---|---:|---:|---:|---:|---:|---:|---:|---|---|---|');
      for (const line of summary) console.log(line);
      console.log(
        '\nCPU time per operation (ms, user + system, from /proc: what a letter costs whatever else the machine runs; MariaDB `?` when it is not local):',
      );
      console.log(
        '| level (clients) | letter: API | worker | MariaDB | load generator | raw INSERT: MariaDB | load generator | CPU ratio |',
      );
      console.log('|---|---:|---:|---:|---:|---:|---:|---:|');
      for (const line of cpuSummary) console.log(line);
      await printLimiterFindings(maxRoutePerMinute);
    }
    if (failed) process.exitCode = 1;
  } finally {
    if (!interrupted) await cleanup();
  }
}

/**
 * One cheap, cached public route (the calendar JSON of one unit) from one address as fast as it goes:
 * every hit lands on one limiter key, so a storage that keeps each hit of the window shows here.
 */
async function limiterStress(
  options: Options,
  pool: number,
  traffic: Traffic,
  api: ChildProcess,
): Promise<boolean> {
  const clients = Math.max(1, Math.round(options.level * pool));
  const seconds = options.limiterStress ?? 60;
  const url = `/lich-tiep-cong-dan.json?don-vi=${traffic.unitCode()}&thang=${localNow().month}`;
  console.log(`\n## Limiter stress: GET ${url}, ${clients} clients, ${seconds} s, one limiter key`);
  console.log('| second | API RSS | req/s since last | p50 ms (all so far) | p99 ms (all so far) |');
  console.log('|---:|---:|---:|---:|---:|');
  console.log(`| 0 | ${mb(rssMb(api.pid))} | | | |`);
  const done = traffic.run(clients, seconds, () => traffic.get('stress', url));
  let finished = false;
  void done.then(() => (finished = true));
  const started = Date.now();
  let last = { total: 0, at: started };
  while (!finished) {
    await Promise.race([done, nap(10_000)]);
    const stats = traffic.recorder.routes.get('stress');
    const now = { total: stats?.total ?? 0, at: Date.now() };
    if (now.at - last.at < 1000) continue;
    console.log(
      `| ${Math.round((now.at - started) / 1000)} | ${mb(rssMb(api.pid))} | ${fmt((now.total - last.total) / ((now.at - last.at) / 1000))} | ${fmt(stats?.percentile(50) ?? 0, 1)} | ${fmt(stats?.percentile(99) ?? 0, 1)} |`,
    );
    last = now;
  }
  const recorder = await done;
  recorder.print(seconds);
  return (
    recorder.sum(
      () => true,
      (s) => s.total - s.answered('2'),
    ) > 0
  );
}

/** The mix for --minutes at one level, --runs times, the RSS sampled every --sample seconds. */
async function soak(
  options: Options,
  pool: number,
  traffic: Traffic,
  origin: string,
  api: ChildProcess,
  worker: ChildProcess,
): Promise<boolean> {
  const clients = Math.max(1, Math.round(options.level * pool));
  const minutes = options.minutes ?? 10;
  console.log(
    `\n## Soak: the mix at ${options.level}× DB_POOL_SIZE (${clients} clients), ${minutes} min, ${options.runs} run(s)`,
  );
  console.log('| run | minute | API RSS | worker RSS | req/s since last | 5xx | timeouts |');
  console.log('|---:|---:|---:|---:|---:|---:|---:|');
  let failed = false;
  const ends: number[] = [];
  for (let run = 1; run <= options.runs; run++) {
    if (Date.now() - traffic.loggedInAt > 30 * 60_000) await traffic.login();
    const started = Date.now();
    console.log(`| ${run} | 0.0 | ${mb(rssMb(api.pid))} | ${mb(rssMb(worker.pid))} | | | |`);
    let last = { total: 0, fivexx: 0, timeouts: 0, at: started };
    const done = traffic.run(clients, minutes * 60, (d) => traffic.mixed(d));
    let finished = false;
    void done.then(() => (finished = true));
    let maxRss = 0;
    while (!finished) {
      await Promise.race([done, nap(options.sampleSeconds * 1000)]);
      const r = traffic.recorder;
      const now = {
        total: r.sum(
          () => true,
          (s) => s.total,
        ),
        fivexx: r.sum(
          () => true,
          (s) => s.answered('5'),
        ),
        timeouts: r.sum(
          () => true,
          (s) => s.statuses.get('timeout') ?? 0,
        ),
        at: Date.now(),
      };
      // The run's end, just after a sample: nothing new to say.
      if (now.at - last.at < 1000) continue;
      const elapsed = (Date.now() - started) / 60_000;
      const rss = rssMb(api.pid);
      maxRss = Math.max(maxRss, rss ?? 0);
      console.log(
        `| ${run} | ${elapsed.toFixed(1)} | ${mb(rss)} | ${mb(rssMb(worker.pid))} | ${fmt((now.total - last.total) / ((now.at - last.at) / 1000), 1)} | ${now.fivexx - last.fivexx} | ${now.timeouts - last.timeouts} |`,
      );
      last = now;
    }
    const recorder = await done;
    const ready = await readiness(origin);
    const end = rssMb(api.pid) ?? 0;
    ends.push(end);
    console.log(`\n### Run ${run}: per route`);
    recorder.print(minutes * 60);
    console.log(
      `run ${run}: API RSS at the end ${mb(end)}, highest ${mb(maxRss)} (limit ${RSS_LIMIT_MB} MB); /health/ready: ${ready.ready ? 'ready' : `WEDGED (${ready.detail})`}\n`,
    );
    failed ||= maxRss >= RSS_LIMIT_MB || !ready.ready || last.fivexx > 0;
    if (!ready.ready) break;
  }
  if (ends.length > 1) {
    const growth = ends[ends.length - 1] - ends[0];
    console.log(
      `API RSS at the end of each run: ${ends.map((e) => mb(e)).join(', ')} (growth ${fmt(growth)} MB)`,
    );
  }
  return failed;
}

main().catch((error: unknown) => {
  console.error('bench:load failed:', error instanceof Error ? error.message : error);
  process.exit(1);
});
