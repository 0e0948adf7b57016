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
//   --node-flags S     these Node/V8 flags on their command line instead of node-flags.ts's (to compare;
//                      e.g. '--max-semi-space-size=16 --trace-gc': the GC trace goes to their logs)
//   --env K=V          one more setting of both (repeatable; e.g. MALLOC_ARENA_MAX=2, read by glibc)
//   --heap-snapshots   (soak) a heap snapshot of the API after the set-up and after the last run, in
//                      $TMPDIR, and their comparison by constructor (heap-snapshot-top.ts)
// The API and the worker run with the memory probe (memory-probe.cjs, memory.ts): the RSS is printed with what it is
// made of (V8's heap by space, used and live after the last major GC, external memory, the rest), at the
// start and the end of each level or run, with the highest RSS (VmHWM) and the breakdown at the highest
// sample.
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
import { randomBytes, randomUUID } from 'node:crypto';
import { ThrottlerStorageService } from '@nestjs/throttler';
import type { ChildProcess } from 'node:child_process';
import { heapSnapshot, memoryLine, memoryOf, type MemorySample } from './memory.js';
import mysql from 'mysql2/promise';
import { RateWindowStorage } from '../../src/common/http/rate-window.storage.js';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { compareSnapshots } from './heap-snapshot-top.js';
import {
  cpuMs,
  cpuPerOp,
  cpuSnapshot,
  databasePid,
  fmt,
  localNow,
  mb,
  ms2,
  nap,
  peakRssMb,
  readiness,
  rssMb,
  RouteStats,
  startSystem,
  type Traffic,
} from './load-harness.js';

const RSS_LIMIT_MB = 300;

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
  nodeFlags: string[] | null;
  env: Record<string, string>;
  heapSnapshots: boolean;
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
    nodeFlags: null,
    env: {},
    heapSnapshots: false,
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
    else if (arg === '--node-flags') o.nodeFlags = (value() ?? '').split(/\s+/).filter(Boolean);
    else if (arg === '--env') {
      const [key, ...rest] = (value() ?? '').split('=');
      if (!/^[A-Z_][A-Z0-9_]*$/.test(key) || rest.length === 0) throw new Error('--env needs KEY=VALUE');
      o.env[key] = rest.join('=');
    } else if (arg === '--heap-snapshots') o.heapSnapshots = true;
    else throw new Error(`unknown option ${arg} (see the head of scripts/bench/load.bench.ts)`);
  }
  return o;
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

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  if (options.limiterOnly) return printLimiterFindings(0);
  const system = await startSystem({
    name: 'bench:load',
    ...options,
    env: options.env,
    prepare: async (admin) => {
      await admin.query(RAW_TABLE);
    },
  });
  const { base, pool, database, origin, world, api, worker, traffic } = system;
  let raw: mysql.Pool | undefined;
  try {
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
      failed = await soak(options, pool, traffic, origin, api, worker, system.tag);
    } else {
      const summary: string[] = [];
      const cpuSummary: string[] = [];
      const dbPid = await databasePid(raw);
      for (const level of options.levels) {
        if (system.interrupted()) break;
        const clients = Math.max(1, Math.round(level * pool));
        console.log(`\n## ${level}× DB_POOL_SIZE: ${clients} clients`);
        const rssStart = [rssMb(api.pid), rssMb(worker.pid)];
        const memoryStart = await memoryOf(api);
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
        console.log(`API at the start: ${memoryLine(memoryStart)}`);
        console.log(`API at the end:   ${memoryLine(await memoryOf(api))}`);
        console.log(`worker at the end: ${memoryLine(await memoryOf(worker))}`);
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
        `\nHighest RSS (VmHWM): API ${mb(peakRssMb(api.pid))}, worker ${mb(peakRssMb(worker.pid))}`,
      );
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
    await raw?.end().catch(() => undefined);
    if (!system.interrupted()) await system.cleanup();
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
  const cpuStart = cpuMs(api.pid);
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
  const cpuEnd = cpuMs(api.pid);
  recorder.print(seconds);
  const requests = recorder.sum(
    () => true,
    (s) => s.total,
  );
  if (cpuStart !== null && cpuEnd !== null && requests > 0)
    console.log(`API CPU ${ms2((cpuEnd - cpuStart) / requests)} ms a request`);
  console.log(`API at the end: ${memoryLine(await memoryOf(api))}`);
  console.log(`API: highest RSS (VmHWM) ${mb(peakRssMb(api.pid))}`);
  return (
    recorder.sum(
      () => true,
      (s) => s.total - s.answered('2'),
    ) > 0
  );
}

/** The mix for --minutes at one level, --runs times, the RSS and what it is made of every --sample s. */
async function soak(
  options: Options,
  pool: number,
  traffic: Traffic,
  origin: string,
  api: ChildProcess,
  worker: ChildProcess,
  tag: string,
): Promise<boolean> {
  const clients = Math.max(1, Math.round(options.level * pool));
  const minutes = options.minutes ?? 10;
  console.log(
    `\n## Soak: the mix at ${options.level}× DB_POOL_SIZE (${clients} clients), ${minutes} min, ${options.runs} run(s)`,
  );
  const snapshots: string[] = [];
  const snapshot = async (when: string) => {
    if (!options.heapSnapshots) return;
    if (when === 'start')
      console.log(
        'NB: writing a heap snapshot leaves the process ~250 MB of native memory higher (the snapshot writer’s, kept by malloc): with --heap-snapshots the RSS figures are not the API’s own',
      );
    const started = Date.now();
    const file = await heapSnapshot(api, path.join(tmpdir(), `tiepdan-load-${tag}-api-${when}.heapsnapshot`));
    console.log(
      `heap snapshot of the API ${when}: ${file ?? 'failed'} (${fmt((Date.now() - started) / 1000, 1)} s)`,
    );
    if (file) snapshots.push(file);
  };
  await snapshot('start');
  console.log(`API at the start: ${memoryLine(await memoryOf(api))}`);
  console.log(`worker at the start: ${memoryLine(await memoryOf(worker))}`);
  console.log(
    '\n| run | minute | API RSS | heap committed (young / old) | heap used | live after last major GC | external (array buffers) | rest | worker RSS | req/s since last | 5xx | timeouts |',
  );
  console.log('|---:|---:|---:|---|---:|---:|---|---:|---:|---:|---:|---:|');
  const row = (run: number, minute: string, m: MemorySample | null, rss: number | null, rest: string) => {
    const mib = (b: number | null | undefined) => (b === null || b === undefined ? '?' : fmt(b / 2 ** 20));
    const young = m ? (m.spaces.new_space ?? 0) + (m.spaces.new_large_object_space ?? 0) : null;
    console.log(
      `| ${run} | ${minute} | ${mb(rss)} | ${mib(m?.heapTotal)} (${mib(young)} / ${mib(m?.spaces.old_space)}) | ${mib(m?.heapUsed)} | ${mib(m?.liveAfterLastMajorGc)} | ${mib(m?.external)} (${mib(m?.arrayBuffers)}) | ${m ? mib(m.rss - m.heapTotal - m.external) : '?'} | ${rest}`,
    );
  };
  let failed = false;
  const ends: number[] = [];
  let peak: { rss: number; memory: MemorySample | null; at: string } = { rss: 0, memory: null, at: '' };
  for (let run = 1; run <= options.runs; run++) {
    if (Date.now() - traffic.loggedInAt > 30 * 60_000) await traffic.login();
    const started = Date.now();
    const cpuStart = cpuMs(api.pid);
    row(run, '0.0', await memoryOf(api), rssMb(api.pid), `${mb(rssMb(worker.pid))} | | | |`);
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
      const elapsed = ((Date.now() - started) / 60_000).toFixed(1);
      const memory = await memoryOf(api);
      const rss = memory ? memory.rss / 2 ** 20 : rssMb(api.pid);
      maxRss = Math.max(maxRss, rss ?? 0);
      if ((rss ?? 0) > peak.rss) peak = { rss: rss ?? 0, memory, at: `run ${run}, minute ${elapsed}` };
      row(
        run,
        elapsed,
        memory,
        rss,
        `${mb(rssMb(worker.pid))} | ${fmt((now.total - last.total) / ((now.at - last.at) / 1000), 1)} | ${now.fivexx - last.fivexx} | ${now.timeouts - last.timeouts} |`,
      );
      last = now;
    }
    const recorder = await done;
    const cpuEnd = cpuMs(api.pid);
    const ready = await readiness(origin);
    const endMemory = await memoryOf(api);
    const end = endMemory ? endMemory.rss / 2 ** 20 : (rssMb(api.pid) ?? 0);
    ends.push(end);
    console.log(`\n### Run ${run}: per route`);
    recorder.print(minutes * 60);
    const requests = recorder.sum(
      () => true,
      (s) => s.total,
    );
    const all = new RouteStats();
    for (const stats of recorder.routes.values()) all.latencies.push(...stats.latencies);
    console.log(
      `run ${run}: ${fmt(requests)} requests, ${fmt(requests / (minutes * 60), 1)} req/s, all routes p50 ${fmt(all.percentile(50))} ms, p99 ${fmt(all.percentile(99))} ms, API CPU ${cpuStart === null || cpuEnd === null || requests === 0 ? '?' : ms2((cpuEnd - cpuStart) / requests)} ms a request; API RSS at the end ${mb(end)}, highest sample ${mb(maxRss)}, highest ever (VmHWM) ${mb(peakRssMb(api.pid))} (limit ${RSS_LIMIT_MB} MB); /health/ready: ${ready.ready ? 'ready' : `WEDGED (${ready.detail})`}`,
    );
    console.log(`API at the end of run ${run}: ${memoryLine(endMemory)}`);
    console.log(`worker at the end of run ${run}: ${memoryLine(await memoryOf(worker))}\n`);
    failed ||= maxRss >= RSS_LIMIT_MB || !ready.ready || last.fivexx > 0;
    if (!ready.ready) break;
  }
  console.log(
    `API: highest RSS (VmHWM) ${mb(peakRssMb(api.pid))}; highest sample ${mb(peak.rss)} (${peak.at}): ${memoryLine(peak.memory)}`,
  );
  console.log(`worker: highest RSS (VmHWM) ${mb(peakRssMb(worker.pid))}`);
  if (ends.length > 1) {
    const growth = ends[ends.length - 1] - ends[0];
    console.log(
      `API RSS at the end of each run: ${ends.map((e) => mb(e)).join(', ')} (growth ${fmt(growth)} MB)`,
    );
  }
  await snapshot('end');
  if (snapshots.length === 2) {
    console.log(
      "\n### The API's heap after the set-up and after the last run (live objects: V8 collects first)",
    );
    compareSnapshots(snapshots[0], snapshots[1], 25);
  }
  return failed;
}

main().catch((error: unknown) => {
  console.error('bench:load failed:', error instanceof Error ? error.message : error);
  process.exit(1);
});
