import fc from 'fast-check';
import { rollUp, treeOrder, type Counters, type UnitNode } from './rollup.js';

// province ─┬ agency ─┬ division ── school
//           │         └ inspectorate
//           └ commune
const units: UnitNode[] = [
  { id: 'school', parentId: 'division' },
  { id: 'province', parentId: null },
  { id: 'agency', parentId: 'province' },
  { id: 'division', parentId: 'agency' },
  { id: 'inspectorate', parentId: 'agency' },
  { id: 'commune', parentId: 'province' },
];

describe('treeOrder', () => {
  it('lists parents before children, siblings in input order, with depth', () => {
    expect(treeOrder(units)).toEqual([
      { id: 'province', depth: 0 },
      { id: 'agency', depth: 1 },
      { id: 'division', depth: 2 },
      { id: 'school', depth: 3 },
      { id: 'inspectorate', depth: 2 },
      { id: 'commune', depth: 1 },
    ]);
  });

  it('treats a unit whose parent is outside the list as a root (a scoped part of the tree)', () => {
    expect(treeOrder(units.filter((u) => u.id !== 'province')).map((u) => `${u.id}:${u.depth}`)).toEqual([
      'agency:0',
      'division:1',
      'school:2',
      'inspectorate:1',
      'commune:0',
    ]);
  });

  it('rejects duplicates and cycles', () => {
    expect(() => treeOrder([...units, { id: 'school', parentId: null }])).toThrow(
      expect.objectContaining({ code: 'REPORT_UNIT_TREE_INVALID' }),
    );
    expect(() =>
      treeOrder([
        { id: 'a', parentId: 'b' },
        { id: 'b', parentId: 'a' },
        { id: 'c', parentId: null },
      ]),
    ).toThrow(expect.objectContaining({ code: 'REPORT_UNIT_TREE_INVALID' }));
  });
});

describe('rollUp', () => {
  it('a unit’s total is its own counters plus its children’s totals; every total has every counter', () => {
    const totals = rollUp(units, {
      school: { visits: 2, people: 3 },
      division: { visits: 1 },
      inspectorate: { letters: 4 },
      province: { visits: 10 },
    });
    expect(totals.get('school')).toEqual({ visits: 2, people: 3, letters: 0 });
    expect(totals.get('division')).toEqual({ visits: 3, people: 3, letters: 0 });
    expect(totals.get('inspectorate')).toEqual({ visits: 0, people: 0, letters: 4 });
    expect(totals.get('agency')).toEqual({ visits: 3, people: 3, letters: 4 });
    expect(totals.get('commune')).toEqual({ visits: 0, people: 0, letters: 0 });
    expect(totals.get('province')).toEqual({ visits: 13, people: 3, letters: 4 });
  });

  it('accepts a Map and does not mutate it', () => {
    const own = new Map([['school', { visits: 2 }]]);
    const totals = rollUp(units, own);
    totals.get('school')!.visits = 99;
    expect(own.get('school')).toEqual({ visits: 2 });
    expect(totals.get('province')).toEqual({ visits: 2 });
  });

  it('rejects counters of a unit outside the tree, and non-finite counters', () => {
    expect(() => rollUp(units, { elsewhere: { visits: 1 } })).toThrow(
      expect.objectContaining({ code: 'REPORT_UNIT_TREE_INVALID' }),
    );
    expect(() => rollUp(units, { school: { visits: NaN } })).toThrow(
      expect.objectContaining({ code: 'REPORT_COUNTER_INVALID' }),
    );
  });

  it('handles a deep chain without recursion', () => {
    const chain: UnitNode[] = Array.from({ length: 50_000 }, (_, i) => ({
      id: `u${i}`,
      parentId: i === 0 ? null : `u${i - 1}`,
    }));
    const totals = rollUp(chain, { u49999: { n: 1 }, u0: { n: 1 } });
    expect(totals.get('u0')).toEqual({ n: 2 });
  });

  // A random forest: unit i's parent is some j < i (or none), given in shuffled order.
  const forest = fc.integer({ min: 1, max: 40 }).chain((n) =>
    fc.record({
      parents: fc.tuple(
        ...Array.from({ length: n }, (_, i) =>
          i === 0 ? fc.constant(null) : fc.option(fc.integer({ min: 0, max: i - 1 }), { freq: 6 }),
        ),
      ),
      own: fc.array(
        fc.option(fc.dictionary(fc.constantFrom('a', 'b', 'c'), fc.integer({ min: 0, max: 1000 })), {
          freq: 3,
        }),
        { minLength: n, maxLength: n },
      ),
      order: fc.shuffledSubarray(
        Array.from({ length: n }, (_, i) => i),
        { minLength: n, maxLength: n },
      ),
    }),
  );

  it('property: total = own + children’s totals; each root’s total = sum of own rows in its tree', () => {
    fc.assert(
      fc.property(forest, ({ parents, own, order }) => {
        const tree: UnitNode[] = order.map((i) => ({
          id: `u${i}`,
          parentId: parents[i] === null ? null : `u${parents[i]}`,
        }));
        const rows: Record<string, Counters> = {};
        own.forEach((row, i) => {
          if (row) rows[`u${i}`] = row;
        });
        const totals = rollUp(tree, rows);
        const names = ['a', 'b', 'c'].filter((k) => Object.values(rows).some((r) => k in r));
        const rootOf = (i: number): number => (parents[i] === null ? i : rootOf(parents[i]!));
        for (let i = 0; i < parents.length; i++) {
          const total = totals.get(`u${i}`)!;
          expect(Object.keys(total).sort()).toEqual(names);
          for (const k of names) {
            const children = parents.flatMap((p, j) => (p === i ? [j] : []));
            const expected =
              (rows[`u${i}`]?.[k] ?? 0) + children.reduce((s, j) => s + totals.get(`u${j}`)![k], 0);
            expect(total[k]).toBe(expected);
            if (parents[i] === null) {
              const inTree = Object.entries(rows).filter(([id]) => rootOf(Number(id.slice(1))) === i);
              expect(total[k]).toBe(inTree.reduce((s, [, r]) => s + (r[k] ?? 0), 0));
            }
          }
        }
        // With a single root, the root's total is the sum of all own rows.
        const roots = parents.flatMap((p, i) => (p === null ? [i] : []));
        if (roots.length === 1) {
          for (const k of names) {
            expect(totals.get(`u${roots[0]}`)![k]).toBe(
              Object.values(rows).reduce((s, r) => s + (r[k] ?? 0), 0),
            );
          }
        }
      }),
    );
  });
});
