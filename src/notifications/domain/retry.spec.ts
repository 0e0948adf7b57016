import { MAX_ATTEMPTS, retryDelayMs } from './retry.js';

describe('retryDelayMs', () => {
  it.each([
    [1, 60_000],
    [2, 5 * 60_000],
    [3, 30 * 60_000],
    [4, 2 * 3_600_000],
    [5, 12 * 3_600_000],
    [6, null],
    [7, null],
  ])('after failure %i waits %p', (attempts, expected) => {
    expect(retryDelayMs(attempts)).toBe(expected);
  });

  it('gives up after the sixth attempt', () => {
    expect(MAX_ATTEMPTS).toBe(6);
  });

  it('refuses a count below one', () => {
    expect(() => retryDelayMs(0)).toThrow(RangeError);
  });
});
