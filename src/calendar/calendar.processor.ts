import { Processor } from '@nestjs/bullmq';
import type { Job } from 'bullmq';
import { payloadId } from '../queue/ensure-live-job.js';
import { JobRouterHost, type JobHandler } from '../queue/job-router.host.js';
import { QUEUES } from '../queue/queues.js';
import { CalendarChangesService } from './calendar-changes.service.js';

/** The calendar queue in the worker: one outbox row per `calendar-change` job, and the sweep. */
@Processor(QUEUES.calendar.name)
export class CalendarProcessor extends JobRouterHost {
  readonly queueName = QUEUES.calendar.name;

  constructor(private readonly changes: CalendarChangesService) {
    super();
  }

  protected handlers(): Record<string, JobHandler> {
    return {
      [QUEUES.calendar.jobs.change]: (job: Job) => this.changes.process(payloadId(job, 'changeId')),
      [QUEUES.calendar.jobs.sweep]: () => this.changes.sweep(),
    };
  }
}
