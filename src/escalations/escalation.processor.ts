import { Processor } from '@nestjs/bullmq';
import { UnrecoverableError, type Job } from 'bullmq';
import { JobRouterHost, type JobHandler } from '../queue/job-router.host.js';
import { QUEUES } from '../queue/queues.js';
import { EscalationService } from './escalation.service.js';

/** The escalation queue in the worker: the sweep, and one level of one deadline per `escalate` job. */
@Processor(QUEUES.escalation.name)
export class EscalationProcessor extends JobRouterHost {
  readonly queueName = QUEUES.escalation.name;

  constructor(private readonly escalations: EscalationService) {
    super();
  }

  protected handlers(): Record<string, JobHandler> {
    return {
      [QUEUES.escalation.jobs.sweep]: () => this.escalations.sweep(),
      [QUEUES.escalation.jobs.escalate]: (job: Job<Record<string, unknown>>) => {
        const { deadlineId, version, level } = job.data ?? {};
        if (
          typeof deadlineId !== 'string' ||
          deadlineId.length > 36 ||
          !Number.isInteger(version) ||
          !Number.isInteger(level)
        ) {
          throw new UnrecoverableError('escalate: the payload is not {deadlineId, version, level}');
        }
        return this.escalations.escalate({ deadlineId, version: version as number, level: level as number });
      },
    };
  }
}
