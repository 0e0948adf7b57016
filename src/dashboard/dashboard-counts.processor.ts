import { Processor } from '@nestjs/bullmq';
import { JobRouterHost, type JobHandler } from '../queue/job-router.host.js';
import { QUEUES } from '../queue/queues.js';
import { DashboardCountsRefresher } from './dashboard-counts.refresher.js';

/** The dashboard queue in the worker: the refresh of the kept counts. */
@Processor(QUEUES.dashboard.name)
export class DashboardCountsProcessor extends JobRouterHost {
  readonly queueName = QUEUES.dashboard.name;

  constructor(private readonly refresher: DashboardCountsRefresher) {
    super();
  }

  protected handlers(): Record<string, JobHandler> {
    return { [QUEUES.dashboard.jobs.refresh]: () => this.refresher.refresh() };
  }
}
