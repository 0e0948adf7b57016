import { InjectQueue, Processor } from '@nestjs/bullmq';
import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import type { Job, Queue } from 'bullmq';
import { payloadId } from '../../queue/ensure-live-job.js';
import { JobRouterHost, type JobHandler } from '../../queue/job-router.host.js';
import { QUEUES } from '../../queue/queues.js';
import { LetterEmailsService } from './letter-emails.service.js';

const { jobs } = QUEUES.citizenEmails;

/** The citizen-emails queue in the worker: the sweep and one send per outbox row. */
@Processor(QUEUES.citizenEmails.name)
export class LetterEmailsProcessor extends JobRouterHost {
  readonly queueName = QUEUES.citizenEmails.name;

  constructor(private readonly emails: LetterEmailsService) {
    super();
  }

  protected handlers(): Record<string, JobHandler> {
    return {
      [jobs.sweep]: () => this.emails.sweep(),
      [jobs.send]: (job: Job) => this.emails.send(payloadId(job, 'messageId')),
    };
  }
}

/** Registers the sweep (every minute) when the worker starts; idempotent. */
@Injectable()
export class LetterEmailsScheduler implements OnApplicationBootstrap {
  constructor(@InjectQueue(QUEUES.citizenEmails.name) private readonly queue: Queue) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.queue.upsertJobScheduler(
      jobs.sweep,
      { every: 60_000 },
      { name: jobs.sweep, data: {}, opts: { attempts: 1, removeOnComplete: 100, removeOnFail: 100 } },
    );
  }
}
