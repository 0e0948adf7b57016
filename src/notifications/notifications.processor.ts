import { Processor } from '@nestjs/bullmq';
import type { Job } from 'bullmq';
import { payloadId } from '../queue/ensure-live-job.js';
import { JobRouterHost, type JobHandler } from '../queue/job-router.host.js';
import { QUEUES } from '../queue/queues.js';
import { EmailDeliveryService } from './email-delivery.service.js';
import { WebhookDeliveryService } from './webhook-delivery.service.js';

const { jobs } = QUEUES.notifications;

/** The notifications queue in the worker: e-mails and webhook calls, one outbox row per job, and the sweeps. */
@Processor(QUEUES.notifications.name)
export class NotificationsProcessor extends JobRouterHost {
  readonly queueName = QUEUES.notifications.name;

  constructor(
    private readonly emails: EmailDeliveryService,
    private readonly webhooks: WebhookDeliveryService,
  ) {
    super();
  }

  protected handlers(): Record<string, JobHandler> {
    return {
      [jobs.emailSend]: (job: Job) => this.emails.send(idOf(job)),
      [jobs.emailSweep]: () => this.emails.sweep(),
      [jobs.emailDigest]: () => this.emails.digest(),
      [jobs.webhookSend]: (job: Job) => this.webhooks.send(idOf(job)),
      [jobs.webhookSweep]: () => this.webhooks.sweep(),
    };
  }
}

function idOf(job: Job): string {
  return payloadId(job, 'deliveryId');
}
