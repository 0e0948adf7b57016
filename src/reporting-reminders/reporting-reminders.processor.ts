import { Processor } from '@nestjs/bullmq';
import { JobRouterHost, type JobHandler } from '../queue/job-router.host.js';
import { QUEUES } from '../queue/queues.js';
import { ReportingRemindersService } from './reporting-reminders.service.js';

/** The reporting-reminders queue in the worker: the reminder sweep. */
@Processor(QUEUES.reportingReminders.name)
export class ReportingRemindersProcessor extends JobRouterHost {
  readonly queueName = QUEUES.reportingReminders.name;

  constructor(private readonly reminders: ReportingRemindersService) {
    super();
  }

  protected handlers(): Record<string, JobHandler> {
    return { [QUEUES.reportingReminders.jobs.sweep]: () => this.reminders.sweep() };
  }
}
