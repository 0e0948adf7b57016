// Public reception calendar benchmark: `npm run bench:reception`.
//
// 1. A fresh database `<DB_NAME>_bench`, migrated by the real migrations, seeded through the real services
//    with 200 units (a province, 40 agencies, 159 communes), each with a reception place, a regular
//    schedule and a year of periodic sessions (agencies monthly, communes weekly, the province monthly),
//    some cancelled and postponed.
// 2. The API (`dist/src/main.js`) started as its own process on 127.0.0.1 (a free port) as behind a reverse
//    proxy (TRUST_PROXY=true), with the production public rate limit (60 a minute per client), request
//    logging at `warn` (the health probes are never logged; this keeps both sides equal).
//    Every request carries an X-Forwarded-For address drawn from CLIENTS addresses: the load is many
//    citizens, as in production, not one client hammering the limiter (its per-client window is a list
//    of hits that one client at thousands of requests a second would make the bottleneck).
// 3. autocannon, 50 connections, 5 s a run, in 3 rounds of `/health/live`, a target, `/health/live`, the
//    next target, `/health/live`…:
//    the calendar page and JSON for one unit and month, the same for a random unit each request, the page
//    revalidated with If-None-Match (304), the iCalendar feed of a unit, and the all-units views (a random
//    page each request). Prints the median requests per second, latency, and the median ratio to the two
//    `/health/live` runs around each target run, with the machine's load average.
//
// Options: `--only=<regex>` runs the targets whose name matches; `--cpu-prof=<dir>` starts the API with
// `node --cpu-prof` and writes its profile there when the API stops (open it in Chrome DevTools or
// summarise it with scripts/bench/cpu-profile-top.ts); `--api=<file>` starts another build's
// `dist/src/main.js` (an older commit's, for a comparison on the same data and the same machine);
// `--identity` sends no Accept-Encoding (every request gets the bytes as they are);
// `--compare=<file>` starts that build beside this one, on the same data, and measures both in turn —
// each target run of one followed by the same run of the other, each between its own `/health/live`
// runs — then prints a table for each and their ratios side by side: an A/B that a noisy machine
// disturbs both sides of alike.
import '../../src/bootstrap/require-supported-node.js'; // first: refuses a Node older than engines, before any native module loads
import 'reflect-metadata';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { loadavg } from 'node:os';
import path from 'node:path';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import mysql from 'mysql2/promise';
import { AppModule } from '../../src/app.module.js';
import { SYSTEM_ACTOR } from '../../src/auth/domain/actor.js';
import { addDays } from '../../src/common/domain/local-date.js';
import { loadConfigFromEnvironment } from '../../src/config/load-config.js';
import { CONFIG_SECTIONS } from '../../src/config-sections.js';
import { Clock } from '../../src/common/clock.js';
import { ReceptionPlacesService } from '../../src/reception/reception-places.service.js';
import { ReceptionSchedulesService } from '../../src/reception/reception-schedules.service.js';
import { ReceptionSessionsService } from '../../src/reception/reception-sessions.service.js';
import type { UnitKind } from '../../src/units/domain/unit-kind.js';
import { UnitsService } from '../../src/units/units.service.js';

interface AutocannonResult {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number };
  throughput: { average: number };
  non2xx: number;
  errors: number;
  timeouts: number;
  '2xx': number;
}
interface AutocannonRequest {
  path: string;
  headers?: Record<string, string>;
}
interface AutocannonOptions {
  url: string;
  connections: number;
  duration: number;
  requests?: { setupRequest: (request: AutocannonRequest) => AutocannonRequest }[];
}
// autocannon ships no type declarations.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const autocannon = require('autocannon') as (options: AutocannonOptions) => Promise<AutocannonResult>;

const root = path.resolve(__dirname, '..', '..', '..');
const UNITS = { agency: 40, commune: 159 };
const CONNECTIONS = 50;
/** Distinct client addresses: at the rates measured each stays far below 60 requests a minute. */
const CLIENTS = 200_000;
const DURATION_S = 5;
const ROUNDS = 3;
/**
 * What every request carries besides its path, as a phone's or desktop browser's does: Accept-Encoding
 * (the calendar answers gzipped to it, ADR 0026; KiB/response are then the gzipped bytes). `--identity`
 * leaves it out, as the runs before 2026-12-07 15:30 did.
 */
const BROWSER: Record<string, string> = process.argv.includes('--identity')
  ? {}
  : { 'accept-encoding': 'gzip, deflate, br, zstd' };

const option = (name: string) =>
  process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? null;

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

async function seed(app: INestApplicationContext): Promise<{ codes: string[]; sessions: number }> {
  const units = app.get(UnitsService);
  const places = app.get(ReceptionPlacesService);
  const sessions = app.get(ReceptionSessionsService);
  const schedules = app.get(ReceptionSchedulesService);
  const today = app.get(Clock).today();
  const validUntil = addDays(today, 364);
  const province = await units.create(SYSTEM_ACTOR, {
    code: 'TINH',
    name: 'Ủy ban nhân dân tỉnh',
    kind: 'province',
  });
  const list: { id: string; code: string; kind: UnitKind; name: string }[] = [{ ...province }];
  for (let i = 1; i <= UNITS.agency; i++) {
    list.push(
      await units.create(SYSTEM_ACTOR, {
        code: `SO-${i}`,
        name: `Sở số ${i}`,
        kind: 'agency',
        parentId: province.id,
      }),
    );
  }
  for (let i = 1; i <= UNITS.commune; i++) {
    list.push(
      await units.create(SYSTEM_ACTOR, {
        code: `XA-${i}`,
        name: `Ủy ban nhân dân xã số ${i}`,
        kind: 'commune',
        parentId: province.id,
      }),
    );
  }
  let count = 0;
  for (const [i, unit] of list.entries()) {
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
      validUntil,
      officers: [{ name: 'Cán bộ tiếp công dân', title: 'Chuyên viên' }],
    });
    const periodic = await schedules.createSchedule(SYSTEM_ACTOR, {
      unitId: unit.id,
      kind: 'periodic',
      placeId: place.id,
      recurrence:
        unit.kind === 'commune'
          ? { type: 'weekly', weekdays: [((i % 5) + 1) as 1 | 2 | 3 | 4 | 5] }
          : unit.kind === 'agency'
            ? {
                type: 'monthly_weekday',
                week: ((i % 4) + 1) as 1 | 2 | 3 | 4,
                weekday: ((i % 5) + 1) as 1 | 2 | 3 | 4 | 5,
              }
            : { type: 'monthly_day', day: 15 },
      slots: [{ startTime: '07:30', endTime: '11:30' }],
      validFrom: today,
      validUntil,
      receiverName: `Người đứng đầu ${unit.name}`,
      receiverTitle:
        unit.kind === 'commune'
          ? 'Chủ tịch UBND xã'
          : unit.kind === 'agency'
            ? 'Giám đốc Sở'
            : 'Chủ tịch UBND tỉnh',
      topics: 'Đất đai, chế độ chính sách, giải phóng mặt bằng',
    });
    count += periodic.sessionCount;
    if (i % 10 === 0) {
      // Some sessions are cancelled or postponed, as in real life.
      const upcoming = await sessions.listSessions(SYSTEM_ACTOR, { unitId: unit.id, page: 1, pageSize: 3 });
      const [a, b] = upcoming.items;
      if (a)
        await sessions.cancelSession(SYSTEM_ACTOR, a.id, {
          version: a.version,
          reason: 'Lãnh đạo đi công tác',
        });
      if (b) {
        await sessions.postponeSession(SYSTEM_ACTOR, b.id, {
          version: b.version,
          newDate: addDays(b.date, 1),
          reason: 'Trùng lịch họp',
        });
      }
    }
  }
  return { codes: list.map((u) => u.code), sessions: count };
}

/** CPU seconds (user + system) a process has used so far, from /proc (Linux; 100 ticks a second). */
function cpuSeconds(pid: number | undefined): number {
  if (pid === undefined) return NaN;
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name (which may hold spaces) start at state: utime and stime are 14 and 15.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

async function waitUntilLive(url: string, child: ChildProcess): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (child.exitCode !== null) throw new Error(`the API exited with ${child.exitCode}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('the API did not start in 20 s');
}

/** An API process under measurement. */
interface Api {
  label: string;
  main: string;
  child: ChildProcess;
  origin: string;
}

async function main(): Promise<void> {
  const base = loadConfigFromEnvironment(CONFIG_SECTIONS);
  const database = `${base.db.name}_bench`;
  const port = await freePort();
  Object.assign(process.env, {
    DB_NAME: database,
    HTTP_HOST: '127.0.0.1',
    HTTP_PORT: String(port),
    PUBLIC_BASE_URL: `http://127.0.0.1:${port}`,
    LOG_LEVEL: 'warn',
    LOG_PRETTY: 'false',
    QUEUE_PREFIX: `${base.queue.prefix}-bench`,
    TRUST_PROXY: 'true',
    RATE_LIMIT_PUBLIC_PER_MINUTE: '60',
  });

  const connection = await mysql.createConnection({
    host: base.db.host,
    port: base.db.port,
    user: base.db.user,
    password: base.db.password,
  });
  await connection.query(`DROP DATABASE IF EXISTS \`${database}\``);
  await connection.query(`CREATE DATABASE \`${database}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  const migrate = spawnSync(
    process.execPath,
    [path.join(root, 'scripts/run-built.cjs'), 'typeorm', 'migration:run'],
    {
      cwd: root,
      env: process.env,
      encoding: 'utf8',
    },
  );
  if (migrate.status !== 0) throw new Error(`migrations failed:\n${migrate.stdout}${migrate.stderr}`);

  const started = Date.now();
  const context = await NestFactory.createApplicationContext(
    AppModule.forRoot(loadConfigFromEnvironment(CONFIG_SECTIONS)),
    {
      logger: false,
    },
  );
  const seeded = await seed(context);
  await context.close();
  console.log(
    `seeded ${seeded.codes.length} units, ${seeded.sessions} periodic sessions (a year), in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );

  const profileDir = option('cpu-prof');
  const nodeArgs = profileDir ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(profileDir)}`] : [];
  const main = path.resolve(option('api') ?? path.join(root, 'dist/src/main.js'));
  const child = spawn(process.execPath, [...nodeArgs, main], {
    cwd: root,
    env: process.env,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const origin = `http://127.0.0.1:${port}`;
  const apis: Api[] = [{ label: 'A', main, child, origin }];
  const compare = option('compare');
  if (compare !== null) {
    const otherPort = await freePort();
    const other = path.resolve(compare);
    apis.push({
      label: 'B',
      main: other,
      child: spawn(process.execPath, [other], {
        cwd: root,
        env: { ...process.env, HTTP_PORT: String(otherPort) },
        stdio: ['ignore', 'ignore', 'inherit'],
      }),
      origin: `http://127.0.0.1:${otherPort}`,
    });
  }
  try {
    for (const api of apis) await waitUntilLive(`${api.origin}/health/live`, api.child);
    const month = new Intl.DateTimeFormat('en-CA', {
      timeZone: 'Asia/Ho_Chi_Minh',
      year: 'numeric',
      month: '2-digit',
    })
      .format(new Date())
      .slice(0, 7);
    const unitPage = `/lich-tiep-cong-dan?don-vi=SO-7&thang=${month}`;
    // The tags of the page as it is and gzipped: a client names what it holds; both, so that a build
    // that does not gzip (`--compare`, `--api`) answers 304 as well.
    const tagOf = async (encoding: string) =>
      (await fetch(`${origin}${unitPage}`, { headers: { 'accept-encoding': encoding } })).headers.get(
        'etag',
      ) ?? '';
    const etag = [
      ...new Set([await tagOf(BROWSER['accept-encoding'] ?? 'identity'), await tagOf('identity')]),
    ].join(', ');
    const client = () => {
      const n = Math.floor(Math.random() * CLIENTS);
      return `10.${n >> 16}.${(n >> 8) & 255}.${n & 255}`;
    };
    /** One request shape: a path (fixed or drawn per request), headers, a citizen's address. */
    const shape = (path: () => string, headers: Record<string, string> = {}) => [
      {
        setupRequest: (request: AutocannonRequest) => ({
          ...request,
          path: path(),
          headers: { ...request.headers, ...BROWSER, ...headers, 'x-forwarded-for': client() },
        }),
      },
    ];
    const anyUnit = () => seeded.codes[Math.floor(Math.random() * seeded.codes.length)];
    const pages = (
      (await (await fetch(`${origin}/lich-tiep-cong-dan.json`)).json()) as { page: { count: number } }
    ).page.count;
    const anyPage = () => 1 + Math.floor(Math.random() * pages);
    // The largest public answer: every page of every all-units view, and each unit's feed.
    let largest = { path: '', kib: 0 };
    const paths = [
      ...Array.from({ length: pages }, (_, i) => [
        `/lich-tiep-cong-dan?trang=${i + 1}`,
        `/lich-tiep-cong-dan.json?trang=${i + 1}`,
        `/lich-tiep-cong-dan?thang=${month}&trang=${i + 1}`,
        `/lich-tiep-cong-dan.json?thang=${month}&trang=${i + 1}`,
      ]).flat(),
      ...seeded.codes.map((code) => `/lich-tiep-cong-dan.ics?don-vi=${code}`),
    ];
    for (const p of paths) {
      const kib =
        (
          await (
            await fetch(`${origin}${p}`, {
              // The bytes as they are (the largest form of an answer), not gzipped.
              headers: { 'x-forwarded-for': client(), 'accept-encoding': 'identity' },
            })
          ).arrayBuffer()
        ).byteLength / 1024;
      if (kib > largest.kib) largest = { path: p, kib };
    }
    console.log(
      `${pages} pages of every unit's calendar; the largest public answer: ${largest.path}, ${largest.kib.toFixed(1)} KiB (of ${paths.length})`,
    );
    const targets: { name: string; requests: AutocannonOptions['requests']; rounds: number }[] = [
      { name: 'page, one unit and month', requests: shape(() => unitPage), rounds: ROUNDS },
      {
        name: 'JSON, one unit and month',
        requests: shape(() => `/lich-tiep-cong-dan.json?don-vi=SO-7&thang=${month}`),
        rounds: ROUNDS,
      },
      {
        name: 'page, a random unit each request',
        requests: shape(() => `/lich-tiep-cong-dan?don-vi=${anyUnit()}&thang=${month}`),
        rounds: ROUNDS,
      },
      {
        name: 'JSON, a random unit each request',
        requests: shape(() => `/lich-tiep-cong-dan.json?don-vi=${anyUnit()}&thang=${month}`),
        rounds: ROUNDS,
      },
      {
        name: 'page revalidated (If-None-Match → 304)',
        requests: shape(() => unitPage, { 'if-none-match': etag }),
        rounds: ROUNDS,
      },
      {
        name: 'iCalendar feed, one unit',
        requests: shape(() => '/lich-tiep-cong-dan.ics?don-vi=SO-7'),
        rounds: ROUNDS,
      },
      // Every unit's calendar is paged by 20 units (issue 19: no public answer over 150 KiB).
      {
        name: 'page, all units, next 30 days, a random page',
        requests: shape(() => `/lich-tiep-cong-dan?trang=${anyPage()}`),
        rounds: ROUNDS,
      },
      {
        name: 'JSON, all units, next 30 days, a random page',
        requests: shape(() => `/lich-tiep-cong-dan.json?trang=${anyPage()}`),
        rounds: ROUNDS,
      },
      {
        name: 'page, all units of a month, a random page',
        requests: shape(() => `/lich-tiep-cong-dan?thang=${month}&trang=${anyPage()}`),
        rounds: ROUNDS,
      },
    ];
    const only = option('only');
    if (only !== null) {
      const wanted = new RegExp(only);
      targets.splice(0, targets.length, ...targets.filter((t) => wanted.test(t.name)));
    }
    const health = shape(() => '/health/live');
    const run = async (api: Api, requests: AutocannonOptions['requests'], expect304 = false) => {
      const cpuBefore = cpuSeconds(api.child.pid);
      const r = await autocannon({
        url: api.origin,
        connections: CONNECTIONS,
        duration: DURATION_S,
        requests,
      });
      const cpu = cpuSeconds(api.child.pid) - cpuBefore;
      return {
        rps: r.requests.average,
        /** The API process's CPU time per request (µs): what the load on the machine changes least. */
        cpuUs: r.requests.total > 0 ? (1e6 * cpu) / r.requests.total : NaN,
        p50: r.latency.p50,
        p99: r.latency.p99,
        kib: r.requests.total ? r.throughput.average / r.requests.average / 1024 : 0,
        bad: r.errors + r.timeouts + (expect304 ? r['2xx'] : r.non2xx),
      };
    };
    // Warm-up: every cache and the JIT.
    for (const api of apis) {
      await autocannon({ url: api.origin, connections: 10, duration: 2, requests: shape(() => unitPage) });
    }
    // The machine is shared and noisy (other engineers' test runs come and go within seconds): each
    // target run sits between two /health/live runs, and its ratio is taken against those two — by
    // requests a second, and by the API's CPU time per request (health's over the target's), which
    // stays close to the ratio an unloaded machine would show when the API gets only part of a core.
    type Sample = {
      rps: number;
      ratio: number;
      cpuUs: number;
      cpuRatio: number;
      p50: number;
      p99: number;
      kib: number;
      bad: number;
    };
    const results = apis.map(() => ({
      samples: new Map<string, Sample[]>(),
      healthRuns: [] as number[],
      healthCpu: [] as number[],
    }));
    const loadBefore = loadavg();
    for (let round = 0; round < ROUNDS; round++) {
      const before: (Awaited<ReturnType<typeof run>> | null)[] = apis.map(() => null);
      for (const t of targets.filter((x) => x.rounds > round)) {
        for (const [i, api] of apis.entries()) {
          const result = results[i];
          if (!before[i]) {
            before[i] = await run(api, health);
            result.healthRuns.push(before[i].rps);
            result.healthCpu.push(before[i].cpuUs);
          }
          const r = await run(api, t.requests, t.name.includes('304'));
          const after = await run(api, health);
          result.healthRuns.push(after.rps);
          result.healthCpu.push(after.cpuUs);
          const b = before[i];
          result.samples.set(t.name, [
            ...(result.samples.get(t.name) ?? []),
            {
              ...r,
              ratio: r.rps / ((b.rps + after.rps) / 2),
              cpuRatio: (b.cpuUs + after.cpuUs) / 2 / r.cpuUs,
            },
          ]);
          before[i] = after;
        }
      }
    }
    const loadAfter = loadavg();
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    console.log(
      `\n${CONNECTIONS} connections, ${DURATION_S} s a run, ${ROUNDS} rounds, ${new Date().toISOString()}`,
    );
    console.log(
      `load average (1, 5, 15 min) before: ${loadBefore.map((x) => x.toFixed(1)).join(', ')}; after: ${loadAfter.map((x) => x.toFixed(1)).join(', ')}`,
    );
    let failed = false;
    for (const [i, api] of apis.entries()) {
      const { samples, healthRuns, healthCpu } = results[i];
      console.log(
        `\n${apis.length > 1 ? `${api.label}: ` : ''}API on ${api.origin} (its own process: ${api.main})`,
      );
      console.log(
        `/health/live: ${healthRuns.map(Math.round).join(', ')} req/s (median ${Math.round(median(healthRuns))}); API CPU ${Math.round(median(healthCpu))} µs a request (median)`,
      );
      console.log(
        '| target | req/s (median) | vs /health/live (median) | API CPU µs/request | vs /health/live by CPU | p50 ms | p99 ms | KiB/response | errors |',
      );
      console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|');
      for (const t of targets) {
        const list = samples.get(t.name) ?? [];
        const bad = list.reduce((n, x) => n + x.bad, 0);
        failed ||= bad > 0;
        console.log(
          `| ${t.name} | ${Math.round(median(list.map((x) => x.rps)))} | ${(100 * median(list.map((x) => x.ratio))).toFixed(0)} % | ${Math.round(median(list.map((x) => x.cpuUs)))} | ${(100 * median(list.map((x) => x.cpuRatio))).toFixed(0)} % | ${median(list.map((x) => x.p50))} | ${median(list.map((x) => x.p99))} | ${median(list.map((x) => x.kib)).toFixed(1)} | ${bad} |`,
        );
      }
    }
    if (apis.length > 1) {
      // Side by side: the same target's runs of A and B, interleaved, so the machine's swings fall on both.
      const cell = (i: number, name: string, key: 'cpuUs' | 'cpuRatio' | 'ratio') => {
        const xs = (results[i].samples.get(name) ?? []).map((x) => x[key]);
        return key === 'cpuUs' ? `${Math.round(median(xs))}` : `${(100 * median(xs)).toFixed(0)} %`;
      };
      const h = (i: number) => Math.round(median(results[i].healthCpu));
      console.log(`\nA/B (A: ${apis[0].main}; B: ${apis[1].main})`);
      console.log('| target | A µs/request | B µs/request | A by CPU | B by CPU | A by req/s | B by req/s |');
      console.log('|---|---:|---:|---:|---:|---:|---:|');
      console.log(`| /health/live (median) | ${h(0)} | ${h(1)} | | | | |`);
      for (const t of targets) {
        console.log(
          `| ${t.name} | ${cell(0, t.name, 'cpuUs')} | ${cell(1, t.name, 'cpuUs')} | ${cell(0, t.name, 'cpuRatio')} | ${cell(1, t.name, 'cpuRatio')} | ${cell(0, t.name, 'ratio')} | ${cell(1, t.name, 'ratio')} |`,
        );
      }
    }
    if (failed) process.exitCode = 1;
  } finally {
    for (const api of apis) {
      if (api.child.exitCode === null) {
        api.child.kill('SIGTERM');
        await new Promise((r) => api.child.once('exit', r));
      }
    }
    await connection.query(`DROP DATABASE IF EXISTS \`${database}\``);
    await connection.end();
  }
}

main().catch((error: unknown) => {
  console.error('bench:reception failed:', error instanceof Error ? error.message : error);
  process.exit(1);
});
