import '../../src/bootstrap/require-supported-node.js';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { compareSnapshots } from './heap-snapshot-top';
import { heapSnapshot, memoryLine, memoryOf, PROBE } from './memory';

// A small process started as the load harness starts the API (the probe and an IPC channel) that keeps
// 20,000 objects of its own class when told to.
const CHILD = `
  class RetainedByTheTest { constructor(i) { this.i = i; } }
  globalThis.kept = [];
  process.on('message', (m) => {
    if (m.type !== 'grow') return;
    for (let i = 0; i < 20000; i++) globalThis.kept.push(new RetainedByTheTest(i));
    process.send({ id: m.id, grown: true });
  });
  setInterval(() => {}, 60000);
`;

describe('the load harness memory probe', () => {
  let child: ChildProcess;
  let dir: string;

  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'tiepdan-memory-'));
    child = spawn(process.execPath, ['--require', PROBE, '-e', CHILD], {
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    });
  });
  afterAll(() => {
    child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });

  it('tells what the RSS is made of, counts major GCs and compares heap snapshots by constructor', async () => {
    const first = await memoryOf(child);
    expect(first).not.toBeNull();
    const m = first!;
    expect(m.heapUsed).toBeLessThanOrEqual(m.heapTotal);
    expect(m.rss).toBeGreaterThan(m.heapTotal + m.external);
    expect(m.spaces.old_space).toBeGreaterThan(0);
    expect(m.spaces.new_space).toBeGreaterThan(0);
    expect(memoryLine(m)).toMatch(/^RSS \d+ MB = heap \d+ \(young \d+, old \d+, .*\+ the rest \d+/);

    const before = await heapSnapshot(child, path.join(dir, 'before.heapsnapshot'));
    await new Promise((resolve) => {
      child.once('message', resolve);
      child.send({ type: 'grow', id: -1 });
    });
    const after = await heapSnapshot(child, path.join(dir, 'after.heapsnapshot'));
    expect(before).toBe(path.join(dir, 'before.heapsnapshot'));

    // Writing a snapshot collects all garbage first: a major GC the probe counted, with the live heap.
    const later = (await memoryOf(child))!;
    expect(later.majorGcs).toBeGreaterThanOrEqual(2);
    expect(later.liveAfterLastMajorGc).toBeGreaterThan(0);

    const log = jest.spyOn(console, 'log').mockImplementation(() => undefined);
    const { groups } = compareSnapshots(before!, after!, 5);
    log.mockRestore();
    const retained = groups.get('RetainedByTheTest');
    expect(retained?.before.count).toBe(0);
    expect(retained?.after.count).toBe(20000);
  });
});
