// The memory of the processes the load harness starts (docs/load.md, "Memory"): they run with the probe
// (memory-probe.cjs) and an IPC channel; these ask it what their RSS is made of, or for a heap snapshot.
import '../../src/bootstrap/require-supported-node.js';
import type { ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

/** The probe's path: next to this file in the sources, from the build (dist/scripts/bench) up to them. */
export const PROBE = [
  path.join(__dirname, 'memory-probe.cjs'),
  path.resolve(__dirname, '..', '..', '..', 'scripts', 'bench', 'memory-probe.cjs'),
].find((file) => existsSync(file)) as string;

/** Bytes, as process.memoryUsage() gives them, and the committed size of V8's spaces. */
export interface MemorySample {
  rss: number;
  heapTotal: number;
  heapUsed: number;
  external: number;
  arrayBuffers: number;
  /** Committed (physical) size of each V8 space: new_space, old_space, code_space, large_object_space… */
  spaces: Record<string, number>;
  /** V8's heap limit. */
  heapLimit: number;
  /** Major collections so far; the heap used just after the last one, and the highest and lowest. */
  majorGcs: number;
  liveAfterLastMajorGc: number | null;
  liveAfterMajorGcMax: number | null;
  liveAfterMajorGcMin: number | null;
}

const fmt = (n: number) => n.toLocaleString('en-US', { maximumFractionDigits: 0 });

let probeRequests = 0;

function askProbe<T>(
  child: ChildProcess,
  message: object,
  key: string,
  timeoutMs: number,
): Promise<T | null> {
  if (!child.connected || child.exitCode !== null) return Promise.resolve(null);
  const id = ++probeRequests;
  return new Promise((resolve) => {
    const onMessage = (reply: { id?: number } & Record<string, unknown>) => {
      if (reply?.id !== id) return;
      done(reply[key] as T);
    };
    const timer = setTimeout(() => done(null), timeoutMs);
    const done = (value: T | null) => {
      clearTimeout(timer);
      child.off('message', onMessage);
      child.channel?.unref();
      resolve(value);
    };
    child.on('message', onMessage);
    child.send({ ...message, id }, (error) => error && done(null));
  });
}

/** process.memoryUsage() and V8's spaces of a process started with the probe (null without it). */
export function memoryOf(child: ChildProcess): Promise<MemorySample | null> {
  return askProbe<MemorySample>(child, { type: 'memory' }, 'memory', 5_000);
}

/** A heap snapshot of a process started with the probe, written to `file` (null without the probe). */
export function heapSnapshot(child: ChildProcess, file: string): Promise<string | null> {
  return askProbe<string>(child, { type: 'snapshot', file }, 'file', 300_000);
}

const mib = (bytes: number | null | undefined) =>
  bytes === null || bytes === undefined ? '?' : fmt(bytes / 2 ** 20);

/**
 * What the RSS is made of: V8's heap as committed (by space), of it used and live after the last major
 * collection; the memory outside the heap that V8 is told of (`external`: array buffers — socket and
 * file buffers — and native objects' declared sizes); and the rest: the node binary's code and data,
 * what native code mallocs (V8's own tables, OpenSSL, zlib, the libraries' addons), thread stacks.
 */
export function memoryLine(m: MemorySample | null): string {
  if (!m) return 'no probe';
  const s = m.spaces;
  const young = (s.new_space ?? 0) + (s.new_large_object_space ?? 0);
  const old = s.old_space ?? 0;
  const code = (s.code_space ?? 0) + (s.code_large_object_space ?? 0);
  const large = s.large_object_space ?? 0;
  const otherSpaces = m.heapTotal - young - old - code - large;
  return (
    `RSS ${mib(m.rss)} MB = heap ${mib(m.heapTotal)} (young ${mib(young)}, old ${mib(old)}, large ${mib(large)}, code ${mib(code)}, other ${mib(otherSpaces)}; ` +
    `used ${mib(m.heapUsed)}, live after the last major GC ${mib(m.liveAfterLastMajorGc)} [${mib(m.liveAfterMajorGcMin)}–${mib(m.liveAfterMajorGcMax)} over ${m.majorGcs}]) ` +
    `+ external ${mib(m.external)} (array buffers ${mib(m.arrayBuffers)}) + the rest ${mib(m.rss - m.heapTotal - m.external)} (MB; heap limit ${mib(m.heapLimit)})`
  );
}
