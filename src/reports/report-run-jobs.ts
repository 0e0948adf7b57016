import type { JobsOptions } from 'bullmq';
import type { LiveJob } from '../queue/ensure-live-job.js';
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

/**
 * The job of a run. For the sweep's `ensureLiveJob(queue, reportRunJob(id), 'replace')`: a job still
 * waiting, delayed or active is left alone; a completed or failed one is replaced (its run is still
 * unfinished).
 */
export const reportRunJob = (runId: string): LiveJob => ({
  name: QUEUES.reports.jobs.run,
  jobId: reportRunJobId(runId),
  data: { runId },
  opts: REPORT_RUN_JOB_OPTIONS,
});
