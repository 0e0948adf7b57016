import type { JobsOptions } from 'bullmq';
import type { LiveJob } from '../queue/ensure-live-job.js';
import { QUEUES } from '../queue/queues.js';

/** Deterministic job ids of the outbox rows (BullMQ refuses `:` in custom ids). */
export const emailJobId = (deliveryId: string) => `email-${deliveryId}`;
export const webhookJobId = (deliveryId: string) => `webhook-${deliveryId}`;

/** Rows (re-)enqueued per sweep run; the next run takes the rest. */
export const SWEEP_BATCH = 500;

/**
 * A thrown error (database down) is retried by BullMQ; a refused send is the row's business. A send job
 * is removed when it completes, so a row that is due again (a retry) can reuse its id.
 */
const SEND_JOB_OPTIONS: JobsOptions = {
  attempts: 3,
  backoff: { type: 'exponential', delay: 5000 },
  removeOnComplete: true,
  removeOnFail: 1000,
};

/** The job that sends one e-mail outbox row (`ensureLiveJob`, queue/ensure-live-job.ts). */
export const emailSendJob = (deliveryId: string): LiveJob => ({
  name: QUEUES.notifications.jobs.emailSend,
  jobId: emailJobId(deliveryId),
  data: { deliveryId },
  opts: SEND_JOB_OPTIONS,
});

/** The job that sends one webhook outbox row. */
export const webhookSendJob = (deliveryId: string): LiveJob => ({
  name: QUEUES.notifications.jobs.webhookSend,
  jobId: webhookJobId(deliveryId),
  data: { deliveryId },
  opts: SEND_JOB_OPTIONS,
});
