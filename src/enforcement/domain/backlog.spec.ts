import { emptyCounts, isEmpty, rollUp, type BacklogCounts } from './backlog.js';

const counts = (over: Partial<BacklogCounts>): BacklogCounts => ({ ...emptyCounts(), ...over });

describe('rollUp', () => {
  // province ─ agency ─ division ─ school; the agency also has an inspectorate with nothing of its own.
  const pairs = [
    ['province', 'province'],
    ['province', 'agency'],
    ['province', 'division'],
    ['province', 'school'],
    ['agency', 'agency'],
    ['agency', 'division'],
    ['agency', 'school'],
    ['agency', 'inspectorate'],
    ['division', 'division'],
    ['division', 'school'],
    ['school', 'school'],
  ].map(([ancestorId, descendantId]) => ({ ancestorId, descendantId }));

  it('a parent’s totals are its own plus every unit below it', () => {
    const own = new Map([
      ['agency', counts({ done: 1 })],
      ['division', counts({ overdue: 2, overdueObligations: 3 })],
      ['school', counts({ not_started: 1, blocked: 1 })],
    ]);
    const totals = rollUp(own, pairs);
    expect(totals.get('school')).toEqual(counts({ not_started: 1, blocked: 1 }));
    expect(totals.get('division')).toEqual(
      counts({ not_started: 1, blocked: 1, overdue: 2, overdueObligations: 3 }),
    );
    expect(totals.get('agency')).toEqual(
      counts({ not_started: 1, blocked: 1, overdue: 2, overdueObligations: 3, done: 1 }),
    );
    expect(totals.get('province')).toEqual(totals.get('agency'));
    expect(totals.has('inspectorate')).toBe(false);
  });

  it('stops at the viewer’s scope: ancestors without closure rows get nothing', () => {
    const totals = rollUp(
      new Map([['school', counts({ done: 2 })]]),
      pairs.filter((p) => p.ancestorId !== 'province'),
    );
    expect([...totals.keys()].sort()).toEqual(['agency', 'division', 'school']);
  });

  it('does not mutate the units’ own counts', () => {
    const own = new Map([['school', counts({ done: 2 })]]);
    rollUp(own, pairs);
    expect(own.get('school')).toEqual(counts({ done: 2 }));
    expect(isEmpty(emptyCounts())).toBe(true);
  });
});
