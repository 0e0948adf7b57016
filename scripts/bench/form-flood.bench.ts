// The flood figure of the public form: `npm run bench:form-flood` (docs/load.md, "A flood on the public
// form"; issue 21). Options (all optional):
//   --seconds N        each measured phase runs N s (default 60)
//   --level L          officers' clients = L × DB_POOL_SIZE, closed loop (default 2)
//   --submissions S    form submissions in the flood (default 1000), all from one address
//   --flood-seconds F  they arrive evenly over F s (default 60; at most --seconds)
//   --files K          files per submission (default 2), each --file-kb KB (default 150) of distinct bytes
//   --per-address P    ONLINE_FORM_PER_ADDRESS_PER_HOUR of the API (default: the configured one, 10)
//   --pool N           DB_POOL_SIZE of the API and the worker (default: the configured one)
//   --timeout MS       an officer's request with no answer after MS ms counts as a timeout (default 10000;
//                      a submission's: 60000)
//   --rounds R         R rounds of (the mix alone, the mix during a flood), in the order A F F A … (default 2)
//   --keep-db          keep the database (for a look afterwards)
//
// 1. The system of `bench:load` (load-harness.ts): a fresh database migrated and seeded, a COLD API and
//    worker on the real MariaDB and Redis, officers logged in; the attachments in a fresh folder.
// 2. Proofs of work, solved ahead of time in this process against the API's real challenges and cost
//    (`ONLINE_FORM_POW_COST`, `ONLINE_FORM_POW_COUNTER_MAX` as configured): one per submission the
//    per-address limit can admit. The other submissions carry one of them again: past the limit the API
//    refuses before reading the body or the proof (ADR 0016), so what they carry does not change its work —
//    and solving 1,000 proofs at several seconds each is exactly the cost the proof puts on a sender.
// 3. Warm-up (10 s of the officers' mix, not counted), then R rounds, ABBA: the officers' mix of
//    `bench:load` alone for --seconds, and the same mix while the flood arrives — S multipart submissions
//    (a complaint and its files, as the form sends them) at an even pace from 127.0.0.1, each sent when its
//    time comes whatever the others' answers (open loop), from a worker thread (its own event loop: the
//    officers' clients' latencies are not delayed by it in this process) —, then flood and alone again, … The order cancels
//    a drift in what else the machine runs. The limit admits its first submissions of the hour only: later
//    floods are refused whole, as the bulk of the first is.
// 4. Prints per route of the mix: p99 alone and during the floods (all rounds together), the rise (target
//    < 20 %); the CPU the API, the worker, MariaDB and this process used in each kind of phase; the
//    submissions' answers (201 accepted, 429 past the limit, others); and what the refused stored: letters
//    filed by the form (`eligibility_checked = 0`), their attachment rows and the files in the folder beyond
//    the accepted ones (must be 0).
import '../../src/bootstrap/require-supported-node.js'; // first: refuses a Node older than engines, before any native module loads
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import path from 'node:path';
import { solveChallenge, type Challenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/sha';
import mysql from 'mysql2/promise';
import {
  cpuSnapshot,
  databasePid,
  fmt,
  RouteStats,
  startSystem,
  type CpuSnapshot,
  Recorder,
  type System,
} from './load-harness.js';

interface Options {
  seconds: number;
  level: number;
  submissions: number;
  floodSeconds: number;
  files: number;
  fileKb: number;
  perAddress: number | null;
  pool: number | null;
  timeoutMs: number;
  submissionTimeoutMs: number;
  rounds: number;
  keepDb: boolean;
}

type Phase = 'alone' | 'flood';

function parseOptions(argv: string[]): Options {
  const o: Options = {
    seconds: 60,
    level: 2,
    submissions: 1000,
    floodSeconds: 60,
    files: 2,
    fileKb: 150,
    perAddress: null,
    pool: null,
    timeoutMs: 10_000,
    submissionTimeoutMs: 60_000,
    rounds: 2,
    keepDb: false,
  };
  const number = (name: string, value: string | undefined, min = 1) => {
    const n = Number(value);
    if (!Number.isFinite(n) || n < min) throw new Error(`${name} needs a number ≥ ${min}`);
    return n;
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => argv[++i];
    if (arg === '--seconds') o.seconds = number(arg, value());
    else if (arg === '--level') o.level = number(arg, value());
    else if (arg === '--submissions') o.submissions = Math.round(number(arg, value()));
    else if (arg === '--flood-seconds') o.floodSeconds = number(arg, value());
    else if (arg === '--files') o.files = Math.round(number(arg, value(), 0));
    else if (arg === '--file-kb') o.fileKb = number(arg, value());
    else if (arg === '--per-address') o.perAddress = Math.round(number(arg, value()));
    else if (arg === '--pool') o.pool = Math.round(number(arg, value()));
    else if (arg === '--timeout') o.timeoutMs = number(arg, value());
    else if (arg === '--rounds') o.rounds = Math.round(number(arg, value()));
    else if (arg === '--keep-db') o.keepDb = true;
    else throw new Error(`unknown option ${arg} (see the head of scripts/bench/form-flood.bench.ts)`);
  }
  o.floodSeconds = Math.min(o.floodSeconds, o.seconds);
  return o;
}

/** Every latency of a phase's routes together. */
function overall(recorder: Recorder): RouteStats {
  const all = new RouteStats();
  for (const s of recorder.routes.values()) for (const ms of s.latencies) all.count('any', ms);
  return all;
}

const rise = (before: number, after: number) =>
  before > 0 ? `${after >= before ? '+' : ''}${fmt(((after - before) / before) * 100)} %` : '–';

/** A solved proof of work for the API's widget field (base64 of `{challenge, solution}`). */
async function solvedProof(origin: string): Promise<string> {
  const res = await fetch(`${origin}/gui-don/thu-thach`);
  if (res.status !== 200) throw new Error(`challenge: ${res.status}`);
  const challenge = (await res.json()) as Challenge;
  const solution = await solveChallenge({ challenge, deriveKey });
  if (!solution) throw new Error('no solution found');
  return Buffer.from(JSON.stringify({ challenge, solution })).toString('base64');
}

let filler: Buffer | undefined;

/**
 * A complaint as a browser sends the form — multipart/form-data, its fields, then its files (a PDF's
 * signature, distinct bytes) — as the chunks of its body, written as they are (no copy of the files).
 */
function submission(unitId: string, proof: string, files: number, fileKb: number) {
  const boundary = `----tiepdanFlood${randomBytes(8).toString('hex')}`;
  const fields: Record<string, string> = {
    coQuan: unitId,
    loai: 'khieu-nai',
    lan: 'lan-dau',
    quyetDinh: 'Quyết định số 12/QĐ-UBND ngày 02/10/2026 của Ủy ban nhân dân xã',
    tieuDe: 'Khiếu nại quyết định thu hồi đất',
    noiDung:
      'Tôi khiếu nại quyết định thu hồi 200 m2 đất nông nghiệp của gia đình tôi vì không đúng diện tích và không bồi thường thỏa đáng.',
    hoTen: 'Trần Thị Mai',
    diaChi: 'Tổ 5, xã Tân Lập, tỉnh Đồng Nai',
    canCuoc: '075301002468',
    dongY: 'co',
    trangWeb: '',
    altcha: proof,
  };
  let text = '';
  for (const [name, value] of Object.entries(fields))
    text += `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
  const chunks: Buffer[] = [Buffer.from(text)];
  // Distinct files (the store keeps one copy of equal ones) at little cost to this process, which
  // shares the machine with the API: a random head before one shared random body.
  filler ??= randomBytes(Math.max(0, Math.round(fileKb * 1024) - 25));
  for (let i = 0; i < files; i++) {
    chunks.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="tep"; filename="tai-lieu-${i + 1}.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.7\n`,
      ),
      randomBytes(16),
      filler,
      Buffer.from('\r\n'),
    );
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return {
    chunks,
    length: chunks.reduce((n, c) => n + c.length, 0),
    contentType: `multipart/form-data; boundary=${boundary}`,
  };
}

/** One POST of the form over a kept-alive connection (node:http: less work here than fetch). */
function post(
  origin: string,
  agent: Agent,
  body: ReturnType<typeof submission>,
  timeoutMs: number,
): Promise<string> {
  return new Promise((resolve) => {
    const req = request(`${origin}/gui-don`, {
      method: 'POST',
      agent,
      headers: { 'content-type': body.contentType, 'content-length': String(body.length) },
      timeout: timeoutMs,
    });
    req.once('response', (res) => {
      res.resume();
      res.once('end', () => resolve(String(res.statusCode)));
      res.once('error', () => resolve('error'));
    });
    req.once('timeout', () => {
      req.destroy();
      resolve('timeout');
    });
    // The API answers a refusal before reading the body, and may close: not an error of the measure.
    req.once('error', () => resolve('error'));
    for (const chunk of body.chunks) req.write(chunk);
    req.end();
  });
}

interface FloodJob {
  origin: string;
  unitId: string;
  options: Options;
  proofs: string[];
}

/**
 * The flood, in a worker thread of its own: sending 300 KB bodies on the officers' clients' event loop
 * would delay their requests in this process and be counted as the API's latency.
 */
function flood(
  system: System,
  options: Options,
  proofs: string[],
): Promise<{ answers: Map<string, number>; latency: RouteStats }> {
  const job: FloodJob = { origin: system.origin, unitId: system.world.desks[0].unitId, options, proofs };
  return new Promise((resolve, reject) => {
    const worker = new Worker(__filename, { workerData: job });
    worker.once('message', (result: { answers: [string, number][]; latencies: number[] }) => {
      const latency = new RouteStats();
      latency.latencies.push(...result.latencies);
      resolve({ answers: new Map(result.answers), latency });
    });
    worker.once('error', reject);
  });
}

/** S submissions evenly over F s, open loop; their answers and latencies (in the worker thread). */
async function floodHere({ origin, unitId, options, proofs }: FloodJob): Promise<void> {
  const answers = new Map<string, number>();
  const latency = new RouteStats();
  const agent = new Agent({ keepAlive: true });
  const started = performance.now();
  const gap = (options.floodSeconds * 1000) / options.submissions;
  const sent: Promise<void>[] = [];
  for (let i = 0; i < options.submissions; i++) {
    const due = started + i * gap;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    const body = submission(unitId, proofs[i % proofs.length], options.files, options.fileKb);
    sent.push(
      (async () => {
        const t = performance.now();
        const status = await post(origin, agent, body, options.submissionTimeoutMs);
        latency.count(status, performance.now() - t);
        answers.set(status, (answers.get(status) ?? 0) + 1);
      })(),
    );
  }
  await Promise.all(sent);
  agent.destroy();
  parentPort!.postMessage({ answers: [...answers], latencies: latency.latencies });
}

/** The routes of several phases' recorders together. */
function merged(recorders: readonly Recorder[]): Recorder {
  const all = new Recorder();
  for (const r of recorders) {
    for (const [route, stats] of r.routes) {
      let into = all.routes.get(route);
      if (!into) all.routes.set(route, (into = new RouteStats()));
      into.latencies.push(...stats.latencies);
      for (const [status, n] of stats.statuses)
        into.statuses.set(status, (into.statuses.get(status) ?? 0) + n);
    }
  }
  return all;
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const attachments = mkdtempSync(path.join(tmpdir(), 'tiepdan-form-flood-'));
  const system = await startSystem({
    name: 'bench:form-flood',
    pool: options.pool,
    timeoutMs: options.timeoutMs,
    keepDb: options.keepDb,
    nodeOptions: null,
    nodeDefaults: false,
    env: {
      ATTACHMENTS_DIR: attachments,
      ...(options.perAddress === null
        ? {}
        : { ONLINE_FORM_PER_ADDRESS_PER_HOUR: String(options.perAddress) }),
    },
  });
  const { base, traffic } = system;
  const limit = options.perAddress ?? base.onlineForm.perAddressPerHour;
  let db: mysql.Connection | undefined;
  try {
    const clients = Math.max(1, Math.round(options.level * system.pool));
    const solving = performance.now();
    const proofs: string[] = [];
    for (let i = 0; i < Math.min(limit, options.submissions); i++)
      proofs.push(await solvedProof(system.origin));
    const solveMs = performance.now() - solving;
    console.log(
      `${proofs.length} proofs of work solved ahead (cost ${base.onlineForm.powCost}, counter ≤ ${base.onlineForm.powCounterMax}): ${fmt(solveMs / 1000, 1)} s, ${fmt(solveMs / proofs.length)} ms each on one core of this machine`,
    );

    const pool = mysql.createPool({
      host: base.db.host,
      port: base.db.port,
      user: base.db.user,
      password: base.db.password,
      database: system.database,
      connectionLimit: 1,
    });
    const dbPid = await databasePid(pool);
    await pool.end();
    const cpu = () => cpuSnapshot(system.api.pid, system.worker.pid, dbPid);
    const cpuUsed: Record<Phase, CpuSnapshot> = {
      alone: { api: 0, worker: 0, db: 0, generator: 0 },
      flood: { api: 0, worker: 0, db: 0, generator: 0 },
    };
    const addCpu = (phase: Phase, from: CpuSnapshot, to: CpuSnapshot) => {
      const d = (x: number | null, y: number | null, acc: number | null) =>
        x === null || y === null || acc === null ? null : acc + (y - x);
      const u = cpuUsed[phase];
      cpuUsed[phase] = {
        api: d(from.api, to.api, u.api),
        worker: d(from.worker, to.worker, u.worker),
        db: d(from.db, to.db, u.db),
        generator: d(from.generator, to.generator, u.generator) ?? 0,
      };
    };

    console.log(`\nwarm-up: the officers' mix, 10 s, ${clients} clients (not counted)`);
    await traffic.run(clients, 10, (d) => traffic.mixed(d));

    // ABBA: alone, flood, flood, alone, … — a drift of the machine's other load weighs on both alike.
    const order: Phase[] = [];
    for (let r = 0; r < options.rounds; r++)
      order.push(...(r % 2 === 0 ? (['alone', 'flood'] as const) : (['flood', 'alone'] as const)));
    const runs: Record<Phase, Recorder[]> = { alone: [], flood: [] };
    const answers = new Map<string, number>();
    const submissionLatency = new RouteStats();
    let floods = 0;
    for (const phase of order) {
      const from = cpu();
      if (phase === 'alone') {
        console.log(`\n## The officers' mix alone: ${clients} clients, ${options.seconds} s`);
        const alone = await traffic.run(clients, options.seconds, (d) => traffic.mixed(d));
        alone.print(options.seconds);
        runs.alone.push(alone);
      } else {
        floods += 1;
        console.log(
          `\n## The same mix while ${options.submissions} form submissions from one address arrive over ${options.floodSeconds} s (${options.files} × ${options.fileKb} KB files each; flood ${floods})`,
        );
        const [during, submitted] = await Promise.all([
          traffic.run(clients, options.seconds, (d) => traffic.mixed(d)),
          flood(system, options, proofs),
        ]);
        during.print(options.seconds);
        runs.flood.push(during);
        for (const [status, n] of submitted.answers) answers.set(status, (answers.get(status) ?? 0) + n);
        submissionLatency.latencies.push(...submitted.latency.latencies);
        console.log(
          `submissions: ${[...submitted.answers].map(([st, n]) => `${st}: ${n}`).join(', ')}; p50 ${fmt(submitted.latency.percentile(50))} ms, p99 ${fmt(submitted.latency.percentile(99))} ms`,
        );
      }
      addCpu(phase, from, cpu());
    }

    db = await mysql.createConnection({
      host: base.db.host,
      port: base.db.port,
      user: base.db.user,
      password: base.db.password,
      database: system.database,
    });
    const one = async (sql: string) => Number(((await db!.query(sql))[0] as { n: number }[])[0].n);
    // Only the form files letters unchecked (officers' intake answers the checks).
    const filed = await one('SELECT COUNT(*) AS n FROM letters WHERE eligibility_checked = 0');
    const attached = await one(
      'SELECT COUNT(*) AS n FROM letter_attachments a JOIN letters l ON l.id = a.letter_id WHERE l.eligibility_checked = 0',
    );
    const files = (
      readdirSync(attachments, { recursive: true, withFileTypes: true }) as { isFile(): boolean }[]
    ).filter((d) => d.isFile()).length;
    const accepted = answers.get('201') ?? 0;
    const sent = options.submissions * floods;

    const alone = merged(runs.alone);
    const during = merged(runs.flood);
    const total = (r: Recorder) =>
      r.sum(
        () => true,
        (x) => x.total,
      );
    console.log(
      `\n## Summary (${options.rounds} × ${options.seconds} s of each, in the order ${order.join(', ')})`,
    );
    console.log('| route | requests alone / flood | p99 alone ms | p99 flood ms | rise |');
    console.log('|---|---:|---:|---:|---:|');
    for (const route of [...new Set([...alone.routes.keys(), ...during.routes.keys()])].sort()) {
      const a = alone.routes.get(route);
      const f = during.routes.get(route);
      const [pa, pf] = [a?.percentile(99) ?? 0, f?.percentile(99) ?? 0];
      console.log(
        `| ${route} | ${a?.total ?? 0} / ${f?.total ?? 0} | ${fmt(pa)} | ${fmt(pf)} | ${rise(pa, pf)} |`,
      );
    }
    const [oa, of] = [overall(alone), overall(during)];
    console.log(
      `| **all routes** | ${oa.total} / ${of.total} | ${fmt(oa.percentile(99))} | ${fmt(of.percentile(99))} | ${rise(oa.percentile(99), of.percentile(99))} |`,
    );
    const seconds = options.rounds * options.seconds;
    const perRequest = (c: CpuSnapshot, n: number) => (c.api === null || n === 0 ? '?' : fmt(c.api / n, 1));
    console.log(
      `\nthroughput of the mix: alone ${fmt(total(alone) / seconds, 1)} req/s, during the flood ${fmt(total(during) / seconds, 1)} req/s`,
    );
    console.log('CPU seconds used (user + system, /proc; the machine is shared: compare the rows):');
    console.log(
      "| phase | officers' requests | API | API ms per officer request | worker | MariaDB | load generator |",
    );
    console.log('|---|---:|---:|---:|---:|---:|---:|');
    for (const phase of ['alone', 'flood'] as const) {
      const c = cpuUsed[phase];
      const n = total(phase === 'alone' ? alone : during);
      const sec = (v: number | null) => (v === null ? '?' : fmt(v / 1000, 1));
      console.log(
        `| ${phase} | ${n} | ${sec(c.api)} | ${perRequest(c, n)} | ${sec(c.worker)} | ${sec(c.db)} | ${sec(c.generator)} |`,
      );
    }
    const answered = [...answers]
      .sort(([x], [y]) => x.localeCompare(y))
      .map(([status, n]) => `${status}: ${n}`)
      .join(', ');
    console.log(
      `\nsubmissions: ${sent} from one address (${options.submissions} in ${options.floodSeconds} s, ${floods} times) — ${answered}; accepted ${accepted}, refused ${sent - accepted} (limit ${limit} an hour); their p50 ${fmt(submissionLatency.percentile(50))} ms, p99 ${fmt(submissionLatency.percentile(99))} ms`,
    );
    const extraLetters = filed - accepted;
    const extraRows = attached - accepted * options.files;
    const extraFiles = files - accepted * options.files;
    console.log(
      `stored: ${filed} letters from the form, ${attached} attachment rows, ${files} files in the folder; by refused submissions: ${extraLetters} letters, ${extraRows} rows, ${extraFiles} files (must be 0)`,
    );
    const rises = of.percentile(99) / Math.max(1, oa.percentile(99)) - 1;
    console.log(
      `officers' p99 (all routes) ${rise(oa.percentile(99), of.percentile(99))} during the flood (target < 20 %): ${rises < 0.2 ? 'met' : 'NOT met'}`,
    );
    const fivexx = [alone, during].reduce(
      (n, r) =>
        n +
        r.sum(
          () => true,
          (x) => x.answered('5'),
        ),
      0,
    );
    console.log(`5xx in the officers' mix: ${fivexx}`);
    if (extraLetters !== 0 || extraRows !== 0 || extraFiles !== 0 || fivexx > 0 || rises >= 0.2)
      process.exitCode = 1;
  } finally {
    await db?.end().catch(() => undefined);
    if (!system.interrupted()) await system.cleanup();
    rmSync(attachments, { recursive: true, force: true });
  }
}

if (isMainThread) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
} else {
  void floodHere(workerData as FloodJob);
}
