import '../../src/bootstrap/require-supported-node.js'; // first, as in every file of scripts/bench
import { cpuSplit, isSureAnswer, Ledger, reconcile, surplus, Told, worthRetrying } from './cluster-ledger.js';

const told = (ids: string[], unsure = 0) => {
  const t = new Told();
  for (const id of ids) t.ids.add(id);
  t.unsure = unsure;
  return t;
};

describe('the cluster bench ledger', () => {
  it('finds nothing lost or doubled when the database holds exactly what clients were told', () => {
    expect(reconcile('letters', told(['a', 'b']), ['b', 'a'])).toEqual({
      kind: 'letters',
      told: 2,
      found: 2,
      lost: 0,
      untold: 0,
      unsure: 0,
      doubled: 0,
    });
  });

  it('counts a told id missing from the database as lost', () => {
    expect(reconcile('letters', told(['a', 'b', 'c']), ['a'])).toMatchObject({ lost: 2, doubled: 0 });
  });

  it('counts an id found twice as doubled', () => {
    expect(reconcile('audit', told(['a', 'b']), ['a', 'b', 'b', 'b'])).toMatchObject({ lost: 0, doubled: 2 });
  });

  it('lets an unsure request explain one row nobody was told of, and no more', () => {
    expect(reconcile('letters', told(['a'], 1), ['a', 'x'])).toMatchObject({ untold: 1, doubled: 0 });
    expect(reconcile('letters', told(['a'], 1), ['a', 'x', 'y'])).toMatchObject({ untold: 2, doubled: 1 });
    expect(reconcile('letters', told(['a'], 0), ['a', 'x'])).toMatchObject({ untold: 1, doubled: 1 });
  });

  it('keeps ids and unsure requests per kind', () => {
    const ledger = new Ledger();
    ledger.told('letters', 'a');
    ledger.told('letters', 'a');
    ledger.unsure('letters');
    ledger.told('visits', 'v');
    expect(ledger.entries().map(([k, t]) => [k, [...t.ids], t.unsure])).toEqual([
      ['letters', ['a'], 1],
      ['visits', ['v'], 0],
    ]);
  });

  it('sums the surplus rows of a GROUP BY … HAVING COUNT(*) > 1', () => {
    expect(surplus([])).toBe(0);
    expect(surplus([{ n: 2 }, { n: '3' }])).toBe(3);
  });

  it('tells sure answers from lost ones, and what an idempotent request may send again', () => {
    expect(isSureAnswer(201)).toBe(true);
    expect(isSureAnswer(503)).toBe(true);
    expect(isSureAnswer(null)).toBe(false);
    expect(isSureAnswer(502)).toBe(false);
    expect(isSureAnswer(504)).toBe(false);
    expect(worthRetrying(503, undefined)).toBe(true); // the balancer: no instance ready
    expect(worthRetrying(503, 'DATABASE_UNAVAILABLE')).toBe(false); // the API's own answer
    expect(worthRetrying(null, undefined)).toBe(true);
    expect(worthRetrying(200, undefined)).toBe(false);
  });

  it('splits CPU time between processes', () => {
    expect(cpuSplit([300, 100])).toEqual(['75 %', '25 %']);
    expect(cpuSplit([0, null])).toEqual(['?', '?']);
  });
});
