// Faults across processes: `npm run bench:cluster` (docs/load.md "Faults", docs/deployment.md; issue 19
// point 5). Options (all optional):
//   --seconds N    each phase drives the load mix for N s (default 20)
//   --clients N    closed-loop clients (default 2 × DB_POOL_SIZE)
//   --deadlines N  overdue deadlines opened before the worker and the Redis faults, each (default 300)
//   --phases 1,5   only these phases (below; default all)
//   --keep         keep the temporary folder (data, configuration and logs; kept anyway on a failure)
//
// One command, everything on 127.0.0.1 in a temporary folder of its own (removed on exit, Ctrl-C too):
// a MariaDB primary with its binary log and a GTID replica of it; Redis, its replica and three sentinels
// (quorum 2); the real migrations and the load harness's seed; two API processes and two workers (the
// built `dist/`, with DB_REPLICAS, REDIS_SENTINELS, TRUST_PROXY) and HAProxy in front of the APIs (health
// check /health/ready; a connection that fails is tried on the other server, an idempotent request whose
// answer never came too). Then the load harness's mix through HAProxy, phase by phase:
//   1. one API (the other in maintenance in HAProxy) and 2. both, in ABBA order, the same duration
//      each: the throughput ratio (≥ 0.9 wanted) and the CPU each API process took (/proc/<pid>/stat);
//   3. an API killed (SIGKILL) a third into the phase: the survivor carries the mix (it is started again
//      after the phase);
//   4. overdue deadlines opened, and a worker killed while their escalations fire (the other finishes);
//   5. the primary database killed and started again: the 503s while it is away, the time from its return
//      to the first letter registered again (< 10 s wanted);
//   6. overdue deadlines opened again, and SENTINEL FAILOVER: the replica becomes the master.
// It prints the timeline, each phase's answers, and counts LOST and DOUBLED records by comparing what the
// clients were told (201 with an id) with the database: letters, reception visits, complaint cases, case
// steps, deadlines, escalations fired, notifications, audit entries, national outbox rows. Exit 1 when
// any is not 0, when any answer was a 500, or when something did not recover.
import '../../src/bootstrap/require-supported-node.js'; // first, as in every entry point
import 'reflect-metadata';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, openSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import path from 'node:path';
import { NestFactory } from '@nestjs/core';
import type { INestApplicationContext } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import Redis from 'ioredis';
import mysql from 'mysql2/promise';
import type { DataSource } from 'typeorm';
import { AppModule } from '../../src/app.module.js';
import { SYSTEM_ACTOR } from '../../src/auth/domain/actor.js';
import { NODE_FLAGS } from '../../src/bootstrap/node-flags.js';
import { CaseDeadlinesService } from '../../src/case-deadlines/case-deadlines.service.js';
import { addDays } from '../../src/common/domain/local-date.js';
import { loadConfigFromEnvironment } from '../../src/config/load-config.js';
import { CONFIG_SECTIONS } from '../../src/config-sections.js';
import { cpuSplit, reconcile, surplus, type Reconciliation } from './cluster-ledger.js';
import {
  cpuMs,
  fmt,
  freePort,
  localNow,
  nap,
  RATE_LIMIT,
  type Recorder,
  root,
  seed,
  sleep,
  startProcess,
  stoppingOnPurpose,
  Traffic,
  waitUntilLive,
  type World,
} from './load-harness.js';

const INSTALL = 'apt-get install -y haproxy redis-sentinel redis-server mariadb-server';
const MASTER = 'tiepdan-cluster';
const DB_USER = 'tiepdan_cluster';
const DB_PASSWORD = 'cluster-bench-password';
const DB_NAME = 'tiepdan_cluster';

// ---------------------------------------------------------------------------------------------------------
// Options, tools, the timeline

interface Options {
  seconds: number;
  clients: number | null;
  deadlines: number;
  keep: boolean;
  phases: Set<number>;
}

function parseOptions(argv: string[]): Options {
  const o: Options = {
    seconds: 20,
    clients: null,
    deadlines: 300,
    keep: false,
    phases: new Set([1, 2, 3, 4, 5, 6]),
  };
  const positive = (name: string, value: string | undefined) => {
    const n = Number(value);
    if (!Number.isInteger(n) || n <= 0) throw new Error(`${name} needs a positive whole number`);
    return n;
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--seconds') o.seconds = positive(arg, argv[++i]);
    else if (arg === '--clients') o.clients = positive(arg, argv[++i]);
    else if (arg === '--deadlines') o.deadlines = positive(arg, argv[++i]);
    else if (arg === '--keep') o.keep = true;
    else if (arg === '--phases')
      o.phases = new Set((argv[++i] ?? '').split(',').map((v) => positive(arg, v)));
    else throw new Error(`unknown option ${arg} (see the head of scripts/bench/cluster.bench.ts)`);
  }
  return o;
}

function findBin(...names: string[]): string | null {
  const dirs = [...(process.env.PATH ?? '').split(':'), '/usr/sbin', '/usr/bin', '/sbin'];
  for (const name of names)
    for (const dir of dirs) if (dir && existsSync(path.join(dir, name))) return path.join(dir, name);
  return null;
}

interface Tools {
  haproxy: string;
  redis: string;
  /** redis-sentinel, or redis-server run with --sentinel. */
  sentinel: { bin: string; args: string[] };
  mariadbd: string;
  installDb: string;
}

function tools(): Tools {
  const found = {
    haproxy: findBin('haproxy'),
    'redis-server': findBin('redis-server'),
    mariadbd: findBin('mariadbd', 'mysqld'),
    'mariadb-install-db': findBin('mariadb-install-db', 'mysql_install_db'),
  };
  const missing = Object.entries(found).filter(([, v]) => v === null);
  if (missing.length) {
    console.error(`bench:cluster needs ${missing.map(([k]) => k).join(', ')}. On Debian: ${INSTALL}`);
    process.exit(2);
  }
  const sentinel = findBin('redis-sentinel');
  if (!sentinel) console.log(`(no redis-sentinel: running redis-server --sentinel; ${INSTALL})`);
  const redis = found['redis-server']!;
  return {
    haproxy: found.haproxy!,
    redis,
    sentinel: sentinel ? { bin: sentinel, args: [] } : { bin: redis, args: ['--sentinel'] },
    mariadbd: found.mariadbd!,
    installDb: found['mariadb-install-db']!,
  };
}

const started = Date.now();
const timeline: string[] = [];
function event(text: string): void {
  const line = `${((Date.now() - started) / 1000).toFixed(1).padStart(6)} s  ${text}`;
  timeline.push(line);
  console.log(line);
}

// ---------------------------------------------------------------------------------------------------------
// Processes of our own: every one is killed on exit, whatever the exit

const children = new Set<ChildProcess>();
function own(child: ChildProcess): ChildProcess {
  children.add(child);
  child.once('exit', () => children.delete(child));
  return child;
}
function spawnLogged(bin: string, args: string[], log: string): ChildProcess {
  const fd = openSync(log, 'a');
  return own(spawn(bin, args, { stdio: ['ignore', fd, fd] }));
}
async function kill(child: ChildProcess | undefined, signal: NodeJS.Signals): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill(signal);
  const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
  await exited;
  clearTimeout(timer);
}
process.on('exit', () => {
  for (const child of children) child.kill('SIGKILL');
});

async function waitForPort(port: number, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1');
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    await sleep(50);
  }
  throw new Error(`${what} did not listen on ${port} within ${timeoutMs / 1000} s`);
}

/** Polls `check` every 100 ms; the ms it took, or an error after `timeoutMs`. */
async function until(what: string, timeoutMs: number, check: () => Promise<boolean>): Promise<number> {
  const from = Date.now();
  while (Date.now() - from < timeoutMs) {
    if (await check().catch(() => false)) return Date.now() - from;
    await sleep(100);
  }
  throw new Error(`${what}: not within ${timeoutMs / 1000} s`);
}

// ---------------------------------------------------------------------------------------------------------
// MariaDB primary and replica

class Mariadb {
  child?: ChildProcess;
  constructor(
    private readonly t: Tools,
    readonly name: string,
    readonly dir: string,
    readonly port: number,
    private readonly extra: string[],
  ) {}

  get socket(): string {
    return path.join(this.dir, 'mysqld.sock');
  }

  init(): void {
    mkdirSync(this.dir, { recursive: true });
    const run = spawnSync(
      this.t.installDb,
      [
        '--no-defaults',
        `--datadir=${this.dir}/data`,
        `--user=${userInfo().username}`,
        '--auth-root-authentication-method=normal',
        '--skip-test-db',
      ],
      { encoding: 'utf8' },
    );
    if (run.status !== 0) throw new Error(`mariadb-install-db (${this.name}) failed:\n${run.stderr}`);
  }

  async start(): Promise<void> {
    this.child = spawnLogged(
      this.t.mariadbd,
      [
        '--no-defaults',
        `--datadir=${this.dir}/data`,
        `--user=${userInfo().username}`,
        '--bind-address=127.0.0.1',
        `--port=${this.port}`,
        `--socket=${this.socket}`,
        `--pid-file=${this.dir}/mariadb.pid`,
        '--default-time-zone=+00:00',
        '--character-set-server=utf8mb4',
        '--collation-server=utf8mb4_unicode_ci',
        '--skip-name-resolve',
        '--innodb-buffer-pool-size=256M',
        '--max-connections=500',
        `--log-error=${this.dir}/error.log`,
        ...this.extra,
      ],
      path.join(this.dir, 'stdout.log'),
    );
    await waitForPort(this.port, 60_000, `MariaDB ${this.name}`);
  }

  root(): Promise<mysql.Connection> {
    return mysql.createConnection({ socketPath: this.socket, user: 'root', multipleStatements: true });
  }
}

async function startDatabases(t: Tools, dir: string): Promise<{ primary: Mariadb; replica: Mariadb }> {
  const primaryDir = path.join(dir, 'db-primary');
  const primary = new Mariadb(t, 'primary', primaryDir, await freePort(), [
    '--server-id=1',
    `--log-bin=${primaryDir}/binlog`,
    '--binlog-format=ROW',
  ]);
  const replica = new Mariadb(t, 'replica', path.join(dir, 'db-replica'), await freePort(), [
    '--server-id=2',
    '--read-only=1',
    '--skip-slave-start',
  ]);
  primary.init();
  replica.init();
  await Promise.all([primary.start(), replica.start()]);
  // Everything from here is in the primary's binary log, the account included: the replica copies it all
  // from the first GTID (both data folders are what mariadb-install-db made).
  const p = await primary.root();
  await p.query(
    `CREATE USER '${DB_USER}'@'127.0.0.1' IDENTIFIED BY '${DB_PASSWORD}';
     GRANT ALL PRIVILEGES ON *.* TO '${DB_USER}'@'127.0.0.1';
     CREATE DATABASE ${DB_NAME} CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;`,
  );
  await p.end();
  const r = await replica.root();
  await r.query(
    `CHANGE MASTER TO MASTER_HOST='127.0.0.1', MASTER_PORT=${primary.port}, MASTER_USER='${DB_USER}',
       MASTER_PASSWORD='${DB_PASSWORD}', MASTER_USE_GTID=slave_pos, MASTER_CONNECT_RETRY=1;
     START SLAVE;`,
  );
  await until('the replica copies the primary', 30_000, async () => {
    const [rows] = await r.query(`SHOW DATABASES LIKE '${DB_NAME}'`);
    return (rows as unknown[]).length === 1;
  });
  await r.end();
  return { primary, replica };
}

// ---------------------------------------------------------------------------------------------------------
// Redis, its replica, three sentinels

interface RedisSet {
  ports: { master: number; replica: number; sentinels: number[] };
  sentinel: Redis;
  masterPort(): Promise<number>;
}

async function startRedis(t: Tools, dir: string): Promise<RedisSet> {
  const ports = {
    master: await freePort(),
    replica: await freePort(),
    sentinels: [await freePort(), await freePort(), await freePort()],
  };
  const server = (name: string, port: number, extra: string[]) => {
    const d = path.join(dir, name);
    mkdirSync(d, { recursive: true });
    return spawnLogged(
      t.redis,
      [
        ...['--bind', '127.0.0.1', '--port', String(port), '--dir', d],
        ...['--appendonly', 'yes', '--save', '', '--maxmemory-policy', 'noeviction'],
        ...extra,
      ],
      path.join(d, 'redis.log'),
    );
  };
  server('redis-a', ports.master, []);
  server('redis-b', ports.replica, ['--replicaof', '127.0.0.1', String(ports.master)]);
  await Promise.all([
    waitForPort(ports.master, 10_000, 'Redis'),
    waitForPort(ports.replica, 10_000, 'Redis replica'),
  ]);
  for (const [i, port] of ports.sentinels.entries()) {
    const d = path.join(dir, `sentinel-${i + 1}`);
    mkdirSync(d, { recursive: true });
    const conf = path.join(d, 'sentinel.conf');
    writeFileSync(
      conf,
      [
        'bind 127.0.0.1',
        `port ${port}`,
        `dir ${d}`,
        `sentinel monitor ${MASTER} 127.0.0.1 ${ports.master} 2`,
        `sentinel down-after-milliseconds ${MASTER} 2000`,
        `sentinel failover-timeout ${MASTER} 10000`,
        `sentinel parallel-syncs ${MASTER} 1`,
        '',
      ].join('\n'),
    );
    spawnLogged(t.sentinel.bin, [conf, ...t.sentinel.args], path.join(d, 'sentinel.log'));
    await waitForPort(port, 10_000, 'a sentinel');
  }
  // Every sentinel knows the replica and the two others before anything relies on a failover.
  for (const port of ports.sentinels) {
    const s = new Redis({ host: '127.0.0.1', port });
    s.on('error', () => undefined); // a slow connect on a busy machine: `until` tries again
    await until('the sentinels find the replica and each other', 60_000, async () => {
      const replicas = (await s.call('SENTINEL', 'replicas', MASTER)) as unknown[];
      const others = (await s.call('SENTINEL', 'sentinels', MASTER)) as unknown[];
      return replicas.length === 1 && others.length === 2;
    });
    s.disconnect();
  }
  const sentinel = new Redis({ host: '127.0.0.1', port: ports.sentinels[0] });
  // Reconnection is ioredis' job; an error event must not end the bench ([ioredis] Unhandled error event).
  sentinel.on('error', () => undefined);
  return {
    ports,
    sentinel,
    masterPort: async () =>
      Number(((await sentinel.call('SENTINEL', 'get-master-addr-by-name', MASTER)) as string[])[1]),
  };
}

// ---------------------------------------------------------------------------------------------------------
// HAProxy

function haproxyConfig(dir: string, port: number, apis: number[]): string {
  return `global
  maxconn 4096
  stats socket ${dir}/haproxy.sock mode 600 level admin
defaults
  mode http
  option forwardfor
  timeout connect 1s
  timeout client 30s
  timeout server 30s
  timeout check 2s
  # A connection refused or reset before the request went out is tried again, on the other server.
  retries 3
  option redispatch 1
  # An idempotent request whose answer never came (the server died with it) is sent again; a write is
  # not: the API takes no idempotency key, and the write may have happened.
  retry-on conn-failure empty-response response-timeout
frontend tiepdan
  bind 127.0.0.1:${port}
  default_backend apis
backend apis
  balance roundrobin
  http-request disable-l7-retry unless METH_GET || METH_HEAD || { path /api/v1/public/letter-status }
  option httpchk GET /health/ready
  http-check expect status 200
  default-server inter 500 fall 2 rise 2 on-marked-down shutdown-sessions
${apis.map((p, i) => `  server api${i + 1} 127.0.0.1:${p} check`).join('\n')}
`;
}

/** One command on HAProxy's admin socket. */
function haproxyCommand(socket: string, command: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const c = connect(socket);
    let out = '';
    c.on('data', (d) => (out += d.toString()));
    c.on('end', () => resolve(out));
    c.on('error', reject);
    c.write(`${command}\n`);
  });
}

/** Each API server's state in HAProxy (UP, DOWN, MAINT…), by name. */
async function haproxyStates(socket: string): Promise<Record<string, string>> {
  const csv = await haproxyCommand(socket, 'show stat');
  const out: Record<string, string> = {};
  for (const line of csv.split('\n')) {
    const f = line.split(',');
    if (f[0] === 'apis' && f[1]?.startsWith('api')) out[f[1]] = f[17];
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------
// The phases' figures

interface PhaseFigures {
  name: string;
  seconds: number;
  recorder: Recorder;
  note: string;
}

/** Answers by class (`2xx`), a refusal with its code (`503 UNAVAILABLE`), `timeout` and `error`. */
function statusSummary(r: Recorder): { total: number; by: Map<string, number> } {
  const by = new Map<string, number>();
  let total = 0;
  for (const s of r.routes.values())
    for (const [status, n] of s.statuses) {
      const key = status.startsWith('2') ? '2xx' : status;
      by.set(key, (by.get(key) ?? 0) + n);
      total += n;
    }
  return { total, by };
}

function printPhases(phases: PhaseFigures[]): void {
  console.log('\n## Phases\n');
  console.log('| phase | s | requests | req/s | answers | |');
  console.log('|---|---:|---:|---:|---|---|');
  for (const p of phases) {
    const { total, by } = statusSummary(p.recorder);
    const answers = [...by]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([k, n]) => `${k}: ${n}`)
      .join(', ');
    console.log(
      `| ${p.name} | ${p.seconds} | ${total} | ${fmt(total / p.seconds, 1)} | ${answers} | ${p.note} |`,
    );
  }
}

// ---------------------------------------------------------------------------------------------------------

interface Cluster {
  dir: string;
  primary: Mariadb;
  replica: Mariadb;
  redis: RedisSet;
  env: NodeJS.ProcessEnv;
  apiPorts: number[];
  apis: ChildProcess[];
  workers: ChildProcess[];
  haproxySocket: string;
  context: INestApplicationContext;
  db: mysql.Pool;
}

function startApi(c: Cluster, i: number): ChildProcess {
  const env = { ...c.env, HTTP_PORT: String(c.apiPorts[i]), INSTANCE_ID: `api-${i + 1}` };
  const log = path.join(c.dir, `api-${i + 1}.log`);
  return own(startProcess(`api-${i + 1}`, 'dist/src/main.js', NODE_FLAGS, env, log));
}
function startWorker(c: Cluster, i: number): ChildProcess {
  const env = { ...c.env, INSTANCE_ID: `worker-${i + 1}` };
  const log = path.join(c.dir, `worker-${i + 1}.log`);
  return own(startProcess(`worker-${i + 1}`, 'dist/src/worker.js', NODE_FLAGS, env, log));
}
async function apiUp(c: Cluster, i: number): Promise<void> {
  await waitUntilLive(`http://127.0.0.1:${c.apiPorts[i]}/health/live`, c.apis[i]);
  await until(
    `HAProxy sees api${i + 1} up`,
    30_000,
    async () => (await haproxyStates(c.haproxySocket))[`api${i + 1}`] === 'UP',
  );
}

/** Overdue deadlines (a complaint's resolution deadline triggered 120 days ago) in the seeded divisions. */
async function openOverdue(c: Cluster, world: World, n: number): Promise<string[]> {
  const ds = c.context.get<DataSource>(getDataSourceToken());
  const deadlines = c.context.get(CaseDeadlinesService);
  const trigger = addDays(localNow().date, -120);
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const d = await ds.transaction((m) =>
      deadlines.open(m, SYSTEM_ACTOR, {
        subjectType: 'complaint_case',
        subjectId: randomUUID(),
        unitId: world.desks[i % world.desks.length].unitId,
        purpose: 'resolution',
        ruleId: 'KN-3',
        trigger,
      }),
    );
    ids.push(d.id);
  }
  return ids;
}

const count = async (db: mysql.Pool, sql: string, params: unknown[] = []) =>
  Number(((await db.query(sql, params))[0] as { n: number | string }[])[0].n);

/** Opened deadlines whose next level is due today and not fired yet. */
const stillDue = (db: mysql.Pool, ids: string[]) =>
  ids.length === 0
    ? Promise.resolve(0)
    : count(
        db,
        "SELECT COUNT(*) AS n FROM case_deadlines WHERE id IN (?) AND status = 'open' AND next_escalation_on <= ?",
        [ids, localNow().date],
      );

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const t = tools();
  const dir = mkdtempSync(path.join(tmpdir(), 'tiepdan-cluster-'));
  const parts: Partial<Cluster> = { dir, apis: [], workers: [] };
  let cleaning: Promise<void> | undefined;
  const cleanup = () =>
    (cleaning ??= (async () => {
      await parts.context?.close().catch(() => undefined);
      await parts.db?.end().catch(() => undefined);
      parts.redis?.sentinel.disconnect();
      // The APIs and workers first (SIGTERM: they close their connections), then the servers.
      stoppingOnPurpose();
      await Promise.all([...(parts.apis ?? []), ...(parts.workers ?? [])].map((p) => kill(p, 'SIGTERM')));
      await Promise.all([...children].map((p) => kill(p, 'SIGKILL')));
      if (options.keep) console.log(`kept ${dir}`);
      else rmSync(dir, { recursive: true, force: true });
    })());
  for (const signal of ['SIGINT', 'SIGTERM'] as const)
    process.once(signal, () => {
      console.log(`\n${signal}: stopping everything this bench started`);
      void cleanup().finally(() => process.exit(130));
    });

  let failed = false;
  try {
    event(`temporary folder ${dir}`);
    const { primary, replica } = await startDatabases(t, dir);
    Object.assign(parts, { primary, replica });
    event(`MariaDB primary on ${primary.port}, its GTID replica on ${replica.port}`);
    const redis = await startRedis(t, dir);
    parts.redis = redis;
    event(
      `Redis master on ${redis.ports.master}, replica on ${redis.ports.replica}, sentinels on ${redis.ports.sentinels.join(', ')} (quorum 2)`,
    );
    const apiPorts = [await freePort(), await freePort()];
    const lbPort = await freePort();
    const origin = `http://127.0.0.1:${lbPort}`;
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      DB_HOST: '127.0.0.1',
      DB_PORT: String(primary.port),
      DB_USER,
      DB_PASSWORD,
      DB_NAME,
      DB_REPLICAS: `127.0.0.1:${replica.port}`,
      REDIS_HOST: '127.0.0.1',
      REDIS_PORT: '1', // unused: the sentinels say where the master is
      REDIS_SENTINELS: redis.ports.sentinels.map((p) => `127.0.0.1:${p}`).join(','),
      REDIS_SENTINEL_MASTER: MASTER,
      TRUST_PROXY: '127.0.0.1',
      HTTP_HOST: '127.0.0.1',
      PUBLIC_BASE_URL: origin,
      LOG_LEVEL: 'warn',
      LOG_PRETTY: 'false',
      RATE_LIMIT_PUBLIC_PER_MINUTE: RATE_LIMIT,
      RATE_LIMIT_DEFAULT_PER_MINUTE: RATE_LIMIT,
      ACCESS_TOKEN_TTL_SECONDS: '3600',
      ESCALATION_SWEEP_SECONDS: '5',
      ATTACHMENTS_DIR: path.join(dir, 'attachments'),
      // A throwaway database: secrets of its own, whatever .env holds (none needed to run the bench).
      JWT_SECRET: randomBytes(32).toString('hex'),
      IDENTITY_MASTER_KEYS: `cluster1:${randomBytes(32).toString('base64')}`,
      IDENTITY_INDEX_KEY: randomBytes(32).toString('base64'),
    };
    Object.assign(process.env, env);
    const migrate = spawnSync(
      process.execPath,
      [path.join(root, 'scripts/run-built.cjs'), 'typeorm', 'migration:run'],
      { cwd: root, env, encoding: 'utf8' },
    );
    if (migrate.status !== 0) throw new Error(`migrations failed:\n${migrate.stdout}${migrate.stderr}`);
    event('migrated');
    const config = loadConfigFromEnvironment(CONFIG_SECTIONS);
    parts.context = await NestFactory.createApplicationContext(AppModule.forRoot(config), { logger: false });
    const world = await seed(parts.context, 'CL');
    event(`seeded ${world.unitCodes.length} units, ${world.desks.length * 3} officers`);
    const db = mysql.createPool({
      host: '127.0.0.1',
      port: primary.port,
      user: DB_USER,
      password: DB_PASSWORD,
      database: DB_NAME,
      connectionLimit: 2,
    });
    Object.assign(parts, { db, env, apiPorts, haproxySocket: path.join(dir, 'haproxy.sock') });
    const c = parts as Cluster;
    c.apis.push(startApi(c, 0), startApi(c, 1));
    c.workers.push(startWorker(c, 0), startWorker(c, 1));
    const cfg = path.join(dir, 'haproxy.cfg');
    writeFileSync(cfg, haproxyConfig(dir, lbPort, apiPorts));
    const haproxy = spawnLogged(t.haproxy, ['-db', '-f', cfg], path.join(dir, 'haproxy.log'));
    await waitForPort(lbPort, 10_000, 'HAProxy');
    await Promise.all([apiUp(c, 0), apiUp(c, 1)]);
    event(
      `APIs (pids ${c.apis.map((a) => a.pid).join(', ')}) on ${apiPorts.join(', ')}; workers (pids ${c.workers.map((w) => w.pid).join(', ')}); HAProxy (pid ${haproxy.pid}) on ${lbPort}`,
    );

    const traffic = new Traffic(origin, world, 10_000);
    traffic.retries = 3;
    await traffic.login();
    for (const desk of world.desks) {
      await traffic.intake(desk);
      await traffic.decide(desk);
    }
    const clients = options.clients ?? 2 * config.db.poolSize;
    const S = options.seconds;
    const mix = () => traffic.run(clients, S, (d) => traffic.mixed(d));
    event(`${clients} clients through HAProxy, ${S} s a phase`);
    const phases: PhaseFigures[] = [];
    const deadlineIds: string[] = [];
    const apiCpu = () => c.apis.map((a) => cpuMs(a.pid) ?? 0);
    const want = (phase: number) => options.phases.has(phase);

    // 0. Warm-up (not counted): both APIs compile their hot paths before anything is compared.
    await mix();
    event('warm-up done');

    // 1 and 2: one API against two, in ABBA order (one, two, two, one; the same duration each), so that
    // a drift of what else the machine runs weighs on both sides alike.
    let ratioLine = '';
    let perSecondOne = 0;
    if (want(1) || want(2)) {
      const totals = { one: { requests: 0, cpu: [0, 0] }, two: { requests: 0, cpu: [0, 0] } };
      for (const [round, apis] of [
        ['a', 1],
        ['a', 2],
        ['b', 2],
        ['b', 1],
      ] as const) {
        const api2 = apis === 1 ? 'maint' : 'ready';
        await haproxyCommand(c.haproxySocket, `set server apis/api2 state ${api2}`);
        if (apis === 2) await apiUp(c, 1);
        const cpu0 = apiCpu();
        const recorder = await mix();
        const cpu = apiCpu().map((v, i) => v - cpu0[i]);
        const requests = statusSummary(recorder).total;
        const side = apis === 1 ? totals.one : totals.two;
        side.requests += requests;
        side.cpu = side.cpu.map((v, i) => v + cpu[i]);
        const cpuTotal = cpu[0] + cpu[1];
        phases.push({
          name: `${apis}${round}. ${apis === 1 ? 'one API' : 'two APIs'}`,
          seconds: S,
          recorder,
          note: `API CPU s api1/api2: ${cpu.map((v) => fmt(v / 1000, 1)).join(' / ')}${apis === 2 ? ` (${cpuSplit(cpu).join(' / ')})` : ''}, ${fmt(cpuTotal / requests, 2)} ms a request`,
        });
        event(`${apis === 1 ? 'one API' : 'two APIs'} (api2 ${api2}): ${requests} requests in ${S} s`);
      }
      await haproxyCommand(c.haproxySocket, 'set server apis/api2 state ready');
      await apiUp(c, 1);
      event('api2 ready again: two APIs');
      perSecondOne = totals.one.requests / (2 * S);
      const ms = (t: { requests: number; cpu: number[] }) => (t.cpu[0] + t.cpu[1]) / t.requests;
      ratioLine =
        `throughput two APIs / one: ${(totals.two.requests / totals.one.requests).toFixed(2)} (≥ 0.90 wanted); ` +
        `API CPU a request: one ${fmt(ms(totals.one), 2)} ms, two ${fmt(ms(totals.two), 2)} ms; ` +
        `CPU split of the two: ${cpuSplit(totals.two.cpu).join(' / ')}`;
    }

    // 3. An API killed under the mix.
    if (want(3)) {
      let killedAt = 0;
      let answeredAtKill = 0;
      let cpuAtKill = 0;
      const apiKiller = (async () => {
        await nap((S * 1000) / 3);
        answeredAtKill = statusSummary(traffic.recorder).total;
        cpuAtKill = cpuMs(c.apis[1].pid) ?? 0;
        killedAt = Date.now();
        await kill(c.apis[0], 'SIGKILL');
        event(`api1 (pid ${c.apis[0].pid}) killed (SIGKILL) under the mix`);
      })();
      const three = await mix();
      await apiKiller;
      const survivorSeconds = (Date.now() - killedAt) / 1000;
      const survivorRate = (statusSummary(three).total - answeredAtKill) / survivorSeconds;
      const survivorCpu = ((cpuMs(c.apis[1].pid) ?? 0) - cpuAtKill) / 1000 / survivorSeconds;
      phases.push({
        name: '3. api1 killed',
        seconds: S,
        recorder: three,
        note: `after the kill, api2 alone: ${fmt(survivorRate, 1)} req/s over ${survivorSeconds.toFixed(1)} s, ${fmt(survivorCpu * 100)} % of a core`,
      });
      ratioLine += `${ratioLine ? '; ' : ''}the survivor alone: ${fmt(survivorRate, 1)} req/s${perSecondOne ? ` = ${(survivorRate / perSecondOne).toFixed(2)} × one API's` : ''}`;
      c.apis[0] = startApi(c, 0);
      await apiUp(c, 0);
      event(`api1 started again (pid ${c.apis[0].pid})`);
    }

    // 4. A worker killed while the escalations of overdue deadlines fire.
    if (want(4)) {
      const batch = await openOverdue(c, world, options.deadlines);
      deadlineIds.push(...batch);
      event(`${batch.length} overdue deadlines opened (the sweep runs every 5 s)`);
      const workerKiller = (async () => {
        let fired = 0;
        await until('escalations start firing', 60_000, async () => {
          fired = await count(db, 'SELECT COUNT(*) AS n FROM escalations WHERE deadline_id IN (?)', [batch]);
          return fired > 0;
        });
        await kill(c.workers[0], 'SIGKILL');
        event(
          `worker1 (pid ${c.workers[0].pid}) killed (SIGKILL) mid-sweep: ${fired} escalation rows of ${batch.length} deadlines written`,
        );
      })();
      const four = await mix();
      await workerKiller;
      phases.push({ name: '4. worker1 killed mid-sweep', seconds: S, recorder: four, note: '' });
      const waited = await until(
        'the other worker fires every due level',
        120_000,
        async () => (await stillDue(db, batch)) === 0,
      );
      event(
        `every due level fired (${(waited / 1000).toFixed(1)} s after the phase; BullMQ's stalled-job check hands the dead worker's jobs on)`,
      );
      c.workers[0] = startWorker(c, 0);
      event(`worker1 started again (pid ${c.workers[0].pid})`);
    }

    // 5. The primary database killed and started again.
    let recoveryMs: number | null = null;
    if (want(5)) {
      let dbBackAt = 0;
      const dbRestart = (async () => {
        await nap((S * 1000) / 4);
        await kill(primary.child, 'SIGKILL');
        event('MariaDB primary killed (SIGKILL)');
        await primary.start();
        dbBackAt = Date.now();
        event('MariaDB primary listening again (crash recovery done)');
      })();
      // The first letter registered after the primary is back (the mix's, or this probe's once the phase
      // is over): how long the processes take to use the database again.
      const watcher = (async () => {
        while (dbBackAt === 0) await sleep(50);
        const letters = traffic.ledger.of('letters').ids;
        const before = letters.size;
        while (Date.now() - dbBackAt < 30_000) {
          await traffic.intake(world.desks[0], 'probe after the restart: POST /letters');
          if (letters.size > before) {
            recoveryMs = Date.now() - dbBackAt;
            return;
          }
          await sleep(100);
        }
      })();
      const five = await mix();
      await dbRestart;
      await watcher;
      const recovery =
        recoveryMs === null ? 'none within 30 s' : `${((recoveryMs as number) / 1000).toFixed(1)} s`;
      event(`first letter registered ${recovery} after the primary was back`);
      phases.push({
        name: '5. primary restarted',
        seconds: S,
        recorder: five,
        note: `first 201 after: ${recovery}`,
      });
    }

    // 6. Redis failover.
    if (want(6)) {
      const batch = await openOverdue(c, world, options.deadlines);
      deadlineIds.push(...batch);
      event(`${batch.length} overdue deadlines opened`);
      // The failover while the sweep's escalation jobs are in Redis and being worked on.
      const failover = (async () => {
        let fired = 0;
        await until('escalations start firing', 60_000, async () => {
          fired = await count(db, 'SELECT COUNT(*) AS n FROM escalations WHERE deadline_id IN (?)', [batch]);
          return fired > 0;
        });
        const before = await redis.masterPort();
        await redis.sentinel.call('SENTINEL', 'FAILOVER', MASTER);
        event(
          `SENTINEL FAILOVER ${MASTER} (master on ${before}) while the escalations fire: ${fired} rows of ${batch.length} deadlines written`,
        );
        const ms = await until(
          'the replica becomes the master',
          30_000,
          async () => (await redis.masterPort()) === redis.ports.replica,
        );
        event(`the sentinels name ${redis.ports.replica} the master, ${(ms / 1000).toFixed(1)} s later`);
      })();
      const six = await mix();
      await failover;
      phases.push({ name: '6. Redis failover', seconds: S, recorder: six, note: '' });
      const waited = await until(
        'every due level fires after the failover',
        180_000,
        async () => (await stillDue(db, deadlineIds)) === 0,
      );
      event(`every due level fired (${(waited / 1000).toFixed(1)} s after the phase)`);
    }
    for (const i of [0, 1]) {
      const ms = await until(
        `api${i + 1} ready`,
        30_000,
        async () => (await fetch(`http://127.0.0.1:${apiPorts[i]}/health/ready`)).ok,
      );
      event(`api${i + 1} ready (${ms} ms)`);
    }

    printPhases(phases);
    if (ratioLine) console.log(`\n${ratioLine}`);
    console.log(`idempotent requests sent again for want of an answer: ${traffic.retried}`);

    const results = await reckon(db, traffic, deadlineIds);
    console.log('\n## Lost and doubled\n');
    console.log('| records | told | found | lost | untold (unsure requests) | doubled |');
    console.log('|---|---:|---:|---:|---:|---:|');
    for (const r of results)
      console.log(
        `| ${r.kind} | ${r.told} | ${r.found} | ${r.lost} | ${r.untold} (${r.unsure}) | ${r.doubled} |`,
      );
    const lost = results.reduce((n, r) => n + r.lost, 0);
    const doubled = results.reduce((n, r) => n + r.doubled, 0);
    let errors = 0;
    for (const p of phases)
      for (const [k, n] of statusSummary(p.recorder).by) if (k.startsWith('500')) errors += n;
    console.log(`\nlost ${lost}, doubled ${doubled}, 500s ${errors}`);
    console.log('\n## Timeline\n');
    for (const line of timeline) console.log(line);
    failed = lost > 0 || doubled > 0 || errors > 0 || (want(5) && recoveryMs === null);
  } catch (error) {
    failed = true;
    console.error(error);
  } finally {
    // A failed run keeps its folder: the processes' logs say what went wrong.
    if (failed) options.keep = true;
    await cleanup();
  }
  process.exit(failed ? 1 : 0);
}

/** What the clients were told against the database, kind by kind (cluster-ledger.ts). */
async function reckon(db: mysql.Pool, traffic: Traffic, deadlineIds: string[]): Promise<Reconciliation[]> {
  const ids = async (sql: string) => ((await db.query(sql))[0] as { id: string }[]).map((r) => r.id);
  const groups = async (sql: string, params: unknown[] = []) =>
    (await db.query(sql, params))[0] as { n: number | string }[];
  const { ledger } = traffic;
  const out: Reconciliation[] = [
    reconcile('letters', ledger.of('letters'), await ids('SELECT id FROM letters')),
    reconcile(
      'letter audit entries (create)',
      ledger.of('letters'),
      await ids("SELECT entity_id AS id FROM audit_log WHERE entity_type = 'letter' AND action = 'create'"),
    ),
    reconcile(
      'letter outbox rows (letter.classified)',
      ledger.of('letters'),
      await ids(
        "SELECT record_id AS id FROM national_sync_outbox WHERE record_type = 'letter' AND event = 'letter.classified'",
      ),
    ),
    reconcile('reception visits', ledger.of('visits'), await ids('SELECT id FROM reception_visits')),
    reconcile(
      'visit audit entries (create)',
      ledger.of('visits'),
      await ids(
        "SELECT entity_id AS id FROM audit_log WHERE entity_type = 'reception_visit' AND action = 'create'",
      ),
    ),
    reconcile(
      'visit outbox rows',
      ledger.of('visits'),
      await ids(
        "SELECT record_id AS id FROM national_sync_outbox WHERE record_type = 'reception_visit' AND sequence = 1",
      ),
    ),
    reconcile('complaint cases', ledger.of('complaint cases'), await ids('SELECT id FROM complaint_cases')),
  ];
  // Case steps: told `<case>@<version>`; the case must be at that version or later, each event once.
  const steps = ledger.of('case steps');
  const versions = new Map(
    ((await db.query('SELECT id, version FROM complaint_cases'))[0] as { id: string; version: number }[]).map(
      (r) => [r.id, Number(r.version)],
    ),
  );
  let stepsLost = 0;
  for (const told of steps.ids) {
    const [id, version] = told.split('@');
    if ((versions.get(id) ?? 0) < Number(version)) stepsLost++;
  }
  out.push({
    kind: 'case steps (events)',
    told: steps.ids.size,
    found: await count(db, 'SELECT COUNT(*) AS n FROM complaint_case_events'),
    lost: stepsLost,
    untold: 0,
    unsure: steps.unsure,
    doubled: surplus(
      await groups(
        'SELECT case_id, event, COUNT(*) AS n FROM complaint_case_events GROUP BY case_id, event HAVING n > 1',
      ),
    ),
  });
  // Deadlines: one open deadline per subject and purpose.
  out.push({
    kind: 'open deadlines (one per subject and purpose)',
    told: 0,
    found: await count(db, "SELECT COUNT(*) AS n FROM case_deadlines WHERE status = 'open'"),
    lost: 0,
    untold: 0,
    unsure: 0,
    doubled: surplus(
      await groups(
        `SELECT subject_type, subject_id, purpose, COUNT(*) AS n FROM case_deadlines WHERE status = 'open'
         GROUP BY subject_type, subject_id, purpose HAVING n > 1`,
      ),
    ),
  });
  // Escalations: every due level of the opened deadlines fired (none still due), each once per due date.
  out.push({
    kind: `escalations (${deadlineIds.length} overdue deadlines)`,
    told: deadlineIds.length,
    found: await count(db, 'SELECT COUNT(*) AS n FROM escalations WHERE deadline_id IN (?)', [deadlineIds]),
    lost:
      (await stillDue(db, deadlineIds)) +
      (await count(
        db,
        `SELECT COUNT(*) AS n FROM case_deadlines d WHERE d.id IN (?)
           AND NOT EXISTS (SELECT 1 FROM escalations e WHERE e.deadline_id = d.id)`,
        [deadlineIds],
      )),
    untold: 0,
    unsure: 0,
    doubled: surplus(
      await groups(
        'SELECT deadline_id, due_date, level, COUNT(*) AS n FROM escalations GROUP BY deadline_id, due_date, level HAVING n > 1',
      ),
    ),
  });
  // Each escalation's recipients notified once each; each escalation audited once.
  const perEscalation = (
    await db.query(
      `SELECT e.recipients AS want, COUNT(n.id) AS got FROM escalations e
         LEFT JOIN notifications n ON n.source_key = CONCAT('escalation-', e.id) GROUP BY e.id, e.recipients`,
    )
  )[0] as { want: number; got: number }[];
  const perDeadline = (
    await db.query(
      `SELECT (SELECT COUNT(*) FROM escalations e WHERE e.deadline_id = d.id AND e.status = 'fired') AS want,
         (SELECT COUNT(*) FROM audit_log a WHERE a.entity_type = 'case_deadline' AND a.entity_id = d.id
            AND a.action = 'escalate') AS got
       FROM case_deadlines d WHERE d.id IN (?)`,
      [deadlineIds],
    )
  )[0] as { want: number; got: number }[];
  for (const [kind, rows] of [
    ['escalation notifications', perEscalation],
    ['escalation audit entries', perDeadline],
  ] as const)
    out.push({
      kind,
      told: rows.reduce((n, r) => n + Number(r.want), 0),
      found: rows.reduce((n, r) => n + Number(r.got), 0),
      lost: rows.reduce((n, r) => n + Math.max(0, Number(r.want) - Number(r.got)), 0),
      untold: 0,
      unsure: 0,
      doubled: rows.reduce((n, r) => n + Math.max(0, Number(r.got) - Number(r.want)), 0),
    });
  return out;
}

void main();
