/**
 * Progress of a background report run (docs/reports.md, "Background runs"). Counting the units is the
 * bulk of the work; writing the file is the rest, so counting fills 0–90 and 100 means the file is there.
 */
export const COUNTING_SHARE = 90;

/** Progress after `done` of `total` units are counted: 0–90, whole numbers, never backwards. */
export function countingProgress(done: number, total: number): number {
  if (!Number.isInteger(done) || !Number.isInteger(total) || done < 0 || total < 0 || done > total) {
    throw new RangeError(`units done ${done} of ${total}`);
  }
  if (total === 0) return COUNTING_SHARE;
  return Math.floor((done * COUNTING_SHARE) / total);
}
