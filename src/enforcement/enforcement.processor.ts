import { Processor } from '@nestjs/bullmq';
import { JobRouterHost, type JobHandler } from '../queue/job-router.host.js';
import { QUEUES } from '../queue/queues.js';
import { EnforcementReviewService } from './enforcement-review.service.js';

/** The enforcement queue in the worker: the monthly review sweep. */
@Processor(QUEUES.enforcement.name)
export class EnforcementProcessor extends JobRouterHost {
  readonly queueName = QUEUES.enforcement.name;

  constructor(private readonly reviews: EnforcementReviewService) {
    super();
  }

  protected handlers(): Record<string, JobHandler> {
    return { [QUEUES.enforcement.jobs.reviewSweep]: () => this.reviews.sweep() };
  }
}
