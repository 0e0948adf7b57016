/**
 * A per-key request counter over a sliding window, in constant memory: the hits of the current fixed
 * window and of the one before it, the earlier one weighted by how much of it the sliding window still
 * covers (the estimate rate limiters such as nginx and Cloudflare use). @nestjs/throttler's in-memory
 * storage instead keeps one timestamp per hit and filters the whole list on every request, so its memory
 * and its cost per request grow with the hits in the window (docs/load.md).
 *
 * Pure: the caller passes the time (milliseconds) of each hit.
 */
export interface RateWindowState {
  /** Start of the current fixed window (ms). */
  windowStart: number;
  /** Hits counted in the current window and in the window before it. */
  current: number;
  previous: number;
  /** Refused until then (ms; 0: not blocked). */
  blockedUntil: number;
  /** Window length (ms) the state was last counted with, for eviction. */
  ttl: number;
}

export interface RateWindowAnswer {
  /** The estimated hits in the sliding window, this one included. */
  totalHits: number;
  /** Seconds until the current fixed window ends. */
  timeToExpire: number;
  isBlocked: boolean;
  /** Seconds until a block ends (0 when not blocked). */
  timeToBlockExpire: number;
}

export function newRateWindow(now: number, ttl: number): RateWindowState {
  return { windowStart: now, current: 0, previous: 0, blockedUntil: 0, ttl };
}

/** Moves the state's windows forward to the one holding `now`. */
function roll(state: RateWindowState, now: number, ttl: number): void {
  state.ttl = ttl;
  const windows = Math.floor((now - state.windowStart) / ttl);
  if (windows <= 0) return;
  state.previous = windows === 1 ? state.current : 0;
  state.current = 0;
  state.windowStart += windows * ttl;
}

function estimate(state: RateWindowState, now: number, ttl: number): number {
  const covered = 1 - (now - state.windowStart) / ttl;
  return state.current + state.previous * covered;
}

const seconds = (ms: number) => Math.max(0, Math.ceil(ms / 1000));

/**
 * Counts one hit at `now` and answers as @nestjs/throttler's storage does: a hit that takes the count
 * above `limit` is refused and blocks the key for `blockDuration` ms; hits while blocked are refused and
 * not counted.
 */
export function hitRateWindow(
  state: RateWindowState,
  now: number,
  ttl: number,
  limit: number,
  blockDuration: number,
): RateWindowAnswer {
  roll(state, now, ttl);
  const timeToExpire = seconds(state.windowStart + ttl - now);
  if (state.blockedUntil > now) {
    return {
      totalHits: Math.ceil(estimate(state, now, ttl)) + 1,
      timeToExpire,
      isBlocked: true,
      timeToBlockExpire: seconds(state.blockedUntil - now),
    };
  }
  state.blockedUntil = 0;
  state.current++;
  const hits = estimate(state, now, ttl);
  const totalHits = Math.ceil(hits);
  if (hits > limit) {
    state.blockedUntil = now + blockDuration;
    return { totalHits, timeToExpire, isBlocked: true, timeToBlockExpire: seconds(blockDuration) };
  }
  return { totalHits, timeToExpire, isBlocked: false, timeToBlockExpire: 0 };
}

/** True when the state can be forgotten: unblocked and no hit in its last two windows. */
export function rateWindowIdle(state: RateWindowState, now: number): boolean {
  return state.blockedUntil <= now && now - state.windowStart >= 2 * state.ttl;
}
