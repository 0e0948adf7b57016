/** The quantiles the latency gauges report (1 = the slowest job of the sample). */
export const LATENCY_QUANTILES = [0.5, 0.9, 0.99, 1] as const;

/** What a completed BullMQ job says about its timing (milliseconds since the epoch). */
export interface JobTimes {
  timestamp: number;
  /** A delayed job (scheduled ones are) becomes due `delay` ms after `timestamp`. */
  delay?: number;
  processedOn?: number;
  finishedOn?: number;
}

export interface LatencySample {
  /** Jobs with both times, i.e. the sample size of the quantiles. */
  jobs: number;
  /** Seconds from processing start to finish, by quantile. */
  run: Map<number, number>;
  /** Seconds from becoming due (added, or added + delay) to processing start, by quantile. */
  wait: Map<number, number>;
}

/** Nearest-rank quantile of sorted values (q in 0…1). */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.max(1, Math.ceil(q * sorted.length));
  return sorted[Math.min(rank, sorted.length) - 1];
}

/** Run time and wait time quantiles, in seconds, over a list of completed jobs. */
export function latencyOf(jobs: readonly JobTimes[]): LatencySample {
  const run: number[] = [];
  const wait: number[] = [];
  for (const j of jobs) {
    if (typeof j.processedOn !== 'number' || typeof j.finishedOn !== 'number') continue;
    run.push(Math.max(0, j.finishedOn - j.processedOn) / 1000);
    wait.push(Math.max(0, j.processedOn - j.timestamp - (j.delay ?? 0)) / 1000);
  }
  run.sort((a, b) => a - b);
  wait.sort((a, b) => a - b);
  return {
    jobs: run.length,
    run: new Map(LATENCY_QUANTILES.map((q) => [q, quantile(run, q)])),
    wait: new Map(LATENCY_QUANTILES.map((q) => [q, quantile(wait, q)])),
  };
}
