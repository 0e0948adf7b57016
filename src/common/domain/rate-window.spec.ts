import { hitRateWindow, newRateWindow, rateWindowIdle } from './rate-window';

const MINUTE = 60_000;

describe('a sliding window rate counter', () => {
  it('lets `limit` hits through in a window and refuses the next, with the seconds to wait', () => {
    const state = newRateWindow(0, MINUTE);
    for (let i = 0; i < 3; i++) {
      expect(hitRateWindow(state, i * 1000, MINUTE, 3, MINUTE)).toMatchObject({
        totalHits: i + 1,
        isBlocked: false,
        timeToBlockExpire: 0,
      });
    }
    expect(hitRateWindow(state, 10_000, MINUTE, 3, MINUTE)).toEqual({
      totalHits: 4,
      timeToExpire: 50,
      isBlocked: true,
      timeToBlockExpire: 60,
    });
    // Blocked hits are refused and not counted; the block ends after blockDuration.
    expect(hitRateWindow(state, 69_999, MINUTE, 3, MINUTE)).toMatchObject({
      isBlocked: true,
      timeToBlockExpire: 1,
    });
    // The window rolled at 60 s: the four counted hits are the previous window's, the refused one is not.
    expect(state).toMatchObject({ current: 0, previous: 4 });
  });

  it('weighs the previous window by how much of it the sliding window still covers', () => {
    const state = newRateWindow(0, MINUTE);
    for (let i = 0; i < 10; i++) hitRateWindow(state, 50_000 + i, MINUTE, 100, MINUTE);
    // A quarter into the next window, three quarters of the previous one are still in the last minute:
    // 1 + 10 × 0.75, rounded up.
    expect(hitRateWindow(state, 75_000, MINUTE, 100, MINUTE).totalHits).toBe(9);
    // Two windows later nothing of those hits is left.
    expect(hitRateWindow(state, 180_000, MINUTE, 100, MINUTE).totalHits).toBe(1);
  });

  it('does not let a client double its rate across a window boundary', () => {
    const state = newRateWindow(0, MINUTE);
    for (let i = 0; i < 60; i++)
      expect(hitRateWindow(state, 59_000, MINUTE, 60, MINUTE).isBlocked).toBe(false);
    // A fixed window would allow 60 more at 60.5 s; the sliding estimate still counts ~59 of the 60.
    expect(hitRateWindow(state, 60_500, MINUTE, 60, MINUTE).isBlocked).toBe(true);
  });

  it('is idle, and may be forgotten, two windows after its last hit unless blocked', () => {
    const state = newRateWindow(0, MINUTE);
    hitRateWindow(state, 1000, MINUTE, 1, 5 * MINUTE);
    hitRateWindow(state, 2000, MINUTE, 1, 5 * MINUTE);
    expect(rateWindowIdle(state, 3 * MINUTE)).toBe(false); // still blocked
    expect(rateWindowIdle(state, 5 * MINUTE + 2000)).toBe(true);
    const quiet = newRateWindow(0, MINUTE);
    hitRateWindow(quiet, 1000, MINUTE, 10, MINUTE);
    expect(rateWindowIdle(quiet, MINUTE + 59_999)).toBe(false);
    expect(rateWindowIdle(quiet, 2 * MINUTE)).toBe(true);
  });
});
