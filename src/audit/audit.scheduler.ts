import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { AppConfig } from '../config/app-config.js';
import { QUEUES } from '../queue/queues.js';

/**
 * Registers the audit sequencer's run when the worker starts (one scheduler per id in BullMQ, however
 * many workers). A run that finds another still chaining returns at once (its sweep lock).
 */
@Injectable()
export class AuditScheduler implements OnApplicationBootstrap {
  constructor(
    @InjectQueue(QUEUES.audit.name) private readonly queue: Queue,
    private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.queue.upsertJobScheduler(
      QUEUES.audit.jobs.chain,
      { every: this.config.audit.chainSeconds * 1000 },
      {
        name: QUEUES.audit.jobs.chain,
        data: {},
        opts: { attempts: 1, removeOnComplete: 100, removeOnFail: 100 },
      },
    );
  }
}
