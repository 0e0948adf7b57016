import { Processor } from '@nestjs/bullmq';
import { UnrecoverableError, type Job } from 'bullmq';
import { JobRouterHost, type JobHandler } from '../queue/job-router.host.js';
import { QUEUES } from '../queue/queues.js';
import { ReportRunBuilder } from './report-run-builder.service.js';
import { runIdOf } from './report-run-jobs.js';

const { jobs } = QUEUES.reports;

/** The reports queue in the worker: one background report per job, and the sweep. */
@Processor(QUEUES.reports.name)
export class ReportsProcessor extends JobRouterHost {
  readonly queueName = QUEUES.reports.name;

  constructor(private readonly runs: ReportRunBuilder) {
    super();
  }

  protected handlers(): Record<string, JobHandler> {
    return {
      [jobs.run]: (job: Job) => {
        const runId = runIdOf(job.data);
        if (!runId) throw new UnrecoverableError(`${job.name}: the payload has no runId`);
        // attemptsMade counts the attempts before this one.
        return this.runs.run(runId, { finalAttempt: job.attemptsMade + 1 >= (job.opts.attempts ?? 1) });
      },
      [jobs.sweep]: () => this.runs.sweep(),
    };
  }
}
