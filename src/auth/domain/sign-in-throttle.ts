/**
 * Sign-in throttling (docs/security.md): failed sign-ins are counted per key, and past a number of free
 * failures each new one makes the key wait longer before its next attempt — 1 s, 2 s, 4 s, … up to a
 * ceiling. Nothing is ever locked: the wait ends by itself, and a key forgets its failures a day after
 * the last one. Pure: the caller gives the time, as epoch milliseconds.
 */

/** Failures older than this (since the key's last failure) are forgotten. */
export const FORGET_AFTER_MS = 24 * 3600 * 1000;

export interface ThrottleRule {
  /** Failures allowed before any wait. */
  free: number;
  /** The longest wait, in seconds. */
  maxDelaySeconds: number;
}

/** Times are epoch milliseconds (UTC instants). */
export interface ThrottleState {
  failures: number;
  blockedUntil: number | null;
  lastFailureAt: number | null;
}

/** The failures that still count at `now`. */
export function liveFailures(state: ThrottleState, now: number): number {
  if (state.lastFailureAt === null || now - state.lastFailureAt >= FORGET_AFTER_MS) return 0;
  return state.failures;
}

/** Whole seconds left to wait at `now` before the key may try again (0: it may try now). */
export function secondsToWait(state: ThrottleState, now: number): number {
  if (state.blockedUntil === null) return 0;
  const ms = state.blockedUntil - now;
  return ms > 0 ? Math.ceil(ms / 1000) : 0;
}

/** The wait after the `failures`-th failure: none while free, then doubling from 1 s to the ceiling. */
export function delaySeconds(failures: number, rule: ThrottleRule): number {
  const over = failures - rule.free;
  if (over <= 0) return 0;
  return Math.min(rule.maxDelaySeconds, 2 ** Math.min(over - 1, 30));
}

/** The state after one more failure at `now`. */
export function afterFailure(state: ThrottleState, rule: ThrottleRule, now: number): ThrottleState {
  const failures = liveFailures(state, now) + 1;
  const delay = delaySeconds(failures, rule);
  return {
    failures,
    blockedUntil: delay > 0 ? now + delay * 1000 : null,
    lastFailureAt: now,
  };
}

/** One attempt taken back (it was counted before the password check, and the password was right). */
export function withoutOneFailure(state: ThrottleState, now: number): ThrottleState {
  return { ...state, failures: Math.max(0, liveFailures(state, now) - 1) };
}

export interface SignInThrottles {
  /** This account from this address. */
  pair: ThrottleState;
  /** This address, whatever the account. */
  address: ThrottleState;
  /** This account, whatever the address. */
  account: ThrottleState;
}

/**
 * Seconds the attempt must wait (0: the password is checked). The account's own wait applies only to
 * addresses that already failed for this account: failures spread over many addresses slow those
 * addresses down, but never keep the right password out from a clean address — nobody can lock a known
 * account out.
 */
export function attemptWait(t: SignInThrottles, now: number): number {
  const pairDirty = liveFailures(t.pair, now) > 0;
  return Math.max(
    secondsToWait(t.pair, now),
    secondsToWait(t.address, now),
    pairDirty ? secondsToWait(t.account, now) : 0,
  );
}
