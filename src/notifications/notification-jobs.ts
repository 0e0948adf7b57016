import type { Queue } from 'bullmq';
import { QUEUES } from '../queue/queues.js';

/** Deterministic job ids of the outbox rows (BullMQ refuses `:` in custom ids). */
export const emailJobId = (deliveryId: string) => `email-${deliveryId}`;
export const webhookJobId = (deliveryId: string) => `webhook-${deliveryId}`;

/** Rows (re-)enqueued per sweep run; the next run takes the rest. */
export const SWEEP_BATCH = 500;

type SendJob = typeof QUEUES.notifications.jobs.emailSend | typeof QUEUES.notifications.jobs.webhookSend;

/**
 * Makes sure a live job exists for an outbox row; true when one was added or retried. A send job is
 * removed when it completes, so a row that is due again (a retry) can reuse its id; one still waiting or
 * running is left alone.
 */
export async function ensureQueued(
  queue: Queue,
  name: SendJob,
  jobId: string,
  deliveryId: string,
): Promise<boolean> {
  const job = await queue.getJob(jobId);
  if (job) {
    const state = await job.getState();
    if (state === 'failed') {
      await job.retry('failed');
      return true;
    }
    if (state !== 'completed' && state !== 'unknown') return false;
    await job.remove();
  }
  await queue.add(
    name,
    { deliveryId },
    {
      jobId,
      // A thrown error (database down) is retried by BullMQ; a refused send is the row's business.
      attempts: 3,
      backoff: { type: 'exponential', delay: 5000 },
      removeOnComplete: true,
      removeOnFail: 1000,
    },
  );
  return true;
}

/** The id-only payload of a send job. */
export function deliveryIdOf(data: unknown): string | null {
  const id = (data as { deliveryId?: unknown } | null)?.deliveryId;
  return typeof id === 'string' && /^[0-9a-f-]{36}$/.test(id) ? id : null;
}
