import {
  afterFailure,
  attemptWait,
  delaySeconds,
  FORGET_AFTER_MS,
  liveFailures,
  type ThrottleState,
} from './sign-in-throttle.js';

const rule = { free: 5, maxDelaySeconds: 900 };
const empty: ThrottleState = { failures: 0, blockedUntil: null, lastFailureAt: null };
const t0 = 1_796_612_400_000; // 2026-12-07T03:00:00Z
const at = (seconds: number) => t0 + seconds * 1000;

function fail(times: number, from = empty, now = t0): ThrottleState {
  let s = from;
  for (let i = 0; i < times; i++) s = afterFailure(s, rule, now);
  return s;
}

describe('sign-in throttling', () => {
  it('gives free failures, then waits that double up to the ceiling', () => {
    expect([5, 6, 7, 8, 15, 16, 40].map((n) => delaySeconds(n, rule))).toEqual([0, 1, 2, 4, 512, 900, 900]);
  });

  it('forgets failures a day after the last one', () => {
    const s = fail(9);
    expect(liveFailures(s, at(60))).toBe(9);
    expect(liveFailures(s, t0 + FORGET_AFTER_MS)).toBe(0);
    expect(afterFailure(s, rule, t0 + FORGET_AFTER_MS).failures).toBe(1);
  });

  it('makes a guessing pair wait, and the wait ends by itself', () => {
    const pair = fail(8);
    const t = { pair, address: fail(8), account: fail(8) };
    expect(attemptWait(t, t0)).toBe(4);
    expect(attemptWait(t, at(4))).toBe(0);
  });

  it('never keeps the right password out from a clean address, however many failed elsewhere', () => {
    const account = fail(200);
    expect(attemptWait({ pair: empty, address: empty, account }, t0)).toBe(0);
    // An address that already failed for this account waits the account's wait.
    expect(attemptWait({ pair: fail(1), address: fail(1), account }, t0)).toBe(900);
  });
});
