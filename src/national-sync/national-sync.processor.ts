import { Processor } from '@nestjs/bullmq';
import type { Job } from 'bullmq';
import { payloadId } from '../queue/ensure-live-job.js';
import { JobRouterHost, type JobHandler } from '../queue/job-router.host.js';
import { QUEUES } from '../queue/queues.js';
import { NationalSyncDelivery } from './national-sync-delivery.service.js';

const { jobs } = QUEUES.nationalSync;

/** The national-sync queue in the worker: one outbox row per send job, and the sweep. */
@Processor(QUEUES.nationalSync.name)
export class NationalSyncProcessor extends JobRouterHost {
  readonly queueName = QUEUES.nationalSync.name;

  constructor(private readonly delivery: NationalSyncDelivery) {
    super();
  }

  protected handlers(): Record<string, JobHandler> {
    return {
      [jobs.send]: (job: Job) => this.delivery.send(payloadId(job, 'rowId')),
      [jobs.sweep]: () => this.delivery.sweep(),
    };
  }
}
