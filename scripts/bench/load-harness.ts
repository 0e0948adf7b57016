// The parts of the load harness every load benchmark shares (docs/load.md): a fresh database migrated by
// the real migrations and seeded through the real services, a cold API and worker on the real MariaDB and
// Redis, the officers' traffic (the mix of `bench:load`) and its figures, and the clean-up afterwards.
// `bench:load` (load.bench.ts) and `bench:form-flood` (form-flood.bench.ts) are built on it.
import '../../src/bootstrap/require-supported-node.js'; // first, as in every entry point: refuses an old Node
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { NestFactory } from '@nestjs/core';
import type { INestApplicationContext } from '@nestjs/common';
import Redis from 'ioredis';
import mysql from 'mysql2/promise';
import { AppModule } from '../../src/app.module.js';
import { NODE_FLAGS } from '../../src/bootstrap/node-flags.js';
import { SYSTEM_ACTOR } from '../../src/auth/domain/actor.js';
import type { Role } from '../../src/auth/domain/roles.js';
import { Clock } from '../../src/common/clock.js';
import { addDays } from '../../src/common/domain/local-date.js';
import type { AppConfig } from '../../src/config/app-config.js';
import { loadConfigFromEnvironment } from '../../src/config/load-config.js';
import { CONFIG_SECTIONS } from '../../src/config-sections.js';
import { ReceptionPlacesService } from '../../src/reception/reception-places.service.js';
import { ReceptionSchedulesService } from '../../src/reception/reception-schedules.service.js';
import { UnitsService } from '../../src/units/units.service.js';
import { UsersService } from '../../src/users/users.service.js';
import { isSureAnswer, Ledger, worthRetrying } from './cluster-ledger.js';
import { PROBE } from './memory.js';

export const root = path.resolve(__dirname, '..', '..', '..');
const PASSWORD = 'load-harness-password-1';
export const RATE_LIMIT = '10000000';
const READY_WAIT_MS = 5_000;
const STOP_WAIT_MS = 15_000;

// ---------------------------------------------------------------------------------------------------------
// Small helpers

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** A wait that does not keep the process alive (a sampling loop's, raced against the traffic's end). */
export const nap = (ms: number) => new Promise((r) => setTimeout(r, ms).unref());
export const pick = <T>(xs: readonly T[]): T => xs[Math.floor(Math.random() * xs.length)];
export const fmt = (n: number, digits = 0) =>
  n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

export function freePort(): Promise<number> {
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
export function cpuMs(pid: number | undefined | null): number | null {
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
export interface CpuSnapshot {
  api: number | null;
  worker: number | null;
  db: number | null;
  generator: number;
}

export function cpuSnapshot(
  api: number | undefined,
  worker: number | undefined,
  db: number | null,
): CpuSnapshot {
  const own = process.cpuUsage();
  return { api: cpuMs(api), worker: cpuMs(worker), db: cpuMs(db), generator: (own.user + own.system) / 1000 };
}

/** CPU ms per operation between two snapshots, by process (null where a process could not be read). */
export function cpuPerOp(from: CpuSnapshot, to: CpuSnapshot, ops: number) {
  const per = (a: number | null, b: number | null) =>
    a === null || b === null || ops === 0 ? null : (b - a) / ops;
  return {
    api: per(from.api, to.api),
    worker: per(from.worker, to.worker),
    db: per(from.db, to.db),
    generator: per(from.generator, to.generator),
  };
}

export const ms2 = (v: number | null) => (v === null ? '?' : v.toFixed(2));

/**
 * The pid of the MariaDB/MySQL server when it runs on this machine and its pid file is readable (the
 * project-local one of scripts/services.sh): its CPU time per statement is part of what intake costs.
 */
export async function databasePid(pool: mysql.Pool): Promise<number | null> {
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

/** A memory line of /proc/<pid>/status (`VmRSS`, `VmHWM`), in MB; null once the process is gone. */
function statusMb(pid: number | undefined, field: 'VmRSS' | 'VmHWM'): number | null {
  if (pid === undefined) return null;
  try {
    const match = new RegExp(`${field}:\\s+(\\d+) kB`).exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) / 1024 : null;
  } catch {
    return null;
  }
}

/** A process's resident memory now, in MB. */
export const rssMb = (pid: number | undefined) => statusMb(pid, 'VmRSS');
export const mb = (n: number | null) => (n === null ? 'gone' : `${fmt(n)} MB`);

/** The highest RSS a process has had (VmHWM, kept by the kernel), in MB. */
export const peakRssMb = (pid: number | undefined) => statusMb(pid, 'VmHWM');

/** Today and the time now in Asia/Ho_Chi_Minh (statutory dates are local dates). */
export function localNow(): { date: string; time: string; month: string } {
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

export class RouteStats {
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

export class Recorder {
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

export interface Desk {
  unitId: string;
  tokens: Record<'reception_officer' | 'unit_head' | 'case_handler', string>;
  emails: Record<'reception_officer' | 'unit_head' | 'case_handler', string>;
}
export interface World {
  desks: Desk[];
  unitCodes: string[];
}

export async function seed(app: INestApplicationContext, tag: string): Promise<World> {
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
export const citizen = () => ({
  fullName: `${pick(FAMILY)} ${pick(GIVEN)}`,
  address: `Tổ ${1 + Math.floor(Math.random() * 30)}, phường Tân Phong, tỉnh Đồng Nai`,
  idNumber: `0${digits(11)}`,
  phone: `09${digits(8)}`,
});
/** POSTs that write nothing: sent again like a GET when no instance answered. */
const IDEMPOTENT_POSTS = new Set(['/api/v1/public/letter-status', '/api/v1/auth/login']);

export const ALL_PASSED = [
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
export interface Answer {
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

export class Traffic {
  /** Visits whose letter is still to be logged, complaint letters to decide, cases with a step to take. */
  readonly visits: { id: string; desk: Desk }[] = [];
  readonly letters: LetterRef[] = [];
  readonly cases: CaseRef[] = [];
  readonly receipts: { code: string; secret: string }[] = [];
  recorder = new Recorder();
  /** What clients were told was written, and the writes with no sure answer (bench:cluster). */
  readonly ledger = new Ledger();
  /** Times an idempotent request is sent again when no instance answered it (see send). */
  retries = 0;
  retried = 0;

  constructor(
    private readonly origin: string,
    private readonly world: World,
    private readonly timeoutMs: number,
  ) {}

  /**
   * Sends a request; an idempotent one (a GET, a receipt look-up, a login) that found no instance to
   * answer it (no answer, a 502/503/504 of the balancer) is sent again up to `retries` times — 0 unless a
   * benchmark sets it (`bench:cluster`, whose instances die under it). Writes are never sent twice: the
   * API takes no idempotency key, and a write whose answer was lost may have happened.
   */
  async send(
    route: string,
    method: string,
    url: string,
    token: string | null,
    body?: unknown,
  ): Promise<{ status: number; body: Answer } | null> {
    const idempotent = method === 'GET' || IDEMPOTENT_POSTS.has(url);
    for (let attempt = 0; ; attempt++) {
      const res = await this.sendOnce(route, method, url, token, body);
      if (!idempotent || attempt >= this.retries || !worthRetrying(res?.status ?? null, res?.body.code))
        return res;
      this.retried++;
      await sleep(Math.min(50 * 2 ** attempt, 1000));
    }
  }

  private async sendOnce(
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

  /** A write's outcome in the ledger: its id when it was made, or one more unsure write. */
  private note(kind: string, res: { status: number; body: Answer } | null, id: string | undefined): void {
    if ((res?.status === 201 || res?.status === 200) && id) this.ledger.told(kind, id);
    else if (!isSureAnswer(res?.status ?? null)) this.ledger.unsure(kind);
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
    this.note('visits', res, res?.body.id);
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
    this.note('letters', res, res?.body.id);
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
    this.note('complaint cases', res, res?.body.caseId ?? undefined);
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
    this.note('case steps', res, res?.body.version === undefined ? undefined : `${c.id}@${res.body.version}`);
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
// Processes

export function startProcess(
  name: string,
  script: string,
  flags: readonly string[],
  env: NodeJS.ProcessEnv,
  logFile: string,
  { probe = false }: { probe?: boolean } = {},
): ChildProcess {
  // With the probe: loaded first (`--require`, not NODE_OPTIONS, so that nothing the process spawns
  // inherits it) and an IPC channel to ask it through (memoryOf, heapSnapshot).
  const child = spawn(
    process.execPath,
    [...flags, ...(probe ? ['--require', PROBE] : []), path.join(root, script)],
    { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe', ...(probe ? (['ipc'] as const) : [])] },
  );
  // The harness's end of the channel keeps nothing alive either.
  child.channel?.unref();
  const log = createWriteStream(logFile, { flags: 'a' });
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  child.once('exit', (code, signal) => {
    if (!stopping) console.log(`!! the ${name} exited (${code ?? signal}) — see ${logFile}`);
  });
  return child;
}
let stopping = false;
/** The processes are being stopped on purpose: their exits are not reported. */
export function stoppingOnPurpose(): void {
  stopping = true;
}

export async function stopProcess(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), STOP_WAIT_MS);
  await exited;
  clearTimeout(timer);
}

export async function waitUntilLive(url: string, child: ChildProcess): Promise<void> {
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
export async function readiness(origin: string): Promise<{ ready: boolean; detail: string; ms: number }> {
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
// The system under load

export interface SystemOptions {
  /** The benchmark's name, in its first line. */
  name: string;
  /** DB_POOL_SIZE of the API and the worker (null: the configured one). */
  pool: number | null;
  timeoutMs: number;
  keepDb: boolean;
  nodeOptions: string | null;
  nodeDefaults: boolean;
  /** Node/V8 flags of both processes instead of NODE_FLAGS (src/bootstrap/node-flags.ts), to compare. */
  nodeFlags?: string[] | null;
  /** More settings of the API and the worker. */
  env?: Record<string, string>;
  /** Runs on the migrated database before the seed (the connection is `USE`-ing it). */
  prepare?: (admin: mysql.Connection) => Promise<void>;
}

export interface System {
  base: AppConfig;
  pool: number;
  tag: string;
  database: string;
  origin: string;
  world: World;
  api: ChildProcess;
  worker: ChildProcess;
  traffic: Traffic;
  /** Interrupted (SIGINT): the clean-up is already running. */
  interrupted(): boolean;
  /** Stops the processes, drops the database (unless keepDb) and the queue keys. */
  cleanup(): Promise<void>;
}

/**
 * A fresh database `<DB_NAME>_load`, migrated and seeded, a COLD API (`dist/src/main.js`) and worker
 * (`dist/src/worker.js`) on 127.0.0.1 (a free port) with a queue prefix of their own, the rate limits
 * raised (so they are not what is measured), logging at `warn`; the officers logged in and a few
 * complaint cases made, one request at a time.
 */
export async function startSystem(options: SystemOptions): Promise<System> {
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
    ...options.env,
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
  let cleaned: Promise<void> | undefined;
  const cleanup = () =>
    (cleaned ??= (async () => {
      stopping = true;
      await Promise.all([stopProcess(api), stopProcess(worker)]);
      if (!options.keepDb)
        await admin.query(`DROP DATABASE IF EXISTS \`${database}\``).catch(() => undefined);
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
    })());
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
    await options.prepare?.(admin);

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
      `# ${options.name} ${new Date().toISOString()}, DB_POOL_SIZE ${pool}, node ${process.version} ${options.nodeFlags ? options.nodeFlags.join(' ') || '(no flags)' : options.nodeDefaults ? '(no V8 flags)' : NODE_FLAGS.join(' ')}${options.env?.MALLOC_ARENA_MAX ? `, MALLOC_ARENA_MAX ${options.env.MALLOC_ARENA_MAX}` : ''}${options.nodeOptions ? `, NODE_OPTIONS ${options.nodeOptions}` : ''}\n` +
        `seeded ${world.unitCodes.length} units with reception places and schedules, ${world.desks.length * 3} officers, in ${((Date.now() - seeding) / 1000).toFixed(1)} s; logs: ${apiLog}, ${workerLog}`,
    );

    // Cold processes.
    const env =
      options.nodeOptions === null ? process.env : { ...process.env, NODE_OPTIONS: options.nodeOptions };
    // As every launcher starts them (src/bootstrap/node-flags.ts), unless --node-defaults.
    const flags = options.nodeFlags ?? (options.nodeDefaults ? [] : NODE_FLAGS);
    api = startProcess('API', 'dist/src/main.js', flags, env, apiLog, { probe: true });
    worker = startProcess('worker', 'dist/src/worker.js', flags, env, workerLog, { probe: true });
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
    return {
      base,
      pool,
      tag,
      database,
      origin,
      world,
      api,
      worker,
      traffic,
      interrupted: () => interrupted,
      cleanup,
    };
  } catch (error) {
    if (!interrupted) await cleanup();
    throw error;
  }
}
