/**
 * Roll-up of per-unit counters through the unit tree: a unit's total is its own counters plus its
 * children's totals. Generic over counter names (each form has its own). Pure: the tree and the own
 * counters are arguments; the query layer computes the own counters from raw events.
 *
 * The tree may be a part of the organisation (the viewer's scope): a unit whose parent is not in the
 * list is a root of the part.
 */
import { reportInvalid } from './report-error.js';

export interface UnitNode {
  id: string;
  parentId: string | null;
}

export type Counters = Record<string, number>;

export interface OrderedUnit {
  id: string;
  /** 0 for a root of the given tree. */
  depth: number;
}

interface Tree {
  roots: string[];
  children: Map<string, string[]>;
}

function buildTree(units: readonly UnitNode[]): Tree {
  const ids = new Set<string>();
  for (const u of units) {
    if (ids.has(u.id)) throw reportInvalid('REPORT_UNIT_TREE_INVALID', 'units', `duplicate unit id ${u.id}`);
    ids.add(u.id);
  }
  const roots: string[] = [];
  const children = new Map<string, string[]>(units.map((u) => [u.id, []]));
  for (const u of units) {
    if (u.parentId !== null && ids.has(u.parentId)) children.get(u.parentId)!.push(u.id);
    else roots.push(u.id);
  }
  return { roots, children };
}

/**
 * The units in pre-order (each parent before its children, siblings in input order) with their depth.
 * @throws `REPORT_UNIT_TREE_INVALID` on duplicate ids or a cycle (units unreachable from a root)
 */
export function treeOrder(units: readonly UnitNode[]): OrderedUnit[] {
  const { roots, children } = buildTree(units);
  const out: OrderedUnit[] = [];
  const stack: OrderedUnit[] = roots.map((id) => ({ id, depth: 0 })).reverse();
  while (stack.length > 0) {
    const node = stack.pop()!;
    out.push(node);
    const kids = children.get(node.id)!;
    for (let i = kids.length - 1; i >= 0; i--) stack.push({ id: kids[i], depth: node.depth + 1 });
  }
  if (out.length !== units.length) {
    const reached = new Set(out.map((u) => u.id));
    const stuck = units.find((u) => !reached.has(u.id))!;
    throw reportInvalid('REPORT_UNIT_TREE_INVALID', 'units', `unit ${stuck.id} is on a parent cycle`);
  }
  return out;
}

/**
 * Totals per unit: own + the sum of its children's totals. Every total has every counter name that
 * occurs in any own row (0 where absent), so all rows have one shape. Own rows are not mutated.
 * @param own counters per unit id; a unit without a row counts as all zeros
 * @throws `REPORT_UNIT_TREE_INVALID` (duplicates, cycle, a row for a unit not in the tree),
 *   `REPORT_COUNTER_INVALID` (a non-finite counter)
 */
export function rollUp(
  units: readonly UnitNode[],
  own: ReadonlyMap<string, Counters> | Readonly<Record<string, Counters>>,
): Map<string, Counters> {
  const order = treeOrder(units);
  const ownMap: ReadonlyMap<string, Counters> =
    own instanceof Map ? own : new Map(Object.entries(own as Record<string, Counters>));
  const known = new Set(order.map((u) => u.id));
  const names = new Set<string>();
  for (const [id, row] of ownMap) {
    if (!known.has(id)) {
      throw reportInvalid(
        'REPORT_UNIT_TREE_INVALID',
        'rows',
        `counters for unit ${id}, which is not in the tree`,
      );
    }
    for (const [name, value] of Object.entries(row)) {
      if (typeof value !== 'number' || !Number.isFinite(value)) {
        throw reportInvalid('REPORT_COUNTER_INVALID', `rows.${id}.${name}`, 'must be a finite number');
      }
      names.add(name);
    }
  }
  const parentOf = new Map(units.map((u) => [u.id, u.parentId]));
  const totals = new Map<string, Counters>();
  for (const { id } of order) {
    const total: Counters = {};
    for (const name of names) total[name] = 0;
    totals.set(id, total);
  }
  // Reverse pre-order visits every child before its parent: add own, then pass the total up.
  for (let i = order.length - 1; i >= 0; i--) {
    const id = order[i].id;
    const total = totals.get(id)!;
    const row = ownMap.get(id);
    if (row) for (const name in row) total[name] += row[name];
    const parentId = parentOf.get(id)!;
    const parentTotal = parentId === null ? undefined : totals.get(parentId);
    if (parentTotal) for (const name of names) parentTotal[name] += total[name];
  }
  return totals;
}
