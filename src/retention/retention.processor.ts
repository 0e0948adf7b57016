import { Processor } from '@nestjs/bullmq';
import { JobRouterHost, type JobHandler } from '../queue/job-router.host.js';
import { QUEUES } from '../queue/queues.js';
import { RetentionService } from './retention.service.js';

/** The retention queue in the worker: the scheduled sweep only (its payload is empty). */
@Processor(QUEUES.retention.name)
export class RetentionProcessor extends JobRouterHost {
  readonly queueName = QUEUES.retention.name;

  constructor(private readonly retention: RetentionService) {
    super();
  }

  protected handlers(): Record<string, JobHandler> {
    return { [QUEUES.retention.jobs.sweep]: () => this.retention.run() };
  }
}
