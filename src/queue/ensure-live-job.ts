import { UnrecoverableError, type Job, type JobsOptions, type Queue } from 'bullmq';
import { UUID_PATTERN } from '../common/ids/uuid7.js';

/**
 * A job for a piece of work the database says is due (an outbox row, a run, a deadline's level), under
 * its deterministic id (BullMQ refuses `:` in custom ids).
 */
export interface LiveJob<T extends object = Record<string, unknown>> {
  name: string;
  jobId: string;
  /** Ids only: the handler reads the current state from the database. */
  data: T;
  opts?: JobsOptions;
}

/**
 * What becomes of a job of the same id that failed for good while its work is still due: `retry` it
 * (the same job, its attempts afresh) or `replace` it with a new one.
 */
export type FailedJobPolicy = 'retry' | 'replace';

/**
 * Makes sure a live job exists for due work — the one step of every "outbox, then job, then sweep" path
 * (ADR 0003); true when a job was added or retried. A job of that id still waiting, delayed or active is
 * left alone (it will run); a completed one, or one BullMQ no longer knows, is removed and added again
 * (the work is still due, so the id is used again); a failed one is retried or replaced.
 */
export async function ensureLiveJob(
  queue: Queue,
  job: LiveJob,
  onFailed: FailedJobPolicy = 'retry',
): Promise<boolean> {
  const existing = await queue.getJob(job.jobId);
  if (existing) {
    const state = await existing.getState();
    if (state === 'failed' && onFailed === 'retry') {
      await existing.retry('failed');
      return true;
    }
    if (state !== 'failed' && state !== 'completed' && state !== 'unknown') return false;
    await existing.remove();
  }
  await addJob(queue, job);
  return true;
}

/** Adds the job under its id (a no-op when a job of that id exists): the publish step after a commit. */
export function addJob(queue: Queue, job: LiveJob): Promise<Job> {
  return queue.add(job.name, job.data, { ...job.opts, jobId: job.jobId });
}

/** Failed jobs read per call when {@link ensureLiveJobs} looks for the due ones among them. */
const FAILED_PAGE = 1000;

/**
 * {@link ensureLiveJob} for many jobs at once, whose jobs are removed when they complete: one bulk add
 * (an id that exists is a no-op in BullMQ), then every failed job whose id is among them is retried.
 * Returns the jobs given plus those retried. Every failed job is looked at, a page at a time, before
 * any is retried (a retry takes it off the list and would shift the pages); one retried or removed
 * meanwhile is left to the next call.
 */
export async function ensureLiveJobs(queue: Queue, jobs: readonly LiveJob[]): Promise<number> {
  if (jobs.length === 0) return 0;
  await queue.addBulk(jobs.map((j) => ({ name: j.name, data: j.data, opts: { ...j.opts, jobId: j.jobId } })));
  const due = new Set(jobs.map((j) => j.jobId));
  const toRetry = new Map<string, Job>();
  for (let start = 0; ; start += FAILED_PAGE) {
    const page = await queue.getFailed(start, start + FAILED_PAGE - 1);
    for (const failed of page)
      if (failed.id !== undefined && due.has(failed.id)) toRetry.set(failed.id, failed);
    if (page.length < FAILED_PAGE) break;
  }
  let retried = 0;
  for (const failed of toRetry.values()) {
    try {
      await failed.retry('failed');
      retried++;
    } catch {
      // Retried or removed meanwhile (a job failing while the pages were read shifts them).
    }
  }
  return jobs.length + retried;
}

/** The id of an id-only payload (`{ runId: '<uuid>' }`); null when it is missing or not a UUID. */
export function idOnlyPayload(data: unknown, key: string): string | null {
  const id = (data as Record<string, unknown> | null | undefined)?.[key];
  return typeof id === 'string' && UUID_PATTERN.test(id) ? id : null;
}

/** The id of a job's id-only payload; a payload without one fails the job at once, without retries. */
export function payloadId(job: Pick<Job, 'name' | 'data'>, key: string): string {
  const id = idOnlyPayload(job.data, key);
  if (!id) throw new UnrecoverableError(`${job.name}: the payload has no ${key}`);
  return id;
}
