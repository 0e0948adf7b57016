import { Processor } from '@nestjs/bullmq';
import { JobRouterHost, type JobHandler } from '../queue/job-router.host.js';
import { QUEUES } from '../queue/queues.js';
import { WorkerHeartbeatService } from './worker-heartbeat.service.js';

@Processor(QUEUES.maintenance.name)
export class MaintenanceProcessor extends JobRouterHost {
  readonly queueName = QUEUES.maintenance.name;

  constructor(private readonly heartbeat: WorkerHeartbeatService) {
    super();
  }

  protected handlers(): Record<string, JobHandler> {
    return {
      [QUEUES.maintenance.jobs.workerHeartbeat]: () => this.heartbeat.beat(new Date()),
    };
  }
}
