import { WorkerHost } from '@nestjs/bullmq';
import { UnrecoverableError, type Job } from 'bullmq';

export type JobHandler = (job: Job) => Promise<unknown>;

/**
 * A queue processor that routes each job by name to one handler. Thin by design: a handler parses the
 * id-only payload and calls one service method. An unknown name fails the job without retries.
 */
export abstract class JobRouterHost extends WorkerHost {
  abstract readonly queueName: string;
  protected abstract handlers(): Record<string, JobHandler>;

  /** The job names this processor handles, for the boot-time completeness check. */
  handledJobNames(): string[] {
    return Object.keys(this.handlers());
  }

  async process(job: Job): Promise<unknown> {
    const handler = this.handlers()[job.name];
    if (!handler)
      throw new UnrecoverableError(`no handler for job "${job.name}" on queue "${this.queueName}"`);
    return handler(job);
  }
}
