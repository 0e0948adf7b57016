// Summarises a V8 CPU profile (`node --cpu-prof`, e.g. `npm run bench:reception -- --cpu-prof=DIR`):
//   node dist/scripts/bench/cpu-profile-top.js <file.cpuprofile> [rows]
// Prints the functions with the most self time, then self time by package (the node_modules folder a
// function's file is in; `node:` for Node's own code, `app` for ours), then the functions with the most
// total time (themselves and what they call), as shares of the busy (not idle) sampled time.
import '../../src/bootstrap/require-supported-node.js';
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

function packageOf(url: string): string {
  if (url === '') return '(native/idle)';
  if (url.startsWith('node:')) return 'node:';
  const match = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  return match ? match[1] : 'app';
}

function main(): void {
  const [file, rowsText] = process.argv.slice(2);
  if (!file) throw new Error('usage: cpu-profile-top <file.cpuprofile> [rows]');
  const rows = Number(rowsText ?? 25);
  const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const selfUs = new Map<number, number>();
  profile.samples.forEach((id, i) => selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const child of n.children ?? []) parent.set(child, n.id);
  const keyOf = (frame: ProfileNode['callFrame']) =>
    `${frame.functionName || '(anonymous)'} ${frame.url ? `${frame.url.replace(/^.*node_modules\//, '')}:${frame.lineNumber + 1}` : ''}`;
  const inclusive = new Map<string, number>();
  profile.samples.forEach((leaf, i) => {
    const seen = new Set<string>();
    for (let id: number | undefined = leaf; id !== undefined; id = parent.get(id)) {
      const frame = byId.get(id)?.callFrame;
      if (!frame || frame.functionName === '(idle)' || frame.functionName === '(root)') continue;
      seen.add(keyOf(frame));
    }
    for (const key of seen) inclusive.set(key, (inclusive.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0));
  });
  const functions = new Map<string, number>();
  const packages = new Map<string, number>();
  let total = 0;
  let idle = 0;
  for (const [id, us] of selfUs) {
    const frame = byId.get(id)?.callFrame;
    if (!frame) continue;
    total += us;
    if (frame.functionName === '(idle)') {
      idle += us;
      continue;
    }
    const key = keyOf(frame);
    functions.set(key, (functions.get(key) ?? 0) + us);
    const pkg = packageOf(frame.url);
    packages.set(pkg, (packages.get(pkg) ?? 0) + us);
  }
  const busy = total - idle;
  const pct = (us: number) => `${((100 * us) / busy).toFixed(1).padStart(5)} %`;
  console.log(
    `sampled ${(total / 1e6).toFixed(1)} s, busy ${(busy / 1e6).toFixed(1)} s (shares of busy time)`,
  );
  console.log('\nself time by function:');
  for (const [key, us] of [...functions].sort((a, b) => b[1] - a[1]).slice(0, rows))
    console.log(`${pct(us)}  ${key}`);
  console.log('\nself time by package:');
  for (const [key, us] of [...packages].sort((a, b) => b[1] - a[1]).slice(0, rows))
    console.log(`${pct(us)}  ${key}`);
  console.log('\ntotal time by function (with what it calls):');
  for (const [key, us] of [...inclusive].sort((a, b) => b[1] - a[1]).slice(0, 2 * rows))
    console.log(`${pct(us)}  ${key}`);
}

main();
