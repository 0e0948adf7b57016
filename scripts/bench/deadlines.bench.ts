// Deadline engine benchmark: `npm run bench:deadlines` (single-threaded).
//
// 1. computeDeadline() on a mixed workload: every computable rule, triggers spread over 2025–2027,
//    about half the requests with options (variants, extensions, obstacle days, suspensions).
//    Warm-up, then timed rounds; prints the median computations per second.
// 2. The CLI's batch mode on 10,000 JSON lines, spawned as a child process (Node start-up included).
import '../../src/bootstrap/require-supported-node.js'; // first: refuses a Node older than engines, before any native module loads
import { spawnSync } from 'node:child_process';
import { cpus } from 'node:os';
import path from 'node:path';
import { nationalCalendar } from '../../src/calendar/domain/national-calendar.js';
import { daysFromCivil, fromEpochDay } from '../../src/common/domain/local-date.js';
import { computeDeadline, type DeadlineOptions } from '../../src/deadlines/domain/deadline-engine.js';
import { DEFAULT_DEADLINE_POLICY } from '../../src/deadlines/domain/deadline-policy.js';
import {
  DEADLINE_RULES,
  optionsOf,
  type DeadlineRuleVersion,
} from '../../src/deadlines/domain/deadline-rules.js';

const WORKLOAD_SIZE = 100_000;
const PER_ROUND = 2_000_000;
const WARM_UP_ROUNDS = 2;
const ROUNDS = 7;
const CLI_LINES = 10_000;
const CLI_RUNS = 5;

interface Request {
  id: number;
  rule: string;
  trigger: string;
  options: DeadlineOptions;
}

/** mulberry32: a small deterministic PRNG, so every run measures the same workload. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function versionAt(
  versions: readonly DeadlineRuleVersion[],
  trigger: string,
): DeadlineRuleVersion | undefined {
  let found: DeadlineRuleVersion | undefined;
  for (const v of versions) if (v.effectiveFrom === null || v.effectiveFrom <= trigger) found = v;
  return found;
}

function buildWorkload(size: number): Request[] {
  const random = prng(20261125);
  const rules = DEADLINE_RULES.filter((r) => r.versions.some((v) => v.computable));
  const from = daysFromCivil(2025, 1, 1);
  const span = daysFromCivil(2027, 12, 31) - from + 1;
  const none: DeadlineOptions = {};
  const out: Request[] = [];
  while (out.length < size) {
    const rule = rules[Math.floor(random() * rules.length)];
    const triggerDay = from + Math.floor(random() * span);
    const trigger = fromEpochDay(triggerDay);
    const version = versionAt(rule.versions, trigger);
    if (!version?.computable) continue; // e.g. KN-10 before 2026-07-01
    let options = none;
    if (optionsOf(version).length && random() < 0.8) {
      options = {};
      for (const name of optionsOf(version)) {
        if (name === 'remote' || name === 'complicated' || name === 'multiSite' || name === 'dismissal') {
          options[name] = random() < 0.5;
        } else if (name === 'extensions') {
          options.extensions = Math.floor(random() * 3);
        } else if (name === 'obstacleDays') {
          options.obstacleDays = Math.floor(random() * 30);
        } else if (name === 'suspensions' && random() < 0.3) {
          const start = Math.max(
            triggerDay,
            version.suspensions?.from ? daysFromCivil(2026, 7, 1) : triggerDay,
          );
          const suspended = start + Math.floor(random() * 20);
          options.suspensions = [
            {
              suspended: fromEpochDay(suspended),
              resumed: fromEpochDay(suspended + Math.floor(random() * 40)),
            },
          ];
        }
      }
    }
    out.push({ id: out.length, rule: rule.id, trigger, options });
  }
  return out;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

const fmt = (n: number): string => Math.round(n).toLocaleString('en-US');

function benchEngine(workload: Request[]): void {
  const calendar = nationalCalendar();
  const policy = DEFAULT_DEADLINE_POLICY;
  const byRule = new Map<string, number>();
  let withOptions = 0;
  for (const r of workload) {
    byRule.set(r.rule, (byRule.get(r.rule) ?? 0) + 1);
    if (
      Object.values(r.options).some((v) => v === true || (typeof v === 'number' && v > 0) || Array.isArray(v))
    ) {
      withOptions++;
    }
    computeDeadline(r.rule, r.trigger, r.options, calendar, policy); // throws if the workload is wrong
  }
  console.log(
    `workload: ${fmt(workload.length)} requests cycled; ${byRule.size} computable rules; ` +
      `triggers 2025-01-01…2027-12-31; 80 % of requests for rules with variants carry options, ` +
      `${Math.round((100 * withOptions) / workload.length)} % of all requests use one ` +
      `(remote/complicated/multiSite/dismissal, 1–2 extensions, 1–29 obstacle days, a suspension)`,
  );

  let sink = 0; // keeps the results alive
  const round = (): number => {
    const n = workload.length;
    const start = process.hrtime.bigint();
    for (let i = 0; i < PER_ROUND; i++) {
      const r = workload[i % n];
      sink += computeDeadline(r.rule, r.trigger, r.options, calendar, policy).due.charCodeAt(9);
    }
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    return PER_ROUND / seconds;
  };
  for (let i = 0; i < WARM_UP_ROUNDS; i++) round();
  const rates: number[] = [];
  for (let i = 0; i < ROUNDS; i++) rates.push(round());
  console.log(
    `engine: median ${fmt(median(rates))} computations/s over ${ROUNDS} rounds of ${fmt(PER_ROUND)} ` +
      `(min ${fmt(Math.min(...rates))}, max ${fmt(Math.max(...rates))}; ${WARM_UP_ROUNDS} warm-up rounds) [sink ${sink % 10}]`,
  );

  // For information: the same workload when every explanation is rendered too (vi + en).
  const explained = workload.length;
  const start = process.hrtime.bigint();
  for (let i = 0; i < explained; i++) {
    const r = workload[i];
    sink += computeDeadline(r.rule, r.trigger, r.options, calendar, policy).explanation.en.length;
  }
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  console.log(
    `engine + explanation rendered: ${fmt(explained / seconds)} computations/s (${fmt(explained)} requests, one pass)`,
  );
}

function benchCli(workload: Request[]): void {
  const cli = path.resolve(__dirname, '..', '..', 'src', 'deadlines', 'cli', 'deadline.cli.js');
  const input = workload
    .slice(0, CLI_LINES)
    .map((r) => JSON.stringify(r))
    .join('\n');
  const times: number[] = [];
  for (let i = 0; i < CLI_RUNS; i++) {
    const start = process.hrtime.bigint();
    const run = spawnSync(process.execPath, [cli, '--batch'], {
      input,
      encoding: 'utf8',
      maxBuffer: 1 << 30,
    });
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
    const lines = run.stdout.split('\n').filter(Boolean);
    if (run.status !== 0 || lines.length !== CLI_LINES) {
      throw new Error(`CLI batch failed: exit ${run.status}, ${lines.length} lines; ${run.stderr}`);
    }
    const errors = lines.filter((l) => l.includes('"error"')).length;
    if (errors) throw new Error(`CLI batch: ${errors} error lines in a valid workload`);
  }
  console.log(
    `cli --batch: ${fmt(CLI_LINES)} lines (with explanations) in median ${fmt(median(times))} ms ` +
      `over ${CLI_RUNS} runs (min ${fmt(Math.min(...times))} ms, max ${fmt(Math.max(...times))} ms; process start included)`,
  );
}

function main(): void {
  const cpu = cpus();
  console.log(
    `node ${process.version}; ${cpu.length} cores; ${cpu[0]?.model ?? 'unknown cpu'}; single-threaded`,
  );
  const workload = buildWorkload(WORKLOAD_SIZE);
  benchEngine(workload);
  benchCli(workload);
}

main();
