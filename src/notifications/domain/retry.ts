/**
 * Retries of an outbox row (a webhook call, an e-mail) that failed: 1 min, 5 min, 30 min, 2 h, 12 h after
 * the 1st … 5th failure; the 6th failure is final.
 */
export const RETRY_DELAYS_MS: readonly number[] = [60_000, 300_000, 1_800_000, 7_200_000, 43_200_000];

export const MAX_ATTEMPTS = RETRY_DELAYS_MS.length + 1;

/** The wait after the `attempts`-th failed attempt (1-based), or null when it was the last. */
export function retryDelayMs(attempts: number): number | null {
  if (!Number.isInteger(attempts) || attempts < 1) throw new RangeError(`attempts must be ≥ 1: ${attempts}`);
  return attempts < MAX_ATTEMPTS ? RETRY_DELAYS_MS[attempts - 1] : null;
}
