import { Processor } from '@nestjs/bullmq';
import { JobRouterHost, type JobHandler } from '../queue/job-router.host.js';
import { QUEUES } from '../queue/queues.js';
import { AuditSequencerService } from './audit-sequencer.service.js';

/** The audit queue in the worker: the scheduled sequencer run that chains new entries. */
@Processor(QUEUES.audit.name)
export class AuditProcessor extends JobRouterHost {
  readonly queueName = QUEUES.audit.name;

  constructor(private readonly sequencer: AuditSequencerService) {
    super();
  }

  protected handlers(): Record<string, JobHandler> {
    return {
      [QUEUES.audit.jobs.chain]: () => this.sequencer.run(),
    };
  }
}
