import fc from 'fast-check';
import { COUNTING_SHARE, countingProgress } from './report-run.js';

describe('countingProgress', () => {
  it.each([
    [0, 10, 0],
    [1, 3, 30],
    [2, 3, 60],
    [3, 3, 90],
    [1, 7, 12],
    [0, 0, 90],
  ])('%i of %i units counted is %i%%', (done, total, expected) => {
    expect(countingProgress(done, total)).toBe(expected);
  });

  it('never goes backwards and stays within 0–90', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100000 }), fc.integer({ min: 0, max: 100000 }), (total, a) => {
        const done = a % (total + 1);
        const p = countingProgress(done, total);
        expect(p).toBeGreaterThanOrEqual(0);
        expect(p).toBeLessThanOrEqual(COUNTING_SHARE);
        if (done < total) expect(countingProgress(done + 1, total)).toBeGreaterThanOrEqual(p);
      }),
    );
  });

  it.each([
    [-1, 3],
    [4, 3],
    [1.5, 3],
  ])('refuses %p of %p', (done, total) => {
    expect(() => countingProgress(done, total)).toThrow(RangeError);
  });
});
