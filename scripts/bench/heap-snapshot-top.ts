// Compares two V8 heap snapshots (`npm run bench:load -- --minutes M --heap-snapshots` takes them of the
// API; Chrome's DevTools reads them too):
//   node dist/scripts/bench/heap-snapshot-top.js <before.heapsnapshot> <after.heapsnapshot> [rows]
// Prints the heap by constructor (objects by their constructor's name, functions by theirs, the rest by
// V8's kind: strings, arrays' backing stores, code…) — count and self size in each snapshot and the
// difference — then the largest single objects of the second with what holds them (the first few
// retainers, weak edges left out). A snapshot holds what is live: V8 collects all garbage first.
import '../../src/bootstrap/require-supported-node.js';
import { readFileSync } from 'node:fs';

interface Snapshot {
  snapshot: {
    meta: {
      node_fields: string[];
      node_types: [string[], ...unknown[]];
      edge_fields: string[];
      edge_types: [string[], ...unknown[]];
    };
  };
  nodes: number[];
  edges: number[];
  strings: string[];
}

interface Group {
  count: number;
  size: number;
}

const MIB = 2 ** 20;
const f1 = (bytes: number) => (bytes / MIB).toFixed(1);

function load(file: string): Snapshot {
  return JSON.parse(readFileSync(file, 'utf8')) as Snapshot;
}

class Heap {
  readonly nodeFields: number;
  readonly typeAt: number;
  readonly nameAt: number;
  readonly sizeAt: number;
  readonly edgeCountAt: number;
  readonly edgeFields: number;
  readonly nodeTypes: string[];
  readonly edgeTypes: string[];
  readonly count: number;

  constructor(readonly s: Snapshot) {
    const meta = s.snapshot.meta;
    this.nodeFields = meta.node_fields.length;
    this.typeAt = meta.node_fields.indexOf('type');
    this.nameAt = meta.node_fields.indexOf('name');
    this.sizeAt = meta.node_fields.indexOf('self_size');
    this.edgeCountAt = meta.node_fields.indexOf('edge_count');
    this.edgeFields = meta.edge_fields.length;
    this.nodeTypes = meta.node_types[0];
    this.edgeTypes = meta.edge_types[0];
    this.count = s.nodes.length / this.nodeFields;
  }

  type(i: number): string {
    return this.nodeTypes[this.s.nodes[i * this.nodeFields + this.typeAt]];
  }
  name(i: number): string {
    return this.s.strings[this.s.nodes[i * this.nodeFields + this.nameAt]];
  }
  size(i: number): number {
    return this.s.nodes[i * this.nodeFields + this.sizeAt];
  }

  /** The group a node is counted in: the constructor's name for objects, V8's kind for the rest. */
  group(i: number): string {
    const type = this.type(i);
    const name = this.name(i);
    switch (type) {
      case 'object':
        return name.length > 60 ? `${name.slice(0, 57)}…` : name;
      case 'closure':
        return `(closure) ${name || '(anonymous)'}`.slice(0, 60);
      case 'native':
        return `(native) ${name.replace(/ \/ .*/, '')}`.slice(0, 60);
      case 'array':
      case 'hidden':
      case 'object shape':
        return `(${type}) ${name}`.slice(0, 60);
      default:
        return `(${type})`;
    }
  }

  groups(): Map<string, Group> {
    const groups = new Map<string, Group>();
    for (let i = 0; i < this.count; i++) {
      const key = this.group(i);
      const g = groups.get(key) ?? { count: 0, size: 0 };
      g.count++;
      g.size += this.size(i);
      groups.set(key, g);
    }
    return groups;
  }

  /** For each node, the first strong edge that points at it: [from node, edge label]. */
  firstRetainers(): { from: Int32Array; label: Int32Array } {
    const from = new Int32Array(this.count).fill(-1);
    const label = new Int32Array(this.count).fill(-1);
    const { nodes, edges } = this.s;
    const typeOf = 0;
    const nameOf = 1;
    const toOf = 2;
    let e = 0;
    for (let i = 0; i < this.count; i++) {
      const edgeCount = nodes[i * this.nodeFields + this.edgeCountAt];
      for (let k = 0; k < edgeCount; k++, e += this.edgeFields) {
        const edgeType = this.edgeTypes[edges[e + typeOf]];
        if (edgeType === 'weak' || edgeType === 'shortcut') continue;
        const to = edges[e + toOf] / this.nodeFields;
        if (from[to] !== -1) continue;
        from[to] = i;
        label[to] =
          edgeType === 'element' || edgeType === 'hidden' ? -2 - edges[e + nameOf] : edges[e + nameOf];
      }
    }
    return { from, label };
  }
}

export interface Comparison {
  /** Each constructor or kind: count and self size (bytes) in each snapshot. */
  groups: Map<string, { before: Group; after: Group }>;
  /** The largest single objects of the second, each with its first retainers. */
  largest: string[];
}

/** Compares two snapshots and prints the comparison (the `rows` largest groups, and the growth). */
export function compareSnapshots(beforeFile: string, afterFile: string, rows = 25): Comparison {
  const before = new Heap(load(beforeFile)).groups();
  const afterHeap = new Heap(load(afterFile));
  const after = afterHeap.groups();
  const total = (g: Map<string, Group>) => [...g.values()].reduce((n, x) => n + x.size, 0);
  console.log(
    `live heap in the snapshots: ${f1(total(before))} MB → ${f1(total(after))} MB (${before.size} → ${after.size} kinds)`,
  );
  console.log('| constructor / kind | count before | count after | MB before | MB after | MB difference |');
  console.log('|---|---:|---:|---:|---:|---:|');
  const keys = new Set([...before.keys(), ...after.keys()]);
  const groups: Comparison['groups'] = new Map();
  const lines = [...keys].map((key) => {
    const b = before.get(key) ?? { count: 0, size: 0 };
    const a = after.get(key) ?? { count: 0, size: 0 };
    groups.set(key, { before: b, after: a });
    return { key, b, a };
  });
  const byAfter = [...lines].sort((x, y) => y.a.size - x.a.size).slice(0, rows);
  const byGrowth = [...lines]
    .sort((x, y) => y.a.size - y.b.size - (x.a.size - x.b.size))
    .filter((l) => !byAfter.includes(l))
    .slice(0, Math.ceil(rows / 3));
  for (const { key, b, a } of [...byAfter, ...byGrowth])
    console.log(
      `| ${key.replace(/\|/g, '/')} | ${b.count} | ${a.count} | ${f1(b.size)} | ${f1(a.size)} | ${(a.size - b.size >= 0 ? '+' : '') + f1(a.size - b.size)} |`,
    );

  // The largest single objects, and what holds them.
  const { from, label } = afterHeap.firstRetainers();
  const largest: number[] = [];
  for (let i = 0; i < afterHeap.count; i++) {
    if (afterHeap.size(i) < 256 * 1024) continue;
    largest.push(i);
  }
  largest.sort((x, y) => afterHeap.size(y) - afterHeap.size(x));
  console.log('\nThe largest single objects after (≥ 256 KiB) and their first retainers:');
  const described: string[] = [];
  for (const i of largest.slice(0, 12)) {
    const path: string[] = [];
    let at = i;
    for (let step = 0; step < 6 && from[at] >= 0; step++) {
      const l = label[at];
      const edge = l <= -2 ? `[${-2 - l}]` : `.${afterHeap.s.strings[l]}`;
      at = from[at];
      path.push(`${edge} of ${afterHeap.group(at)}`);
    }
    described.push(`${f1(afterHeap.size(i))} MB ${afterHeap.group(i)} ← ${path.join(' ← ')}`);
    console.log(`- ${described[described.length - 1]}`);
  }
  return { groups, largest: described };
}

if (require.main === module) {
  const [beforeFile, afterFile, rows] = process.argv.slice(2);
  if (!beforeFile || !afterFile)
    throw new Error('usage: heap-snapshot-top <before.heapsnapshot> <after.heapsnapshot> [rows]');
  compareSnapshots(beforeFile, afterFile, Number(rows ?? 25));
}
