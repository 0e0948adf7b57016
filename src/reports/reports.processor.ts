import { Processor } from '@nestjs/bullmq';
import type { Job } from 'bullmq';
import { payloadId } from '../queue/ensure-live-job.js';
import { JobRouterHost, type JobHandler } from '../queue/job-router.host.js';
import { QUEUES } from '../queue/queues.js';
import { ReportRunBuilder } from './report-run-builder.service.js';

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
        const runId = payloadId(job, 'runId');
        // attemptsMade counts the attempts before this one.
        return this.runs.run(runId, { finalAttempt: job.attemptsMade + 1 >= (job.opts.attempts ?? 1) });
      },
      [jobs.sweep]: () => this.runs.sweep(),
    };
  }
}
