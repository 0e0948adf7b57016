import type { JobsOptions, Queue } from 'bullmq';
import { UUID_PATTERN } from '../common/ids/uuid7.js';
import { QUEUES } from '../queue/queues.js';

/** The deterministic job id of a run (BullMQ refuses `:` in custom ids). */
export const reportRunJobId = (runId: string) => `report-run-${runId}`;

/**
 * A thrown error (database down, disk full) is retried; the run goes back to `queued` between tries and
 * is marked `failed` after the last one. Completed jobs are removed so the sweep can add the id again.
 */
export const REPORT_RUN_JOB_OPTIONS: JobsOptions = {
  attempts: 3,
  backoff: { type: 'exponential', delay: 5000 },
  removeOnComplete: true,
  removeOnFail: 1000,
};

/** The id-only payload of a `report-run` job. */
export function runIdOf(data: unknown): string | null {
  const id = (data as { runId?: unknown } | null)?.runId;
  return typeof id === 'string' && UUID_PATTERN.test(id) ? id : null;
}

/**
 * Makes sure a live job exists for a run; true when one was added or retried. A job still waiting,
 * delayed or active is left alone; a completed or failed one is replaced (its run is still unfinished).
 */
export async function ensureReportRunQueued(queue: Queue, runId: string): Promise<boolean> {
  const jobId = reportRunJobId(runId);
  const job = await queue.getJob(jobId);
  if (job) {
    const state = await job.getState();
    if (state !== 'completed' && state !== 'failed' && state !== 'unknown') return false;
    await job.remove();
  }
  await queue.add(QUEUES.reports.jobs.run, { runId }, { ...REPORT_RUN_JOB_OPTIONS, jobId });
  return true;
}
